/**
 * Runs an API lab: the learner's handler against the lab's hidden tests (each run by api-test.ts). Every test starts
 * from a database reset to the lab's setup, as new (resetDatabase), with the test's own data, then sends its requests
 * in order (api-request.ts runs each through the handler), runs the SQL between them, moves the clock and reads the
 * database afterwards. All judging happens on the host: the learner's code only ever sees a request and env.
 * The request panel (`sendRequest`) uses the same path on a database of its own that lives until it is reset. Each
 * language gives a LoadApp: JavaScript's here (`javascriptApi`), Python's in python-api.ts (`pythonApi`).
 */
import { fill } from '../../../core/format/fill.ts';
import { API_RUN_WORDS, type ApiRunWords } from './api-words.ts';
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { ruleBroken } from './api-rules.ts';
import { type CompiledModule, handleRequest } from './api-request.ts';
import { sendAtOnce } from './api-concurrent.ts';
import {
  type ApiApp,
  type ApiRunPhases,
  type RequestTarget,
  resetDatabase,
  runSteps,
  type TestDatabase,
} from './api-test.ts';
import type { Transpile } from '../code/index.ts';
import { rollbackOpenTransaction } from '../database/sql-session.ts';
import type { CheckResult, HttpExchange, HttpRequestData, LabRun, RunError } from '../shared/lab-spec.ts';
import type { ApiLabSpec, ApiTest } from './api-spec.ts';

export interface ApiEngines {
  engine: QuickJSWASMModule;
  /** The script each request's engine evaluates first: the sandbox with the Web and Fetch APIs. */
  script: string;
  /** Sucrase with MODULE_TRANSFORM. */
  compile: Transpile;
  /** Called when an engine could not free a request: the caller loads a new one for the next. */
  onBroken?: (() => void) | undefined;
}

/** Longest a whole check may take, all tests together, in milliseconds. */
export const API_RUN_LIMIT_MS = 20_000;

/** How sucrase turns an API lab's module into a function body: types removed, `export default` into `exports.default`. */
export const MODULE_TRANSFORM = { transforms: ['typescript' as const, 'imports' as const], disableESTransforms: true };

/** A database of its own for one run, or for the request panel. */
export interface OwnApiDatabase extends TestDatabase {
  close(): Promise<void>;
}
export type OpenApiDatabase = () => Promise<OwnApiDatabase>;

