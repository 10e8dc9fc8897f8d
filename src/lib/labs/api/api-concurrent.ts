/**
 * A `concurrent` step of an API test: its requests sent to the learner's app at once, on the one database session,
 * their statements interleaved by the schedule of api-interleave.ts. What each request got back is judged by the
 * test (api-test.ts) as a request sent alone is; the order the statements ran in is kept for the page to show.
 */
import { Interleaving, type SessionDatabase } from './api-interleave.ts';
import type { ConcurrentExchange, HttpExchange, HttpRequestData, LabRun } from '../shared/lab-spec.ts';
import type { ApiTest } from './api-spec.ts';

/** The letter a request sent at once goes by in messages and on the page: A, B, C. */
export const requestLetter = (i: number) => String.fromCharCode(65 + i);

/**
 * Sends `requests` at once: `handle` runs each on the session as that request sees it, and every request starts
 * before any statement runs. Resolves when all have answered; never throws for the learner's mistakes.
 */
export async function sendAtOnce(
  db: SessionDatabase,
  requests: HttpRequestData[],
  handle: (request: HttpRequestData, db: SessionDatabase) => Promise<HttpExchange>,
): Promise<ConcurrentExchange & { leftOpen: boolean[] }> {
  const schedule = new Interleaving(db, requests.length);
  const exchanges = await Promise.all(
    requests.map((request, i) => handle(request, schedule.database(i)).finally(() => schedule.finish(i))),
  );
  return { exchanges, order: schedule.order, leftOpen: exchanges.map((_, i) => schedule.leftOpen(i)) };
}

/** The same tests with every `concurrent` step's requests sent one after another, A first: no race can show. */
export const oneAfterAnother = (tests: ApiTest[]): ApiTest[] =>
  tests.map((test) => ({
    ...test,
    steps: test.steps.flatMap((step) => ('concurrent' in step ? step.concurrent : [step])),
  }));

/**
 * Why a wrong answer marked `race` is not one the concurrent tests alone catch, or undefined when it is: it must
 * pass the lab's tests with their requests sent one after another (`alone`) and fail them sent at once (`atOnce`).
 */
export function uncaughtRace(alone: LabRun, atOnce: LabRun): string | undefined {
  if (!alone.passed) {
    const failed = alone.error?.message ?? alone.checks.find((c) => !c.passed)?.message ?? 'a check failed';
    return `fails even with the requests sent one after another (${failed}), so it is not a race only a concurrent test catches`;
  }
  if (atOnce.passed) return 'passes: no test with requests sent at once (a `concurrent` step) catches this race';
  return undefined;
}
