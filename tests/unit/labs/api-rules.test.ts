/**
 * The rules an API lab's task states once for every response (src/lib/labs/api/api-rules.ts): a media type by status,
 * problem details on every error, WWW-Authenticate on every 401, Cache-Control by status. Each is held against any
 * response and names what the task said; a lab without a rule holds nothing of the kind.
 */
import { describe, expect, it } from 'vitest';
import { ruleBroken } from '../../../src/lib/labs/api/api-rules.ts';
import type { HttpExchange } from '../../../src/lib/labs/shared/lab-spec.ts';

const exchange = (status: number, headers: [string, string][], body = ''): HttpExchange => ({
  request: { method: 'GET', path: '/x', headers: [], body: null },
  response: { status, statusText: '', headers, body },
  queries: [],
  logs: [],
});
const problem = (status: number, extra: object = {}) =>
  exchange(
    status,
    [['Content-Type', 'application/problem+json; charset=utf-8']],
    JSON.stringify({ type: 'about:blank', title: 'Nope', status, ...extra }),
  );

describe('the rules a task states for every response', () => {
  it('holds a media type by status, its own before its class, and none on a 204 or 304', () => {
    const rules = { contentType: { '2xx': 'application/json', '503': 'application/json' } };
    expect(ruleBroken(rules, exchange(200, [['content-type', 'application/json; charset=utf-8']], '{}'))).toBe(
      undefined,
    );
    expect(ruleBroken(rules, exchange(503, [['Content-Type', 'text/plain']], 'down'))).toBe(
      'a 503 must be application/json, as the task says of every such response; this one is text/plain.',
    );
    expect(ruleBroken(rules, exchange(201, [], '{}'))).toMatch(/this one is sent with no Content-Type\.$/);
    expect(ruleBroken(rules, exchange(204, []))).toBe(undefined);
    expect(ruleBroken(rules, exchange(404, [['Content-Type', 'text/html']], 'x'))).toBe(undefined);
    expect(ruleBroken({}, exchange(503, [['Content-Type', 'text/plain']], 'down'))).toBe(undefined);
  });

  it('holds every error to problem details: the media type, a title, and the status of the response', () => {
    const rules = { problemDetails: true as const };
    expect(ruleBroken(rules, problem(404))).toBe(undefined);
    expect(ruleBroken(rules, exchange(200, [['Content-Type', 'text/plain']], 'ok'))).toBe(undefined);
    expect(ruleBroken(rules, exchange(400, [['Content-Type', 'application/json']], '{"error":"bad"}'))).toMatch(
      /^an error must be problem details \(application\/problem\+json\), as the task says of every error; this 400 is application\/json\.$/,
    );
    expect(ruleBroken(rules, problem(409, { status: '409' }))).toMatch(/its "status" is "409", not the response's 409/);
    expect(ruleBroken(rules, problem(422, { status: 400 }))).toMatch(/its "status" is 400, not the response's 422/);
    expect(ruleBroken(rules, problem(500, { title: '' }))).toMatch(/it has no "title"/);
    expect(ruleBroken(rules, exchange(500, [['Content-Type', 'application/problem+json']], 'oops'))).toMatch(
      /its body is not JSON/,
    );
  });

  it('holds every 401 to a challenge, and Cache-Control by status', () => {
    const rules = { wwwAuthenticate: '^Bearer\\b', cacheControl: { '200': 'no-store' } };
    expect(ruleBroken(rules, exchange(401, [['WWW-Authenticate', 'Bearer error="invalid_token"']]))).toBe(undefined);
    expect(ruleBroken(rules, exchange(401, []))).toMatch(/a 401 must say how to authenticate .* this one has none\.$/);
    expect(ruleBroken(rules, exchange(401, [['WWW-Authenticate', 'Basic realm="x"']]))).toMatch(
      /this one says "Basic realm="x""\.$/,
    );
    expect(ruleBroken(rules, exchange(200, [['Cache-Control', 'no-store, max-age=0']]))).toBe(undefined);
    expect(ruleBroken(rules, exchange(200, [['Cache-Control', 'max-age=60']]))).toBe(
      'a 200 must carry Cache-Control matching no-store, as the task says; this one says "max-age=60".',
    );
    expect(ruleBroken(rules, exchange(503, []))).toBe(undefined);
  });
});
