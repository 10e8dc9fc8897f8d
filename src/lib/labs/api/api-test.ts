/**
 * The request-test engine: a hidden test's steps in order, requests judged here, on the host, never where the
 * learner's code runs. The steps go to a RequestTarget: an API lab's handler over its database (api-lab.ts
 * `labTarget`: a database reset to the lab's setup, as new, with the test's own data; SQL run between requests, the
 * clock moved, the rows read afterwards), or a real server through `fetch` (src/lib/project-check/fetch-target.ts),
 * which has no database to reach, no clock to move, and whatever steps its caller adds. Needs no page.
 */
import { captureValue, type Captured, checkResponse, mismatch, substitute } from './api-expect.ts';
import { describeExpect } from './api-expected.ts';
import { requestLetter } from './api-concurrent.ts';
import { fill } from '../../../core/format/fill.ts';
import { API_RUN_WORDS, type ApiRunWords } from './api-words.ts';
import type { ApiDatabase, RequestContext } from './api-request.ts';
import type { CheckResult, ConcurrentExchange, HttpExchange, HttpRequestData } from '../shared/lab-spec.ts';
import type { ApiRequestStep, ApiStep } from './api-spec.ts';

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
 * Where a test's steps go. `send` and `sendAtOnce` never throw for the server's mistakes: what went wrong is the
 * exchange's `error`. A target without `exec` or `query` has no database, and a test that needs one is a broken test.
 */
export interface RequestTarget {
  send(request: HttpRequestData, now: number): Promise<HttpExchange>;
  sendAtOnce(requests: HttpRequestData[], now: number): Promise<ConcurrentExchange & { leftOpen: boolean[] }>;
  /** Why the exchange just answered fails whatever it holds (a transaction left open), checked before it is read. */
  afterExchange?(): Promise<string | undefined>;
  /** A request about to be sent, as its step asks (a signature over its body); as it is when undefined. */
  prepare?: ((request: HttpRequestData, step: ApiRequestStep) => Promise<HttpRequestData>) | undefined;
  /** Rules every response must keep, whatever the step expects: why this one breaks one, or undefined. */
  rule?: ((exchange: HttpExchange) => string | undefined) | undefined;
  /** SQL another client runs. */
  exec?: (sql: string) => Promise<void>;
  /** Rows read from the database. */
  query?: (sql: string) => Promise<unknown[]>;
  /** What the tests say, in the page's language; English without it (api-words.ts). */
  words?: ApiRunWords | undefined;
}

const wordsOf = (target: RequestTarget) => target.words ?? API_RUN_WORDS;

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

/** The longest path a message quotes whole. */
const LONG_PATH = 80;

/** What is wrong with a step's exchange, if anything; its captures are taken for the next requests. */
async function judge(
  target: RequestTarget,
  step: ApiRequestStep,
  exchange: HttpExchange,
  captured: Captured,
): Promise<string | undefined> {
  const broken = await target.afterExchange?.();
  if (broken) return broken;
  const words = wordsOf(target);
  const said = step.message ? ` ${step.message}` : '';
  const { path } = exchange.request;
  // A path of thousands of characters (an id too long for any int) is told by its start and its length.
  const shown =
    path.length > LONG_PATH ? fill(words.longPath, { start: path.slice(0, 40), count: String(path.length) }) : path;
  const request = `${exchange.request.method} ${shown}`;
  // Which limit stopped it, and what to look for, the summary says once (components/lab/results.ts).
  if (exchange.error?.code === 'Stopped') return `${fill(words.stopped, { request })}${said}`;
  if (!exchange.response)
    return `${fill(words.noResponse, { request, error: exchange.error?.message ?? words.handlerFailed })}${said}`;
  const problem =
    target.rule?.(exchange) ??
    (step.expect &&
      checkResponse(
        substitute(step.expect, captured),
        exchange.response,
        exchange.queries,
        { captured, request },
        words,
      ));
  if (problem) return `${fill(words.problemAt, { request, problem })}${said}`;
  for (const [name, spec] of Object.entries(step.capture ?? {})) {
    const value = captureValue(exchange.response, spec, exchange.request);
    const [kind = '', member = ''] = spec.split(' ');
    const what = fill(kind === 'json' ? words.jsonMember : words.header, { name: member });
    if (value === undefined) return `${fill(words.noCapture, { request, what })}${said}`;
    captured[name] = value;
  }
  return undefined;
}

