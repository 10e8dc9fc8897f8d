/**
 * An API request is stopped at its own limit, on the real engines in worker threads, and the learner reads which
 * limit stopped it: a loop or an endless promise chain in the handler and a statement Postgres cannot be
 * interrupted in (pg_sleep, a huge scan) at the request's 2 seconds, not the run's 5 nor the host's 6.5; a runaway
 * allocation at the request's memory.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ENDLESS } from '../../../src/lib/labs/shared/engine-run.ts';
import { REQUEST_LIMIT_MS, REQUEST_MEMORY_MB, RUN_LIMIT_MS } from '../../../src/lib/labs/shared/lab-spec.ts';
import { stoppedMessage } from '../../../src/lib/labs/shared/stop-words.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const lab = {
  language: 'http' as const,
  setup: 'CREATE TABLE t (id int);',
  solution: '',
  env: {},
  clock: '2026-03-01T12:00:00Z',
  requests: [{ name: 'answers GET /', steps: [{ request: 'GET /', expect: { status: 200 } }] }],
};
const handler = (body: string) => `export default { async fetch(request, env) { ${body} } };`;
/** Time past the limit a stop may take: the engine's own stop, or the host ending the worker 750 ms after it, on a busy machine's timers. */
const MARGIN_MS = 1500;

const request = { method: 'GET', path: '/', headers: [], body: null };

/** Sends one request to `code` from the request panel, on a warm engine and database, timing the request alone. */
async function timed(code: string) {
  await engines.send('limits', lab, handler("return new Response('warm');"), request, true);
  const started = performance.now();
  const exchange = await engines.send('limits', lab, code, request, false);
  return { ms: performance.now() - started, said: exchange.error?.message ?? '' };
}

describe('a request that does not end', () => {
  const requestLimit = `Stopped after ${REQUEST_LIMIT_MS / 1000} seconds, the limit of one request`;

  it('stops an endless loop at the request limit, naming it', async () => {
    const { ms, said } = await timed(handler('while (true) {}'));
    expect(said).toContain(requestLimit);
    expect(said).not.toContain(`${RUN_LIMIT_MS / 1000} seconds`);
    expect(ms).toBeLessThan(REQUEST_LIMIT_MS + MARGIN_MS);
  }, 90_000);

  it('stops an endless promise chain the handler leaves running, and says so as a code lab does', async () => {
    // Counted at REQUEST_MAX_JOBS, before the capped memory runs out (and QuickJS drops that failure), or stopped at
    // the limit on a machine too busy to run that many by then.
    const said = [ENDLESS.message, stoppedMessage('code', 'request')];
    const chain = await timed(handler("const f = () => Promise.resolve().then(f); f(); return new Response('ok');"));
    expect(said).toContain(chain.said);
    expect(chain.ms).toBeLessThan(REQUEST_LIMIT_MS + MARGIN_MS);
    const awaited = await timed(handler('const f = () => Promise.resolve().then(f); await f();'));
    expect(said).toContain(awaited.said);
  }, 90_000);

  it('stops a runaway allocation at the request memory, naming it', async () => {
    // Eight megabytes a step: the memory limit comes within a few steps, however busy the machine (at one megabyte a
    // step, a test run loaded by its other lanes reached the two-second limit first).
    const { ms, said } = await timed(handler('const all = []; while (true) all.push(new Uint8Array(8e6).fill(1));'));
    expect(said).toContain(`the memory one request may use (${REQUEST_MEMORY_MB} MB)`);
    expect(ms).toBeLessThan(REQUEST_LIMIT_MS + MARGIN_MS);
  }, 90_000);

  it('stops pg_sleep(10) in a handler at the request limit, naming it', async () => {
    const { ms, said } = await timed(
      handler("await env.db.query('SELECT pg_sleep(10)'); return new Response('late');"),
    );
    expect(said).toContain(requestLimit);
    expect(ms).toBeLessThan(REQUEST_LIMIT_MS + MARGIN_MS);
  }, 90_000);

  it('stops CPU-bound SQL in a handler at the request limit, naming it', async () => {
    const sql = 'SELECT count(*) FROM generate_series(1, 1000000000)';
    const { ms, said } = await timed(handler(`await env.db.query('${sql}'); return new Response('late');`));
    expect(said).toContain(requestLimit);
    expect(ms).toBeLessThan(REQUEST_LIMIT_MS + MARGIN_MS);
  }, 90_000);
});
