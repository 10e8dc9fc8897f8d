/**
 * One request to a learner's handler: a new QuickJS engine, the Web and Fetch APIs, the sandbox script
 * (api-sandbox.ts), the learner's module, then `fetch(request, env)`, driven until it answers. The handler's
 * `env.db.query` calls come out as host calls that run on PGlite; each hands a promise back into the engine and
 * the host resolves it when Postgres answers (promises bridged from the host, not an asyncify build: the engine
 * the code labs already ship, any number of queries in flight, and a handler that awaits nothing is still caught).
 * The engine stops the handler at REQUEST_LIMIT_MS; a handler whose promise can no longer settle (nothing queued,
 * no query pending) is reported at once as never answering.
 */
import {
  type QuickJSContext,
  type QuickJSDeferredPromise,
  type QuickJSHandle,
  type QuickJSWASMModule,
  shouldInterruptAfterDeadline,
} from 'quickjs-emscripten-core';
import { API_SANDBOX } from './api-sandbox.ts';
import { FETCH_APIS } from './fetch-apis.ts';
import { clip, type HttpExchange, type HttpRequestData, type QueryRecord, type RunError } from './lab-spec.ts';
import { errorFields, fromJson, toJson } from './api-values.ts';
import { toTable } from './sql-results.ts';
import { WEB_APIS } from './web-apis.ts';

/** Longest one request may take, in milliseconds. */
export const REQUEST_LIMIT_MS = 2000;
/** Statements one request may run before the host refuses more (a loop of queries). */
const MAX_QUERIES = 200;

/** What the runner needs of a Postgres session: PGlite's `query` with parameters. */
export interface ApiDatabase {
  query(
    sql: string,
    params: unknown[],
  ): Promise<{
    rows: Record<string, unknown>[];
    fields: { name: string; dataTypeID: number }[];
    affectedRows?: number;
  }>;
  exec(sql: string): Promise<unknown>;
}

/** What one request runs with besides the code: the database, the lab's env strings, the clock in milliseconds. */
export interface RequestContext {
  db: ApiDatabase;
  env: Record<string, string>;
  now: number;
}

/** The learner's module, compiled to a CommonJS body (sucrase: types removed, `export` into `exports`). */
export type CompiledModule = string;

const STOPPED: RunError = {
  code: 'Stopped',
  message: `Stopped after ${REQUEST_LIMIT_MS / 1000} seconds without a response. Look for a loop that never ends, or a promise chain that keeps going.`,
};
const NEVER: RunError = {
  code: 'NoResponse',
  message:
    'Your handler never answered: its promise can no longer settle (nothing else is running). Look for a missing return or await, or a new Promise whose resolve is never called.',
};

/** The engine's error as the learner reads it, with the line of their code where the stack says. */
function toRunError(dumped: unknown): RunError {
  const e = (dumped && typeof dumped === 'object' ? dumped : { message: String(dumped) }) as Record<string, unknown>;
  const error: RunError = { message: clip(String(e.message ?? dumped)) };
  if (typeof e.name === 'string') error.code = e.name;
  const at = /learner\.js:(\d+)(?::(\d+))?/.exec(typeof e.stack === 'string' ? e.stack : '');
  if (at) {
    error.line = Number(at[1]);
    if (at[2]) error.column = Number(at[2]);
  }
  return error;
}

