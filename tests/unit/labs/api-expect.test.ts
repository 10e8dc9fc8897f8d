/**
 * How an API lab's hidden test judges a response (src/lib/labs/api/api-expect.ts): JSON matched by shape, headers by
 * pattern, captured values filled into later steps, statements counted without the transaction's edges.
 */
import { describe, expect, it } from 'vitest';
import {
  captureValue,
  checkResponse,
  countedQueries,
  mismatch,
  substitute,
} from '../../../src/lib/labs/api/api-expect.ts';
import { describeExpect } from '../../../src/lib/labs/api/api-expected.ts';
import type { HttpResponseData } from '../../../src/lib/labs/shared/lab-spec.ts';
import { apiTestSchema } from '../../../src/schemas/lab-checks.ts';
import { ptBr } from '../../../src/i18n/dictionary/pt-br.ts';

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
    expect(checkResponse({ headers: { etag: '.+' } }, ok, [])).toBe('Expected the etag header; the response has none.');
    expect(checkResponse({ headers: { location: null } }, ok, [])).toMatch(/^Expected no location header/);
    const leak = response(409, { detail: 'duplicate key value violates unique constraint "books_pkey"' });
    expect(checkResponse({ status: 409, bodyExcludes: 'duplicate key|constraint' }, leak, [])).toMatch(
      /reveals internals/,
    );
    expect(checkResponse({ json: { id: 1 } }, response(200, 'not json'), [])).toMatch(/^Expected a JSON body/);
  });
  it('fails a request whose refused input reached a statement, as a parameter or in the SQL text', () => {
    const notFound = response(404, { title: 'Not Found', status: 404 });
    const session = { sql: 'SELECT user_id FROM sessions WHERE token = $1', params: ['"sess_ada"'] };
    const expectNoAbc = { status: 404, queriesExclude: 'abc' };
    expect(checkResponse(expectNoAbc, notFound, [session])).toBeUndefined();
    const asParameter = { sql: 'SELECT * FROM orders WHERE id = $1', params: ['"abc"'], error: '22P02' };
    expect(checkResponse(expectNoAbc, notFound, [session, asParameter])).toMatch(
      /^A statement the request ran holds the parameter "abc": SELECT \* FROM orders WHERE id = \$1\. Refuse input/,
    );
    const inText = { sql: "SELECT * FROM orders WHERE id = 'abc'", params: [] };
    expect(checkResponse(expectNoAbc, notFound, [inText])).toMatch(/holds input the request sent, in its SQL text/);
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

describe('sameAs: a response compared whole with a captured one', () => {
  const problem = (body: Record<string, unknown>, type = 'application/problem+json'): HttpResponseData => ({
    status: 404,
    statusText: '',
    headers: [['Content-Type', type]],
    body: JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, ...body }),
  });
  const missing = captureValue(problem({}), 'response', { method: 'GET', path: '/orders/999999' });
  const compare = (r: HttpResponseData, path = '/orders/1002') =>
    checkResponse({ status: 404, sameAs: 'missing' }, r, [], { captured: { missing }, request: `GET ${path}` });

  it('keeps the status, Content-Type, body and the request of a response capture', () => {
    expect(missing).toEqual({
      request: 'GET /orders/999999',
      status: 404,
      contentType: 'application/problem+json',
      body: '{"type":"about:blank","title":"Not Found","status":404}',
    });
  });
  it('passes the same answer, and one that differs only where it echoes the id the client sent', () => {
    expect(compare(problem({}))).toBeUndefined();
    const echo = (id: string) => problem({ detail: `No order ${id}.`, instance: `/orders/${id}` });
    const missingEcho = captureValue(echo('999999'), 'response', { method: 'GET', path: '/orders/999999' });
    expect(
      checkResponse({ sameAs: 'm' }, echo('1002'), [], { captured: { m: missingEcho }, request: 'GET /orders/1002' }),
    ).toBeUndefined();
  });
  it('fails any difference a client can read, and names where it is', () => {
    expect(compare(problem({ detail: 'This order belongs to another account.' }))).toBe(
      'This answer differs from the one GET /orders/999999 got, so a client can tell the two cases apart: in the JSON body, detail is "This order belongs to another account." here and nothing there.',
    );
    expect(compare(problem({ title: 'Not found' }))).toMatch(/title is "Not found" here and "Not Found" there\.$/);
    expect(compare(problem({}, 'application/json'))).toMatch(
      /Content-Type "application\/json" here, "application\/problem\+json" there\.$/,
    );
    const reordered = { ...problem({}), body: '{"title":"Not Found","type":"about:blank","status":404}' };
    expect(compare(reordered)).toMatch(
      /the bodies part at character 4: {"title":"Not Found",.*… here, {"type":.*… there\.$/,
    );
    expect(compare({ ...problem({}), status: 403 }, '/orders/1002')).toBe('Expected status 404, got 403.');
  });
  it('does not take a short id for an echo inside another number', () => {
    // GET /orders/4 must not turn the status 404 in the body into "⟨the id⟩0⟨the id⟩".
    expect(compare(problem({}), '/orders/4')).toBeUndefined();
  });
  it('is a broken test, not a wrong answer, when nothing was captured under that name', () => {
    expect(() => checkResponse({ sameAs: 'nope' }, problem({}), [], { captured: {}, request: 'GET /x' })).toThrow(
      /no earlier step captured/,
    );
  });
  it('says what it compares with beside the response', () => {
    expect(describeExpect({ sameAs: 'missing' }, { missing })).toEqual([
      'the same status, Content-Type and body as GET /orders/999999 got',
    ]);
  });
});

describe('the schema of a sameAs test', () => {
  const step = (extra: Record<string, unknown>) => ({ request: 'GET /orders/1', ...extra });
  it('accepts a sameAs that names an earlier response capture, and names the step of one that does not', () => {
    const ok = apiTestSchema.safeParse({
      name: 'one answer',
      steps: [step({ capture: { missing: 'response' } }), step({ expect: { sameAs: 'missing' } })],
    });
    expect(ok.success).toBe(true);
    const early = apiTestSchema.safeParse({
      name: 'one answer',
      steps: [step({ expect: { sameAs: 'missing' } }), step({ capture: { missing: 'response' } })],
    });
    expect(early.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['steps.0.expect.sameAs', 'names "missing", which no earlier step captures as `response`'],
    ]);
  });
});

describe('a response judged in the page’s language', () => {
  const pt = ptBr.apiRun;
  it('says what falls short in Portuguese, quoting statuses, headers and values as they are', () => {
    expect(checkResponse({ status: 201 }, response(200, {}), [], undefined, pt)).toBe(
      'Esperava-se o status 201, mas veio 200.',
    );
    expect(checkResponse({ headers: { etag: '.+' } }, response(200, {}), [], undefined, pt)).toBe(
      'Esperava-se o cabeçalho etag; a resposta não tem nenhum.',
    );
    expect(checkResponse({ json: { items: ['<number>'] } }, response(200, { items: [] }), [], undefined, pt)).toBe(
      'No corpo JSON, items deveria ter 1 item, mas tem 0.',
    );
    expect(describeExpect({ status: [200, 204], maxQueries: 2 }, undefined, pt)).toEqual([
      'status 200 ou 204',
      'no máximo 2 comandos SQL',
    ]);
    // English stays the default.
    expect(checkResponse({ headers: { etag: '.+' } }, response(200, {}), [])).toBe(
      'Expected the etag header; the response has none.',
    );
  });
});
