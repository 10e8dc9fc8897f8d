/**
 * The engine host's clock, with a worker that answers as the Python database labs' worker does when a learner's
 * statement outlives its test: `started`, then `waiting` with the statement the database still runs, then nothing.
 * The host stops the run at the run's limit and its grace, names the statement, and starts a new worker; a `waiting`
 * does not give the run more time. The learner can stop a run, running or still waiting for the engine; an engine
 * that fails while the learner's code runs is said in their terms.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { type EngineWorker, startEngine } from '../../../src/lib/labs/shared/engine-host.ts';
import { RUN_LIMIT_MS } from '../../../src/lib/labs/shared/lab-spec.ts';
import { LEARNER_STOPPED } from '../../../src/lib/labs/shared/stop-words.ts';
import { kindOf, type LabSpec } from '../../../src/lib/labs/lab-kinds.ts';
import type { EngineRequest, WorkerReply } from '../../../src/lib/labs/shared/worker-protocol.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

const lab = { id: 'py-db', language: 'python', tests: '', setup: 'CREATE TABLE t (id int)' } as unknown as LabSpec;
const { words } = kindOf(lab);

/** Workers that answer a run with `replies` (the run's id filled in), counting starts and ends. */
function workers(replies: (id: number) => WorkerReply[]) {
  const spawned: { terminated: boolean }[] = [];
  const spawn = (): EngineWorker => {
    const state = { terminated: false };
    spawned.push(state);
    let handle: (reply: WorkerReply) => void = () => {};
    queueMicrotask(() => handle({ type: 'ready' }));
    return {
      post: (request: EngineRequest) => {
        let delay = 0;
        for (const reply of replies(request.id)) setTimeout(() => handle(reply), (delay += 1000));
      },
      onReply: (h) => (handle = h),
      onError: () => {},
      terminate: () => void (state.terminated = true),
    };
  };
  return { spawned, spawn };
}

it("stops a run whose statement still holds the database at the run's limit, names it, and restarts the engine", async () => {
  const { spawned, spawn } = workers((id) => [
    { type: 'started', id },
    { type: 'waiting', id, statement: 'SELECT pg_sleep(30)' },
  ]);
  const engine = startEngine(lab, spawn, words);
  let settledAt: number | undefined;
  const run = engine.run('code').then((result) => ((settledAt = Date.now()), result));
  const startedAt = Date.now() + 1000;
  await vi.advanceTimersByTimeAsync(30_000);
  const result = await run;
  expect(result.passed).toBe(false);
  expect(result.error?.message).toMatch(
    /^Stopped after 5 seconds, the limit of one run.* Postgres was still running your statement "SELECT pg_sleep\(30\)"\. The engine was restarted\.$/,
  );
  // The wait for the statement is the run's time: stopped 1.5 s of grace after the limit, counted from `started`.
  expect(settledAt! - startedAt).toBe(RUN_LIMIT_MS + 1500);
  expect(spawned.map((w) => w.terminated)).toEqual([true, false]);
});

it('names no statement when the database finished it before the run went on', async () => {
  const { spawn } = workers((id) => [
    { type: 'started', id },
    { type: 'waiting', id, statement: 'SELECT pg_sleep(2)' },
    { type: 'setup', id },
    { type: 'started', id },
    { type: 'result', id, run: { passed: true, checks: [] } },
  ]);
  const engine = startEngine(lab, spawn, words);
  const run = engine.run('code');
  await vi.advanceTimersByTimeAsync(10_000);
  expect(await run).toEqual({ passed: true, checks: [] });
});

it("ends a run at the learner's word, restarts the engine once, and says so; with nothing running it does nothing", async () => {
  const { spawned, spawn } = workers((id) => [{ type: 'started', id }]);
  const engine = startEngine(lab, spawn, words);
  await vi.advanceTimersByTimeAsync(0);
  expect(engine.stop()).toBe(false);
  const run = engine.run('while True: pass');
  await vi.advanceTimersByTimeAsync(2000);
  expect(engine.stop()).toBe(true);
  const result = await run;
  expect(result).toEqual({ passed: false, checks: [], error: { code: 'Stopped', message: LEARNER_STOPPED } });
  expect(spawned.map((w) => w.terminated)).toEqual([true, false]);
  // The time limit of the stopped run ends nothing later: the new engine is left alone.
  await vi.advanceTimersByTimeAsync(60_000);
  expect(spawned.map((w) => w.terminated)).toEqual([true, false]);
});

it('ends a run still waiting for the engine to start without starting it again', async () => {
  let posted = 0;
  const spawned: number[] = [];
  const engine = startEngine(
    lab,
    () => {
      spawned.push(1);
      // An engine that is still loading: it never says it is ready.
      return { post: () => void (posted += 1), onReply: () => {}, onError: () => {}, terminate: () => {} };
    },
    words,
  );
  const run = engine.run('code');
  await vi.advanceTimersByTimeAsync(1000);
  expect(engine.stop()).toBe(true);
  expect((await run).error?.message).toBe(LEARNER_STOPPED);
  expect([spawned.length, posted]).toEqual([1, 0]);
});

it("says a crash during the learner's code in their terms, and a crash in the engine's own set-up as the engine's", async () => {
  const during = startEngine(
    lab,
    workers((id) => [
      { type: 'started', id },
      { type: 'crashed', id, message: 'Maximum call stack size exceeded' },
    ]).spawn,
    words,
  );
  const deep = during.run('def f(): return repr(f)');
  await vi.advanceTimersByTimeAsync(5000);
  const { error } = await deep;
  expect(error?.code).toBe('RecursionError');
  expect(error?.message).toMatch(
    /^RecursionError: the browser's stack ran out, so the engine stopped and was restarted/,
  );
  expect(error?.message).not.toMatch(/Run again/);

  const before = startEngine(
    lab,
    workers((id) => [
      { type: 'setup', id },
      { type: 'crashed', id, message: 'Maximum call stack size exceeded' },
    ]).spawn,
    words,
  );
  const setup = before.run('code');
  await vi.advanceTimersByTimeAsync(5000);
  expect((await setup).error?.message).toBe(
    'The engine failed (Maximum call stack size exceeded), so it was restarted. Run again.',
  );
});
