/**
 * The Web APIs the engine takes from the host (src/lib/labs/shared/web-bridge.ts), on the real engines in worker threads as
 * labs run them: a code lab's tests and an API lab's handler await WebCrypto across the bridge and parse URLs with
 * the host's URL; the functions the host lends are gone before the learner's code runs; a handler that returns
 * Response.error() is told it cannot send one.
 */
import { createHash, createHmac } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const outcome = (run: LabRun) => [
  ...(run.error ? [`error: ${run.error.message}`] : []),
  ...run.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`),
];

describe('a code lab', () => {
  const lab = {
    language: 'javascript' as const,
    solution: '',
    tests: `
      test('signs', async () => assert.equal(await sign('key', 'body'), ${JSON.stringify(createHmac('sha256', 'key').update('body').digest('hex'))}, "sign('key', 'body')"));
      test('hashes', async () => assert.equal(await hash('abc'), ${JSON.stringify(createHash('sha256').update('abc').digest('hex'))}, "hash('abc')"));
      test('sees no host functions', () => assert.deepEqual(seen, ['undefined', 'undefined', 'undefined'], 'what the code saw'));
    `,
  };
  const answer = `
    const seen = [typeof __atlasWebHost, typeof __atlasHost, typeof __atlasHarness];
    const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const enc = new TextEncoder();
    async function sign(secret, body) {
      const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return hex(await crypto.subtle.sign('HMAC', key, enc.encode(body)));
    }
    async function hash(text) { return hex(await crypto.subtle.digest('SHA-256', enc.encode(text))); }`;

  it('awaits the host’s WebCrypto in its tests, and never sees what the host lends', async () => {
    const run = await engines.run('web-apis', lab, answer);
    expect(outcome(run)).toEqual(['pass: signs', 'pass: hashes', 'pass: sees no host functions']);
  });

  it('fails a test whose WebCrypto call the host rejects, with the host’s kind of error', async () => {
    const run = await engines.run(
      'web-apis',
      lab,
      answer.replace("'SHA-256', enc.encode(text)", "'SHA-3', enc.encode(text)"),
    );
    expect(outcome(run)[1]).toMatch(/^fail: hashes — NotSupportedError: /);
  });
});

describe('the engine’s built-ins a test could be fooled by', () => {
  // QuickJS's own localeCompare compares code points, which put "Zip" before "audit" as sort() does: an answer that
  // used it where a lab asks for code-unit order passed.
  const lab = {
    language: 'javascript' as const,
    solution: '',
    tests: `
      test('collates as the platform does', () => assert.deepEqual(sorted(), ${JSON.stringify(['Zip', 'audit', 'sku', 'Zone'].sort((a, b) => a.localeCompare(b)))}, 'sorted with localeCompare'));
      test('compares with options', () => assert.equal('a'.localeCompare('A', undefined, { sensitivity: 'base' }), 0, 'a against A, base sensitivity'));
      test('refuses a bad locale as the platform does', () => assert.throws(() => 'a'.localeCompare('b', 'not a locale!'), RangeError));
      test('keeps its clock to itself', async () => {
        const clock = createClock(0);
        let fired = false;
        tamper(clock, clock.setTimeout(() => (fired = true), 10));
        assert.equal(clock.pending(), 1, 'timers pending once the answer replaced pending');
        await clock.advance(10);
        assert.equal(fired, true, 'the timer fired at its time once the answer moved it');
      });
    `,
  };
  const answer = `
    const sorted = () => ['Zip', 'audit', 'sku', 'Zone'].sort((a, b) => a.localeCompare(b));
    function tamper(clock, timer) {
      clock.pending = () => 0;
      timer.at = Infinity;
    }`;

  it('compares strings by the host’s collation, and freezes the clock a test hands to learner code', async () => {
    const run = await engines.run('web-apis-builtins', lab, answer);
    expect(outcome(run)).toEqual([
      'pass: collates as the platform does',
      'pass: compares with options',
      'pass: refuses a bad locale as the platform does',
      'pass: keeps its clock to itself',
    ]);
  });
});

describe('an API lab’s handler', () => {
  const lab = (json: unknown) => ({
    language: 'http' as const,
    setup: 'CREATE TABLE t (id int);',
    solution: '',
    env: {},
    clock: '2026-03-01T12:00:00Z',
    requests: [{ name: 'answers', steps: [{ request: 'GET /a%20b?x=1', expect: { status: 200, json } }] }],
  });

  it('hashes with the host’s WebCrypto and parses URLs with the host’s URL, and never sees what the host lends', async () => {
    const handler = `export default { async fetch(request) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'));
      const url = new URL(request.url);
      return Response.json({
        hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
        path: url.pathname, x: url.searchParams.get('x'), ipv6: new URL('http://[::1]:8080/a\\\\b').href,
        lent: typeof __atlasWebHost,
      });
    } };`;
    const json = {
      hash: createHash('sha256').update('abc').digest('hex'),
      path: '/a%20b',
      x: '1',
      ipv6: 'http://[::1]:8080/a/b',
      lent: 'undefined',
    };
    expect(outcome(await engines.run('web-apis', lab(json), handler))).toEqual(['pass: answers']);
  });

  it('is told that Response.error() cannot be sent', async () => {
    const run = await engines.run('web-apis', lab({}), 'export default { fetch: () => Response.error() };');
    expect(outcome(run).join('\n')).toMatch(/Response\.error\(\) makes a network error, which a handler cannot send/);
  });
});
