/**
 * Runs an API lab: the learner's handler against the lab's hidden tests. Every test starts from a database reset to
 * the lab's setup, as new (resetDatabase), with the test's own data, then sends its requests in order
 * (api-request.ts runs each through the handler), runs the SQL between them, moves the clock and reads the
 * database afterwards. All judging happens here, on the host: the learner's code only ever sees a request and env.
 * The request panel (`sendRequest`) uses the same path on a database of its own that lives until it is reset.
 */
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { captureValue, type Captured, checkResponse, describeExpect, mismatch, substitute } from './api-expect.ts';
import { type ApiDatabase, type CompiledModule, handleRequest, REQUEST_LIMIT_MS } from './api-request.ts';
import type { Transpile } from './code-lab.ts';
import type {
  ApiLabSpec,
  ApiStep,
  ApiTest,
  CheckResult,
  HttpExchange,
  HttpRequestData,
  LabRun,
  RunError,
} from './lab-spec.ts';

/** Longest a whole check may take, all tests together, in milliseconds. */
export const API_RUN_LIMIT_MS = 20_000;

/** How sucrase turns an API lab's module into a function body: types removed, `export default` into `exports.default`. */
export const MODULE_TRANSFORM = { transforms: ['typescript' as const, 'imports' as const], disableESTransforms: true };

/** A database of its own for one run, or for the request panel. */
export interface OwnApiDatabase extends ApiDatabase {
  close(): Promise<void>;
}
export type OpenApiDatabase = () => Promise<OwnApiDatabase>;

export interface ApiEngines {
  engine: QuickJSWASMModule;
  /** Sucrase with MODULE_TRANSFORM. */
  compile: Transpile;
  /** Called when an engine could not free a request: the caller loads a new one for the next. */
  onBroken?: (() => void) | undefined;
}

export interface ApiRunPhases {
  /** A test's database is being set up: the host's time limit waits. */
  onSetup?: () => void;
  /** A request starts now: the host times it. */
  onStart?: () => void;
}

