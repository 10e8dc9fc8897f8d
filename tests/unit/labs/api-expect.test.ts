/**
 * How an API lab's hidden test judges a response (src/lib/labs/api-expect.ts): JSON matched by shape, headers by
 * pattern, captured values filled into later steps, statements counted without the transaction's edges.
 */
import { describe, expect, it } from 'vitest';
import {
  captureValue,
  checkResponse,
  countedQueries,
  describeExpect,
  mismatch,
  substitute,
} from '../../../src/lib/labs/api-expect.ts';
import type { HttpResponseData } from '../../../src/lib/labs/lab-spec.ts';

const response = (status: number, body: unknown, headers: [string, string][] = []): HttpResponseData => ({
  status,
  statusText: '',
  headers: [['content-type', 'application/json'], ...headers],
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('mismatch', () => {
  it('matches objects by the keys named, arrays element by element', () => {
    expect(mismatch({ id: 1 }, { id: 1, title: 'x' })).toBeUndefined();
    expect(mismatch([{ id: 1 }, { id: 2 }], [{ id: 1 }, { id: 2, x: 0 }])).toBeUndefined();
    expect(mismatch([{ id: 1 }], [{ id: 1 }, { id: 2 }])).toBe('the body should have 1 item, got 2');
    expect(mismatch({ items: [{ id: 2 }] }, { items: [{ id: 3 }] })).toBe('items[0].id should be 2, got 3');
  });
  it('tells a number from a string, and reads the type markers', () => {
    expect(mismatch({ status: 404 }, { status: '404' })).toBe('status should be 404, got "404"');
    expect(mismatch({ id: '<number>', next: '<any>' }, { id: 3, next: null })).toBeUndefined();
    expect(mismatch({ next: '<any>' }, {})).toBe('next is missing');
    expect(mismatch({ secret: '<absent>' }, { secret: 'x' })).toBe('secret should not be there, got "x"');
    expect(mismatch({ errors: '<object>' }, { errors: [] })).toBe('errors should be object, got []');
  });
});

describe('substitute and capture', () => {
  it('fills ${name} in strings, and keeps the type of a whole-value capture', () => {
    const captured = { id: 7, etag: '"v1"' };
    expect(substitute({ path: '/books/${id}', id: '${id}', h: { 'If-None-Match': '${etag}' } }, captured)).toEqual({
      path: '/books/7',
      id: 7,
      h: { 'If-None-Match': '"v1"' },
    });
    expect(substitute('${unknown}', captured)).toBe('${unknown}');
  });
  it('captures a header in any case and a JSON path', () => {
    const r = response(200, { items: [{ id: 4 }], next: 'abc' }, [['ETag', 'W/"x"']]);
    expect(captureValue(r, 'header etag')).toBe('W/"x"');
    expect(captureValue(r, 'json items.0.id')).toBe(4);
    expect(captureValue(r, 'json missing')).toBeUndefined();
  });
});

describe('checkResponse', () => {
  it('checks status, headers, leaks, JSON and statements in that order', () => {
    const ok = response(201, { id: 3 }, [['location', 'http://lab.test/books/3']]);
    expect(
      checkResponse({ status: 201, headers: { location: '/books/\\d+' }, json: { id: 3 } }, ok, []),
    ).toBeUndefined();
    expect(checkResponse({ status: [200, 204] }, ok, [])).toBe('Expected status 200 or 204, got 201.');
    expect(checkResponse({ headers: { etag: '.+' } }, ok, [])).toBe('Expected an etag header; the response has none.');
    expect(checkResponse({ headers: { location: null } }, ok, [])).toMatch(/^Expected no location header/);
    const leak = response(409, { detail: 'duplicate key value violates unique constraint "books_pkey"' });
    expect(checkResponse({ status: 409, bodyExcludes: 'duplicate key|constraint' }, leak, [])).toMatch(
      /reveals internals/,
    );
    expect(checkResponse({ json: { id: 1 } }, response(200, 'not json'), [])).toMatch(/^Expected a JSON body/);
  });
  it('counts statements without BEGIN, COMMIT and ROLLBACK', () => {
    const q = (sql: string) => ({ sql, params: [] });
    const queries = [q('BEGIN'), q('SELECT 1'), q('SELECT 2'), q('COMMIT')];
    expect(countedQueries(queries)).toBe(2);
    expect(checkResponse({ maxQueries: 2 }, response(200, {}), queries)).toBeUndefined();
    expect(checkResponse({ maxQueries: 1 }, response(200, {}), queries)).toMatch(/ran 2 SQL statements; at most 1/);
  });
  it("says a 204's empty body in words, and any other body pattern as written", () => {
    expect(describeExpect({ status: 204, body: '^$' })).toEqual(['status 204', 'an empty body']);
    expect(checkResponse({ body: '^$' }, response(204, 'gone'), [])).toBe('Expected an empty body, got "gone".');
    expect(describeExpect({ body: 'ok' })).toEqual(['a body matching ok']);
  });
});