/** Runs one request through the learner's handler; never throws for the learner's mistakes. */
export async function handleRequest(
  engine: QuickJSWASMModule,
  module: CompiledModule,
  request: HttpRequestData,
  { db, env, now }: RequestContext,
  onBroken?: () => void,
): Promise<HttpExchange> {
  const exchange: HttpExchange = { request, queries: [], logs: [] };
  const deadline = Date.now() + REQUEST_LIMIT_MS;
  const runtime = engine.newRuntime();
  runtime.setMemoryLimit(64 * 1024 * 1024);
  runtime.setMaxStackSize(256 * 1024);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(deadline));
  const ctx: QuickJSContext = runtime.newContext();
  const handles: QuickJSHandle[] = [];
  const open = new Set<QuickJSDeferredPromise>();
  const pending = new Set<Promise<void>>();
  let outcome: { response?: HttpExchange['response']; error?: RunError } | undefined;
  let closed = false;

  const text = (h: QuickJSHandle | undefined) => (h && ctx.typeof(h) === 'string' ? ctx.getString(h) : '');
  const lend = (host: QuickJSHandle, name: string, fn: (...args: QuickJSHandle[]) => QuickJSHandle | void) => {
    const handle = ctx.newFunction(name, fn);
    ctx.setProp(host, name, handle);
    handle.dispose();
  };
  const settle = (deferred: QuickJSDeferredPromise, ok: boolean, json: string) => {
    if (closed) return;
    open.delete(deferred);
    const value = ctx.newString(json);
    if (ok) deferred.resolve(value);
    else deferred.reject(value);
    value.dispose();
  };

  try {
    const host = ctx.newObject();
    handles.push(host);
    lend(host, 'log', (line) => {
      if (exchange.logs.length < 200) exchange.logs.push(clip(text(line)));
    });
    lend(host, 'done', (json) => {
      if (outcome) return;
      try {
        const said = JSON.parse(text(json)) as { response?: HttpExchange['response']; error?: unknown };
        if (said.error) outcome = { error: Date.now() >= deadline ? STOPPED : toRunError(said.error) };
        else outcome = { response: said.response };
      } catch {
        outcome = { error: { message: 'The handler answered something that could not be read.' } };
      }
    });
    lend(host, 'query', (sqlHandle, paramsHandle) => {
      const deferred = ctx.newPromise();
      open.add(deferred);
      const sql = text(sqlHandle);
      let params: unknown[];
      try {
        params = fromJson(text(paramsHandle));
      } catch {
        params = [];
      }
      const record: QueryRecord = { sql: clip(sql.trim()), params: params.map((p) => clip(toJson(p) ?? 'null')) };
      exchange.queries.push(record);
      if (exchange.queries.length > MAX_QUERIES) {
        record.error = `refused: more than ${MAX_QUERIES} statements in one request`;
        settle(deferred, false, JSON.stringify({ message: record.error }));
        return deferred.handle;
      }
      const done = db.query(sql, params).then(
        (result) => {
          record.rowCount = result.affectedRows || result.rows.length;
          if (result.fields.length)
            record.rows = toTable({
              rows: result.rows.map((row) => result.fields.map((f) => row[f.name])),
              fields: result.fields,
            });
          settle(deferred, true, toJson({ rows: result.rows, rowCount: record.rowCount, fields: result.fields }));
        },
        (error: unknown) => {
          const fields = errorFields(error);
          record.error = `${fields.code ? `${fields.code}: ` : ''}${fields.message ?? String(error)}`;
          settle(deferred, false, JSON.stringify(fields.message ? fields : { message: String(error) }));
        },
      );
      pending.add(done);
      void done.finally(() => pending.delete(done));
      return deferred.handle;
    });
    ctx.setProp(ctx.global, '__atlasApiHost', host);

    for (const [source, name] of [
      [WEB_APIS, 'web-apis.js'],
      [FETCH_APIS, 'fetch-apis.js'],
      [API_SANDBOX, 'sandbox.js'],
    ] as const)
      handles.push(ctx.unwrapResult(ctx.evalCode(source, name)));
    const api = ctx.getProp(ctx.global, '__atlasApi');
    handles.push(api);
    ctx.unwrapResult(ctx.evalCode('delete globalThis.__atlasApi')).dispose();

    // The module's code starts on the wrapper's first line, so the engine's line numbers are the learner's.
    const loaded = ctx.evalCode(`(function (exports, require, module) {${module}\n})`, 'learner.js');
    if (loaded.error) {
      exchange.error = toRunError(ctx.dump(loaded.error));
      loaded.error.dispose();
      if (Date.now() >= deadline) exchange.error = STOPPED;
      return exchange;
    }
    handles.push(loaded.value);
    const args = [
      loaded.value,
      ctx.newString(JSON.stringify(request)),
      ctx.newString(JSON.stringify(env)),
      ctx.newNumber(now),
    ];
    handles.push(...args.slice(1));
    const start = ctx.getProp(api, 'start');
    handles.push(start);
    const started = ctx.callFunction(start, api, ...args);
    if (started.error) {
      outcome = { error: toRunError(ctx.dump(started.error)) };
      started.error.dispose();
    } else started.value.dispose();

    while (!outcome) {
      const jobs = runtime.executePendingJobs(-1);
      if (jobs.error) {
        outcome = { error: Date.now() >= deadline ? STOPPED : toRunError(ctx.dump(jobs.error)) };
        jobs.error.dispose();
        break;
      }
      if (outcome) break;
      if (Date.now() >= deadline) outcome = { error: STOPPED };
      else if (pending.size === 0) outcome = { error: NEVER };
      else {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([...pending, new Promise((wake) => (timer = setTimeout(wake, deadline - Date.now())))]);
        clearTimeout(timer);
      }
    }
    if (outcome.response) exchange.response = outcome.response;
    if (outcome.error) exchange.error = outcome.error;
    return exchange;
  } finally {
    closed = true;
    runtime.removeInterruptHandler();
    // Statements still running finish on their own; their answers are dropped.
    await Promise.allSettled(pending);
    try {
      for (const deferred of open) deferred.dispose();
      for (const handle of handles.reverse()) if (handle.alive) handle.dispose();
      ctx.dispose();
      runtime.dispose();
    } catch {
      onBroken?.();
    }
  }
}