/** The steps' requests as the target sends them: `${name}` filled in, then prepared (signed) where it prepares. */
const prepared = (target: RequestTarget, steps: readonly ApiRequestStep[], captured: Captured) =>
  Promise.all(
    steps.map((step) => {
      const request = toRequest(step, captured);
      return target.prepare ? target.prepare(request, step) : Promise.resolve(request);
    }),
  );

/** Shows what a step expects beside its exchange. */
const noteExpected = (exchange: HttpExchange, step: ApiRequestStep, captured: Captured, words: ApiRunWords) => {
  if (step.expect) exchange.expected = describeExpect(substitute(step.expect, captured), captured, words);
};

/**
 * Sends a `concurrent` step's requests at once and judges each answer; the first problem names the request (A, B)
 * it came from. An answer given with a transaction open fails that request: its work was rolled back.
 */
export async function sendConcurrent(target: RequestTarget, steps: ApiRequestStep[], now: number, captured: Captured) {
  const sent = await target.sendAtOnce(await prepared(target, steps, captured), now);
  let problem: string | undefined;
  const words = wordsOf(target);
  for (const [i, step] of steps.entries()) {
    const exchange = sent.exchanges[i]!;
    noteExpected(exchange, step, captured, words);
    const found = sent.leftOpen[i] ? words.leftOpenAtOnce : await judge(target, step, exchange, captured);
    problem ??= found && fill(words.atOnce, { letter: requestLetter(i), n: steps.length, problem: found });
  }
  const { exchanges, order } = sent;
  return { concurrent: { exchanges, order }, problem };
}

/** Where a test's steps stand: what was captured, the clock, and the exchange that decides the result so far. */
export interface StepRun {
  captured: Captured;
  now: number;
  last: Pick<CheckResult, 'exchange' | 'concurrent'>;
}

/**
 * Runs one step; what is wrong, if anything. A step the target's caller adds (`other`) is handed back to it.
 * Errors in the test's own SQL throw (a broken test, not a wrong answer).
 */
export async function runStep<S>(
  target: RequestTarget,
  step: ApiStep | S,
  run: StepRun,
  other?: (step: S, run: StepRun) => Promise<string | undefined>,
): Promise<string | undefined> {
  const known = step as ApiStep;
  if (typeof step !== 'object' || step === null) throw new Error(`A test step must be an object: ${String(step)}`);
  if ('advance' in known) run.now += known.advance * 1000;
  else if ('sql' in known) await needs(target.exec, 'sql')(substitute(known.sql, run.captured));
  else if ('query' in known) {
    const rows = await needs(target.query, 'query')(substitute(known.query, run.captured));
    const words = wordsOf(target);
    const found = mismatch(substitute(known.rows, run.captured), JSON.parse(JSON.stringify(rows)), '', words);
    if (found)
      return fill(words.afterwards, {
        message: known.message,
        found: found.startsWith(words.theBody) ? `${words.theRows}${found.slice(words.theBody.length)}` : found,
      });
  } else if ('concurrent' in known) {
    const { concurrent, problem } = await sendConcurrent(target, known.concurrent, run.now, run.captured);
    run.last = { concurrent };
    return problem;
  } else if ('request' in known) {
    const [request] = await prepared(target, [known], run.captured);
    const exchange = await target.send(request!, run.now);
    run.last = { exchange };
    noteExpected(exchange, known, run.captured, wordsOf(target));
    return judge(target, known, exchange, run.captured);
  } else if (other) return other(step as S, run);
  else throw new Error(`A test step of no known kind: ${JSON.stringify(step)}`);
  return undefined;
}

/** A target's database call, or the error a test that needs a database sent to a server without one meets. */
function needs<T>(call: ((sql: string) => Promise<T>) | undefined, kind: string) {
  if (!call) throw new Error(`A \`${kind}\` step needs the database, which this target does not reach.`);
  return call;
}

/** Runs a test's steps against `target`, the clock starting at `clock` (ms); the result as the learner reads it. */
export async function runSteps<S>(
  target: RequestTarget,
  test: { name: string; steps: (ApiStep | S)[] },
  clock: number,
  other?: (step: S, run: StepRun) => Promise<string | undefined>,
): Promise<CheckResult> {
  const run: StepRun = { captured: {}, now: clock, last: {} };
  for (const step of test.steps) {
    const problem = await runStep(target, step, run, other);
    if (problem) return { name: test.name, passed: false, message: problem, ...run.last };
  }
  return { name: test.name, passed: true, ...run.last };
}
