/**
 * One hidden test of an API lab (api-lab.ts runs them in turn): a database reset to the lab's setup, as new, with the
 * test's own data; then its steps in order: requests sent through the learner's handler (api-request.ts) and judged
 * here, on the host, SQL run between them, the clock moved, and the database read afterwards.
 */
import { captureValue, type Captured, checkResponse, describeExpect, mismatch, substitute } from './api-expect.ts';
import { LEFT_OPEN, requestLetter, sendAtOnce } from './api-concurrent.ts';
import type { ApiDatabase, RequestContext } from './api-request.ts';
import { rollbackOpenTransaction } from './sql-session.ts';
import type { ApiLabSpec, ApiRequestStep, ApiTest, CheckResult, HttpExchange, HttpRequestData } from './lab-spec.ts';

/**
 * The learner's handler as a hidden test sends it requests, whatever its language: a JavaScript module is loaded
 * afresh for every request (api-request.ts), a Python ASGI app once per test (python-api.ts), as uvicorn loads it.
 */
export interface ApiApp {
  /** Runs one request; never throws for the learner's mistakes. */
  handle(request: HttpRequestData, context: RequestContext): Promise<HttpExchange>;
  /** The test is over: whatever the app kept for it is dropped. */
  close(): Promise<void>;
}

export interface ApiRunPhases {
  /** A test's database is being set up: the host's time limit waits. */
  onSetup?: () => void;
  /** A request starts now: the host times it. */
  onStart?: () => void;
}

/** The database tests run on, which can be made as new again (src/lib/labs/pglite-databases.ts). */
export interface TestDatabase extends ApiDatabase {
  /** Whether a transaction is open: requests sent at once take turns around it (api-interleave.ts). */
  inTransaction(): boolean | Promise<boolean>;
  /** Empties it and checks it is as new by its fingerprint; replaces it with a new database when it is not. */
  renew(): Promise<void>;
}

/**
 * Puts the database back to the lab's setup, as new: the session's settings and temporary objects go, every schema
 * and role a handler or test created is dropped, what emptying cannot undo (a table in pg_catalog, a large object, a
 * comment, a stored setting) brings a new database, and `public` is made again and filled by the setup (identity
 * columns start again at 1). Emptying takes milliseconds, a new PGlite a third of a second, so one database serves
 * every test of every run until a handler leaves something emptying cannot undo.
 */
export async function resetDatabase(db: TestDatabase, setup: string, extra?: string) {
  await db.renew();
  await db.exec(setup);
  if (extra) await db.exec(extra);
}