/** The learner's module compiled, or the syntax error as they read it. */
export function compileModule(compile: Transpile, code: string): { module: CompiledModule } | { error: RunError } {
  try {
    return { module: compile(code) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /\((\d+):(\d+)\)/.exec(message);
    const runError: RunError = { message: message.replace(/ \(\d+:\d+\)$/, ''), code: 'SyntaxError' };
    if (at) Object.assign(runError, { line: Number(at[1]), column: Number(at[2]) + 1 });
    return { error: runError };
  }
}

/**
 * Puts the database back to the lab's setup, as new: the session's settings and temporary objects go, every schema
 * and role a handler or test created is dropped, and `public` is made again and filled by the setup (identity
 * columns start again at 1). Cheaper than a new PGlite (milliseconds, not a third of a second), so one database
 * serves every test of every run; one that cannot be reset is replaced.
 */
export async function resetDatabase(db: ApiDatabase, setup: string, extra?: string) {
  await db.exec('ROLLBACK');
  await db.exec('DISCARD ALL');
  await db.exec(`RESET SESSION AUTHORIZATION;
DO $reset$ DECLARE name text; BEGIN
  FOR name IN SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname !~ '^pg_(toast_)?temp_'
  LOOP EXECUTE format('DROP SCHEMA %I CASCADE', name); END LOOP;
  FOR name IN SELECT rolname FROM pg_roles WHERE oid >= 16384 LOOP
    EXECUTE format('DROP OWNED BY %I CASCADE', name); EXECUTE format('DROP ROLE %I', name);
  END LOOP;
END $reset$;
CREATE SCHEMA public; GRANT ALL ON SCHEMA public TO PUBLIC;`);
  await db.exec(setup);
  if (extra) await db.exec(extra);
}

/** The database hidden tests run on: one per worker, opened on first use and reset before every test. */
export interface GradingDatabase {
  db?: Promise<OwnApiDatabase> | undefined;
}

/** Ends a transaction the handler left open; says whether one was open. */
async function closeTransaction(db: ApiDatabase): Promise<boolean> {
  try {
    await db.exec('SAVEPOINT atlas_probe');
  } catch (error) {
    if ((error as { code?: string }).code === '25P01') return false; // no transaction block
  }
  await db.exec('ROLLBACK');
  return true;
}

/** A step's request as the handler receives it: `${name}` filled in, a body that is not a string sent as JSON. */
export function toRequest(step: Extract<ApiStep, { request: string }>, captured: Captured): HttpRequestData {
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

/** Runs one hidden test on a database reset for it. Errors in the lab's own SQL throw (a broken lab, not a wrong answer). */
async function runTest(
  engines: ApiEngines,
  module: CompiledModule,
  lab: ApiLabSpec,
  test: ApiTest,
  db: ApiDatabase,
  phases: ApiRunPhases,
): Promise<CheckResult> {
  phases.onSetup?.();
  await resetDatabase(db, lab.setup, test.sql);
  const captured: Captured = {};
  let now = Date.parse(lab.clock);
  let last: HttpExchange | undefined;
  const fail = (message: string, exchange = last): CheckResult => ({
    name: test.name,
    passed: false,
    message,
    ...(exchange ? { exchange } : {}),
  });
  for (const step of test.steps) {
    if ('advance' in step) now += step.advance * 1000;
    else if ('sql' in step) await db.exec(substitute(step.sql, captured));
    else if ('query' in step) {
      const { rows } = await db.query(substitute(step.query, captured), []);
      const found = mismatch(substitute(step.rows, captured), JSON.parse(JSON.stringify(rows)));
      if (found)
        return fail(`${step.message} (In the database afterwards, ${found.replace(/^the body/, 'the rows')}.)`);
    } else {
      phases.onStart?.();
      const exchange = await handleRequest(
        engines.engine,
        module,
        toRequest(step, captured),
        { db, env: lab.env, now },
        engines.onBroken,
      );
      if (step.expect) exchange.expected = describeExpect(substitute(step.expect, captured));
      last = exchange;
      if (await closeTransaction(db))
        return fail(
          'Your handler returned with a transaction still open, so its work was rolled back: COMMIT (or ROLLBACK) before you answer.',
        );
      const said = step.message ? ` ${step.message}` : '';
      if (!exchange.response)
        return fail(
          `${exchange.request.method} ${exchange.request.path} got no response: ${exchange.error?.message ?? 'the handler failed'}${said}`,
        );
      const problem =
        step.expect && checkResponse(substitute(step.expect, captured), exchange.response, exchange.queries);
      if (problem) return fail(`${exchange.request.method} ${exchange.request.path}: ${problem}${said}`);
      for (const [name, spec] of Object.entries(step.capture ?? {})) {
        const value = captureValue(exchange.response, spec);
        if (value === undefined)
          return fail(
            `${exchange.request.method} ${exchange.request.path}: the response has no ${spec.replace(/^json /, 'JSON member ')}, which the next requests need.${said}`,
          );
        captured[name] = value;
      }
    }
  }
  return { name: test.name, passed: true, ...(last ? { exchange: last } : {}) };
}

/** Runs the learner's handler against every hidden test. Never throws for the learner's mistakes. */
export async function runApiLab(
  engines: ApiEngines,
  open: OpenApiDatabase,
  grading: GradingDatabase,
  lab: ApiLabSpec,
  code: string,
  phases: ApiRunPhases = {},
): Promise<LabRun> {
  const compiled = compileModule(engines.compile, code);
  if ('error' in compiled) return { passed: false, checks: [], error: compiled.error };
  const db = await (grading.db ??= open());
  const ends = Date.now() + API_RUN_LIMIT_MS;
  const checks: CheckResult[] = [];
  let skip: string | undefined;
  try {
    for (const test of lab.requests) {
      if (Date.now() >= ends) skip ??= `Not run: a whole check stops after ${API_RUN_LIMIT_MS / 1000} seconds.`;
      if (skip) {
        checks.push({ name: test.name, passed: false, message: skip });
        continue;
      }
      let result: CheckResult;
      try {
        result = await runTest(engines, compiled.module, lab, test, db, phases);
      } catch (error) {
        // The lab's own SQL failed, or the database could not be reset: the next run gets a new one.
        grading.db = undefined;
        await db.close();
        throw error;
      }
      checks.push(result);
      // One stopped request says enough: the rest would each wait out the limit too.
      if (result.exchange?.error?.code === 'Stopped') skip = 'Not run: an earlier request was stopped.';
    }
  } finally {
    // Nothing a handler left behind outlives the run, even before the next reset (unless the database was dropped).
    if (grading.db !== undefined) await db.exec('ROLLBACK').catch(() => (grading.db = undefined));
  }
  const logs = checks.flatMap((c) => c.exchange?.logs ?? []).slice(0, 200);
  return { passed: checks.length > 0 && checks.every((c) => c.passed), checks, logs };
}

/** The request panel's database: set up on first use, kept between requests until the learner resets it. */
export interface PanelSession {
  db?: OwnApiDatabase | undefined;
  /** When the panel's clock started: the lab's clock plus the time since. */
  started: number;
}

/** Sends one request from the panel to the learner's handler. */
export async function sendRequest(
  engines: ApiEngines,
  open: OpenApiDatabase,
  session: PanelSession,
  lab: ApiLabSpec,
  code: string,
  request: HttpRequestData,
  reset: boolean,
): Promise<HttpExchange> {
  if (reset || !session.db) {
    await session.db?.close();
    session.db = await open();
    session.started = Date.now();
    await resetDatabase(session.db, lab.setup);
  }
  const compiled = compileModule(engines.compile, code);
  if ('error' in compiled) return { request, queries: [], logs: [], error: compiled.error };
  const now = Date.parse(lab.clock) + (Date.now() - session.started);
  const exchange = await handleRequest(
    engines.engine,
    compiled.module,
    request,
    { db: session.db, env: lab.env, now },
    engines.onBroken,
  );
  if (await closeTransaction(session.db))
    exchange.logs.push('Your handler returned with a transaction still open; it was rolled back.');
  return exchange;
}

export { REQUEST_LIMIT_MS };
