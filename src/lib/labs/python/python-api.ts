/**
 * API labs in Python: the learner's ASGI app (`async def app(scope, receive, send)`) graded by the same hidden
 * requests as the JavaScript handler (api-lab.ts runs them, api-test.ts judges them on the host). Pyodide runs the
 * app; the host module inside it (python/asgi_host.py) turns each request into an ASGI scope and `receive` events,
 * checks what the app sends, and gives it `scope["state"]["db"]` (the asyncpg-shaped driver, python/asyncpg/)
 * whose statements come out here, are recorded and counted like the JavaScript handler's, and run on PGlite.
 */
import {
  API_RUN_WORDS,
  type ApiApp,
  type ApiRunWords,
  type LoadApp,
  REQUEST_LIMIT_MS,
  type RequestContext,
} from '../api/index.ts';
import { fill } from '../../../core/format/fill.ts';
import { clip, type HttpExchange, type HttpRequestData, type QueryRecord, type RunError } from '../shared/lab-spec.ts';
import { answerDriver, type DriverMode, type PythonDatabase } from './python-db.ts';
import { PYTHON_MEMORY_LIMIT_MB } from './python-interpreter.ts';

/** The Python objects the runner calls, as Pyodide hands them to JavaScript. */
export interface PythonObject {
  [name: string]: unknown;
  destroy?(): void;
}
type PythonCall = (...args: unknown[]) => unknown;

/** Pyodide with the host modules defined (python-engine.ts loads it): what the runner needs of it. */
export interface PythonApiEngine {
  /** The module python/asgi_host.py. */
  host: PythonObject;
  /** A graded run starts on an interpreter no learner code has run on (python-interpreter.ts). */
  fresh(): Promise<void>;
  /** The run is over: the next one's interpreter is made meanwhile. */
  spare(): void;
  /** Starts a hidden test (or a panel request) from the interpreter as the guard's baseline has it (runner.py). */
  begin(): void;
  /** One request through an AppInstance, under the guard (runner.py `serve_request`): the outcome as JSON. */
  serve(instance: PythonObject, request: string, db: unknown, now: number, limit: number): Promise<string>;
  /** Where print() goes while a request runs; undefined between requests. */
  setOutput(lines: string[] | undefined): void;
  /** Python values from JavaScript ones (pyodide.toPy). */
  toPy(value: unknown): unknown;
}

/** What the app said, as python/asgi_host.py reports it. */
interface PythonOutcome {
  response?: HttpExchange['response'];
  error?: {
    name: string;
    message: string;
    traceback?: string;
    line?: number;
    column?: number;
    /** An ASGI contract the app broke (asgi_host.py `AsgiError`): its message's key and values. */
    key?: string;
    values?: Record<string, string>;
  };
  late?: { message: string };
  stopped?: boolean;
}

/** An ASGI contract the app broke, in `words`: the message its key names, its slots filled. */
function asgiMessage({ key, values = {} }: NonNullable<PythonOutcome['error']>, words: ApiRunWords) {
  const messages: Record<string, string> = words.asgi;
  const template = key === undefined ? undefined : messages[key];
  if (template === undefined) return undefined;
  return fill(template, { ...values, ...(values.what ? { what: messages[values.what] ?? values.what } : {}) });
}

/** A Python exception as the learner reads it: its message, their line, the traceback of their frames only. */
const toRunError = (error: NonNullable<PythonOutcome['error']>, words: ApiRunWords): RunError => ({
  code: error.name,
  message:
    error.name === 'MemoryError'
      ? fill(words.pythonMemory, { mb: PYTHON_MEMORY_LIMIT_MB })
      : clip(asgiMessage(error, words) ?? error.message),
  ...(error.traceback ? { detail: clip(`${words.traceback}\n${error.traceback}`) } : {}),
  ...(error.line !== undefined ? { line: error.line } : {}),
  ...(error.column ? { column: error.column } : {}),
});

/** The module's syntax error, if it has one, before any test runs. */
function pythonSyntaxError(engine: PythonApiEngine, code: string, words: ApiRunWords): RunError | undefined {
  const said = (engine.host.check_syntax as PythonCall)(code) as string | undefined;
  if (!said) return undefined;
  return toRunError(JSON.parse(said) as NonNullable<PythonOutcome['error']>, words);
}

/** Statements one request may run before the host refuses more (a loop of queries), as for JavaScript. */
const MAX_QUERIES = 200;

/**
 * The driver's side for one request (python-db.ts `answerDriver` on the test's database): each statement recorded on
 * the exchange as the JavaScript handler's are, so the same `maxQueries` counts them and the page shows them.
 */
function databaseHost(context: RequestContext, exchange: HttpExchange) {
  const answer = answerDriver(context.db as unknown as PythonDatabase);
  return {
    query: async (mode: DriverMode, sql: string, payload: string) => {
      const params = mode === 'query' ? (JSON.parse(payload) as unknown[]).map((p) => clip(JSON.stringify(p))) : [];
      const record: QueryRecord = { sql: clip(String(sql).trim()), params };
      exchange.queries.push(record);
      if (exchange.queries.length > MAX_QUERIES) {
        record.error = fill((context.words ?? API_RUN_WORDS).refused, { n: MAX_QUERIES });
        return JSON.stringify({ error: { message: record.error } });
      }
      const reply = await answer(mode, sql, payload);
      const said = JSON.parse(reply) as { error?: { code?: string; message: string }; rows?: unknown[] };
      if (said.error) record.error = `${said.error.code ? `${said.error.code}: ` : ''}${said.error.message}`;
      else record.rowCount = said.rows?.length ?? 0;
      return reply;
    },
  };
}

/** One hidden test's app: the learner's module, loaded by its first request and kept until the test ends. */
function pythonApp(engine: PythonApiEngine, code: string, env: Record<string, string>): ApiApp {
  engine.begin();
  const instance = (engine.host.AppInstance as PythonCall)(code, engine.toPy(env)) as PythonObject;
  return {
    async handle(request: HttpRequestData, context: RequestContext) {
      const exchange: HttpExchange = { request, queries: [], logs: [] };
      engine.setOutput(exchange.logs);
      try {
        const db = databaseHost(context, exchange);
        const said = await engine.serve(instance, JSON.stringify(request), db, context.now, REQUEST_LIMIT_MS / 1000);
        const outcome = JSON.parse(said) as PythonOutcome;
        const words = context.words ?? API_RUN_WORDS;
        if (outcome.response) exchange.response = outcome.response;
        if (outcome.error) exchange.error = toRunError(outcome.error, words);
        if (outcome.stopped)
          exchange.error = {
            code: 'Stopped',
            message: fill(words.pythonStopped, { seconds: REQUEST_LIMIT_MS / 1000 }),
          };
        if (outcome.late) exchange.logs.push(fill(words.late, { message: outcome.late.message }));
      } finally {
        engine.setOutput(undefined);
      }
      return exchange;
    },
    close() {
      (instance.close as PythonCall)();
      instance.destroy?.();
      return Promise.resolve();
    },
  };
}

/** The learner's ASGI app, as api-lab.ts runs it for the hidden tests and the request panel. */
export const pythonApi =
  (engine: PythonApiEngine): LoadApp =>
  (code, env, words = API_RUN_WORDS) =>
    pythonSyntaxError(engine, code, words) ?? (() => pythonApp(engine, code, env));