/** A step's request as the handler receives it: `${name}` filled in, a body that is not a string sent as JSON. */
export function toRequest(step: ApiRequestStep, captured: Captured): HttpRequestData {
  // A captured value goes into the path as a client following a link would send it: characters that would change
  // the query's meaning (+ & # % space, and anything beyond ASCII) percent-encoded.
  const safe = Object.fromEntries(
    Object.entries(captured).map(([k, v]) => [
      k,
      String(v).replace(/[%+&# ]|[^\x21-\x7e]/gu, (c) => encodeURIComponent(c)),
    ]),
  );
  const [method = 'GET', path = '/'] = substitute(step.request, safe).split(' ');
  const headers = Object.entries(substitute(step.headers ?? {}, captured)).map(
    ([k, v]) => [k, String(v)] as [string, string],
  );
  let body: string | null = null;
  if (step.body !== undefined) {
    const value = substitute(step.body, captured);
    body = typeof value === 'string' ? value : JSON.stringify(value);
    if (typeof value !== 'string' && !headers.some(([k]) => k.toLowerCase() === 'content-type'))
      headers.push(['Content-Type', 'application/json']);
  }
  return { method, path, headers, body };
}

/** What every step of a test shares: the learner's app, the lab, its database and captures. */
interface TestRun {
  app: ApiApp;
  lab: ApiLabSpec;
  db: TestDatabase;
  phases: ApiRunPhases;
  captured: Captured;
}

type RequestStep = ApiRequestStep;

/** Sends one step's request and judges the answer; what went wrong, if anything, with the exchange. */
async function sendStep(run: TestRun, step: RequestStep, now: number) {
  const { lab, db, captured } = run;
  run.phases.onStart?.();
  const exchange = await run.app.handle(toRequest(step, captured), { db, env: lab.env, now });
  // The request is over: judging it and the steps after it are the lab's work, not timed against the request.
  run.phases.onSetup?.();
  if (step.expect) exchange.expected = describeExpect(substitute(step.expect, captured));
  const problem = await judge(run, step, exchange);
  return { exchange, problem };
}

/** What is wrong with a step's exchange, if anything; its captures are taken for the next requests. */
async function judge(run: TestRun, step: RequestStep, exchange: HttpExchange): Promise<string | undefined> {
  if (await rollbackOpenTransaction(run.db))
    return 'Your handler returned with a transaction still open, so its work was rolled back: COMMIT (or ROLLBACK) before you answer.';
  const said = step.message ? ` ${step.message}` : '';
  const { method, path } = exchange.request;
  // Which limit stopped it, and what to look for, the summary says once (components/lab/results.ts).
  if (exchange.error?.code === 'Stopped') return `${method} ${path} was stopped before it answered.${said}`;
  if (!exchange.response)
    return `${method} ${path} got no response: ${exchange.error?.message ?? 'the handler failed'}${said}`;
  const problem =
    step.expect && checkResponse(substitute(step.expect, run.captured), exchange.response, exchange.queries);
  if (problem) return `${method} ${path}: ${problem}${said}`;
  for (const [name, spec] of Object.entries(step.capture ?? {})) {
    const value = captureValue(exchange.response, spec);
    if (value === undefined)
      return `${method} ${path}: the response has no ${spec.replace(/^json /, 'JSON member ')}, which the next requests need.${said}`;
    run.captured[name] = value;
  }
  return undefined;
}

/**
 * Sends a `concurrent` step's requests at once and judges each answer; the first problem names the request (A, B)
 * it came from. An answer given with a transaction open fails that request: its work was rolled back.
 */
async function sendConcurrent(run: TestRun, steps: RequestStep[], now: number) {
  const { lab, captured } = run;
  const requests = steps.map((step) => toRequest(step, captured));
  run.phases.onStart?.();
  // A request that answers gives the host's timer back to those still running: each has the limit of one request.
  const concurrent = await sendAtOnce(run.db, requests, (request, db) =>
    run.app.handle(request, { db, env: lab.env, now }).finally(() => run.phases.onStart?.()),
  );
  run.phases.onSetup?.();
  let problem: string | undefined;
  for (const [i, step] of steps.entries()) {
    const exchange = concurrent.exchanges[i]!;
    if (step.expect) exchange.expected = describeExpect(substitute(step.expect, captured));
    const found = concurrent.leftOpen[i] ? `Your handler ${LEFT_OPEN}` : await judge(run, step, exchange);
    problem ??= found && `Request ${requestLetter(i)} of ${steps.length} sent at once: ${found}`;
  }
  const { exchanges, order } = concurrent;
  return { concurrent: { exchanges, order }, problem };
}

/** Runs one hidden test on a database reset for it. Errors in the lab's own SQL throw (a broken lab, not a wrong answer). */
export async function runTest(
  app: ApiApp,
  lab: ApiLabSpec,
  test: ApiTest,
  db: TestDatabase,
  phases: ApiRunPhases,
): Promise<CheckResult> {
  phases.onSetup?.();
  await resetDatabase(db, lab.setup, test.sql);
  const run: TestRun = { app, lab, db, phases, captured: {} };
  let now = Date.parse(lab.clock);
  // The request (or the requests sent at once) that decides the test, shown with its result.
  let last: Pick<CheckResult, 'exchange' | 'concurrent'> = {};
  const fail = (message: string): CheckResult => ({ name: test.name, passed: false, message, ...last });
  for (const step of test.steps) {
    if ('advance' in step) now += step.advance * 1000;
    else if ('sql' in step) await db.exec(substitute(step.sql, run.captured));
    else if ('query' in step) {
      const { rows } = await db.query(substitute(step.query, run.captured), []);
      const found = mismatch(substitute(step.rows, run.captured), JSON.parse(JSON.stringify(rows)));
      if (found)
        return fail(`${step.message} (In the database afterwards, ${found.replace(/^the body/, 'the rows')}.)`);
    } else if ('concurrent' in step) {
      const { concurrent, problem } = await sendConcurrent(run, step.concurrent, now);
      last = { concurrent };
      if (problem) return fail(problem);
    } else {
      const { exchange, problem } = await sendStep(run, step, now);
      last = { exchange };
      if (problem) return fail(problem);
    }
  }
  return { name: test.name, passed: true, ...last };
}