/** The learner's module compiled, or the syntax error as they read it. */
function compileModule(compile: Transpile, code: string): { module: CompiledModule } | { error: RunError } {
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

/** The database hidden tests run on: one per worker, opened on first use and reset before every test. */
export interface GradingDatabase {
  db?: Promise<OwnApiDatabase> | undefined;
}

/**
 * How a language loads the learner's code with the lab's env: into what makes an app for each hidden test or panel
 * request, or into the error that stops it loading (a syntax error) before any request runs.
 */
export type LoadApp = (code: string, env: Record<string, string>, words?: ApiRunWords) => (() => ApiApp) | RunError;

/** A JavaScript handler as the tests call it: its module loaded afresh for every request, as a serverless platform may. */
export const javascriptApi =
  (engines: ApiEngines): LoadApp =>
  (code) => {
    const compiled = compileModule(engines.compile, code);
    if ('error' in compiled) return compiled.error;
    return () => ({
      handle: (request, context) => handleRequest(engines, compiled.module, request, context),
      close: () => Promise.resolve(),
    });
  };

/** The lab's handler over its database as a target: requests timed by the host, a transaction left open rolled back. */
function labTarget(app: ApiApp, lab: ApiLabSpec, db: TestDatabase, phases: ApiRunPhases): RequestTarget {
  return {
    // What the task says of every response, held against each one (api-rules.ts).
    rule: (exchange) => ruleBroken(lab.rules, exchange, lab.words),
    words: lab.words,
    async send(request, now) {
      phases.onStart?.();
      const exchange = await app.handle(request, { db, env: lab.env, now, words: lab.words });
      // The request is over: judging it and the steps after it are the lab's work, not timed against the request.
      phases.onSetup?.();
      return exchange;
    },
    async sendAtOnce(requests, now) {
      phases.onStart?.();
      // A request that answers gives the host's timer back to those still running: each has the limit of one request.
      const sent = await sendAtOnce(db, requests, (request, session) =>
        app.handle(request, { db: session, env: lab.env, now, words: lab.words }).finally(() => phases.onStart?.()),
      );
      phases.onSetup?.();
      return sent;
    },
    afterExchange: async () =>
      (await rollbackOpenTransaction(db)) ? (lab.words ?? API_RUN_WORDS).leftOpen : undefined,
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async (sql) => (await db.query(sql, [])).rows,
  };
}

/** Runs one hidden test on a database reset for it. Errors in the lab's own SQL throw (a broken lab, not a wrong answer). */
async function runTest(
  app: ApiApp,
  lab: ApiLabSpec,
  test: ApiTest,
  db: TestDatabase,
  phases: ApiRunPhases,
): Promise<CheckResult> {
  phases.onSetup?.();
  await resetDatabase(db, lab.setup, test.sql);
  // A test may run under settings of its own (`env`), in place of the lab's.
  const settings = test.env ? { ...lab, env: { ...lab.env, ...test.env } } : lab;
  return runSteps(labTarget(app, settings, db, phases), test, Date.parse(lab.clock));
}

/** Runs the learner's app, in the language `load` loads, against every hidden test. Never throws for their mistakes. */
export async function runApiLab(
  load: LoadApp,
  open: OpenApiDatabase,
  grading: GradingDatabase,
  lab: ApiLabSpec,
  code: string,
  phases: ApiRunPhases = {},
): Promise<LabRun> {
  const newApp = load(code, lab.env, lab.words);
  if (typeof newApp !== 'function') return { passed: false, checks: [], error: newApp };
  const db = await (grading.db ??= open());
  const ends = Date.now() + API_RUN_LIMIT_MS;
  const checks: CheckResult[] = [];
  let skip: string | undefined;
  try {
    for (const test of lab.requests) {
      if (Date.now() >= ends) skip ??= fill((lab.words ?? API_RUN_WORDS).notRun, { seconds: API_RUN_LIMIT_MS / 1000 });
      if (skip) {
        checks.push({ name: test.name, passed: false, message: skip, cut: 'not-run' });
        continue;
      }
      let result: CheckResult;
      const app = newApp();
      try {
        result = await runTest(app, lab, test, db, phases);
      } catch (error) {
        // The lab's own SQL failed, or the database could not be reset: the next run gets a new one.
        grading.db = undefined;
        await db.close();
        throw error;
      } finally {
        await app.close();
      }
      checks.push(result);
      // One stopped request says enough: the rest would each wait out the limit too.
      if (result.exchange?.error?.code === 'Stopped') skip = (lab.words ?? API_RUN_WORDS).earlierStopped;
    }
  } finally {
    // Nothing a handler left behind outlives the run, even before the next reset (unless the database was dropped).
    if (grading.db !== undefined) await db.exec('ROLLBACK').catch(() => (grading.db = undefined));
  }
  const exchanges = checks.flatMap((c) => c.concurrent?.exchanges ?? (c.exchange ? [c.exchange] : []));
  const logs = exchanges.flatMap((e) => e.logs).slice(0, 200);
  return { passed: checks.length > 0 && checks.every((c) => c.passed), checks, logs };
}

/** The request panel's database: set up on first use, kept between requests until the learner resets it. */
export interface PanelSession {
  db?: OwnApiDatabase | undefined;
  /** When the panel's clock started: the lab's clock plus the time since. */
  started: number;
}

/** Sends one request from the panel to the learner's app, in the language `load` loads, loaded afresh for it. */
export async function sendRequest(
  load: LoadApp,
  open: OpenApiDatabase,
  session: PanelSession,
  lab: ApiLabSpec,
  code: string,
  request: HttpRequestData,
  reset: boolean,
): Promise<HttpExchange> {
  if (reset || !session.db) {
    session.db ??= await open();
    session.started = Date.now();
    await resetDatabase(session.db, lab.setup);
  }
  const newApp = load(code, lab.env, lab.words);
  if (typeof newApp !== 'function') return { request, queries: [], logs: [], error: newApp };
  const app = newApp();
  const now = Date.parse(lab.clock) + (Date.now() - session.started);
  const exchange = await app
    .handle(request, { db: session.db, env: lab.env, now, words: lab.words })
    .finally(() => app.close());
  if (await rollbackOpenTransaction(session.db))
    exchange.logs.push('Your handler returned with a transaction still open; it was rolled back.');
  return exchange;
}
