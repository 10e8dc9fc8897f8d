/**
 * One request to a learner's handler: a new QuickJS engine, the sandbox script with the Web and Fetch APIs
 * (bundled from engine/api-sandbox.ts), the learner's module, then `fetch(request, env)`, driven until it answers. The handler's
 * `env.db.query` calls come out as host calls that run on PGlite; each hands a promise back into the engine and
 * the host resolves it when Postgres answers (promises bridged from the host, not an asyncify build: the engine
 * the code labs already ship, any number of queries in flight, and a handler that awaits nothing is still caught).
 * The engine stops the handler at REQUEST_LIMIT_MS; a handler whose promise can no longer settle (nothing queued,
 * no query pending) is reported at once as never answering.
 */
import { API_RUN_WORDS, type ApiRunWords } from './api-words.ts';
import type { QuickJSDeferredPromise, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { type ApiDatabase, runQuery } from './api-queries.ts';
import { ENDLESS, EngineRun, REQUEST_MAX_JOBS } from '../shared/engine-run.ts';
import { clip, type HttpExchange, type HttpRequestData, REQUEST_LIMIT_MS, type RunError } from '../shared/lab-spec.ts';
import { stoppedMessage } from '../shared/stop-words.ts';

export type { ApiDatabase };
export { REQUEST_LIMIT_MS };

/** The engine a request runs in, the script it evaluates first, and what to call when it cannot be freed. */
export type RequestEngine = { engine: QuickJSWASMModule; script: string; onBroken?: (() => void) | undefined };

/** What one request runs with besides the code: the database, the lab's env strings, the clock in milliseconds. */
export interface RequestContext {
  db: ApiDatabase;
  env: Record<string, string>;
  now: number;
  /** What the request's failures say, in the page's language; English without it (api-words.ts). */
  words?: ApiRunWords | undefined;
}

/** The learner's module, compiled to a CommonJS body (sucrase: types removed, `export` into `exports`). */
export type CompiledModule = string;

/** How a request ends without its answer, in the words of the page (English by default). */
const endings = (words: ApiRunWords) => ({
  stopped: { code: 'Stopped', message: stoppedMessage('code', 'request', words.stop) } as RunError,
  /** The engine's memory is capped (api-engine.ts): a request that fills it gets QuickJS's "out of memory". */
  outOfMemory: { code: 'Stopped', message: stoppedMessage('code', 'memory', words.stop) } as RunError,
  never: { code: 'NoResponse', message: words.never } as RunError,
  unreadable: { message: words.unreadable } as RunError,
  refused: words.refused,
});
type Endings = ReturnType<typeof endings>;

/** The engine's error as the learner reads it, with the line of their code where the stack says. */
function toRunError(dumped: unknown, ends: Endings): RunError {
  const e = (dumped && typeof dumped === 'object' ? dumped : { message: String(dumped) }) as Record<string, unknown>;
  if (e.name === 'InternalError' && e.message === 'out of memory') return ends.outOfMemory;
  const error: RunError = { message: clip(String(e.message ?? dumped)) };
  if (typeof e.name === 'string') error.code = e.name;
  const at = /learner\.js:(\d+)(?::(\d+))?/.exec(typeof e.stack === 'string' ? e.stack : '');
  if (at) {
    error.line = Number(at[1]);
    if (at[2]) error.column = Number(at[2]);
  }
  return error;
}

type Outcome = { response?: HttpExchange['response']; error?: RunError };

/** One request's engine (engine-run.ts) with REQUEST_LIMIT_MS: the queries in flight, the outcome. */
class RequestRun extends EngineRun {
  readonly exchange: HttpExchange;
  /** Promises handed to the engine that the host has not settled yet. */
  private readonly open = new Set<QuickJSDeferredPromise>();
  /** Statements Postgres is running. */
  private readonly pending = new Set<Promise<void>>();
  private outcome: Outcome | undefined;
  private closed = false;

  private readonly db: ApiDatabase;
  private readonly ends: Endings;

  constructor(engine: QuickJSWASMModule, request: HttpRequestData, db: ApiDatabase, words: ApiRunWords) {
    super(engine, REQUEST_LIMIT_MS, REQUEST_MAX_JOBS);
    this.db = db;
    this.ends = endings(words);
    this.exchange = { request, queries: [], logs: [] };
  }

  private text(h: QuickJSHandle | undefined) {
    return h && this.ctx.typeof(h) === 'string' ? this.ctx.getString(h) : '';
  }

  private lend(host: QuickJSHandle, name: string, fn: (...args: QuickJSHandle[]) => QuickJSHandle | void) {
    const handle = this.ctx.newFunction(name, fn);
    this.ctx.setProp(host, name, handle);
    handle.dispose();
  }

  private settle(deferred: QuickJSDeferredPromise, ok: boolean, json: string) {
    if (this.closed) return;
    this.open.delete(deferred);
    const value = this.ctx.newString(json);
    if (ok) deferred.resolve(value);
    else deferred.reject(value);
    value.dispose();
  }

  /** Lends the sandbox `globalThis.__atlasApiHost`: log(line), done(json) with the handler's answer, query(sql, params). */
  lendHost() {
    this.web.lend();
    const host = this.keep(this.ctx.newObject());
    this.lend(host, 'log', (line) => {
      if (this.exchange.logs.length < 200) this.exchange.logs.push(clip(this.text(line)));
    });
    this.lend(host, 'done', (json) => {
      if (this.outcome) return;
      try {
        const said = JSON.parse(this.text(json)) as { response?: HttpExchange['response']; error?: unknown };
        if (said.error)
          this.outcome = { error: this.timedOut() ? this.ends.stopped : toRunError(said.error, this.ends) };
        else this.outcome = { response: said.response };
      } catch {
        this.outcome = { error: this.ends.unreadable };
      }
    });
    this.lend(host, 'query', (sql, params) => this.query(this.text(sql), this.text(params)));
    this.ctx.setProp(this.ctx.global, '__atlasApiHost', host);
  }

  /** A statement from `env.db.query`: a promise for the engine, settled when Postgres answers or the host refuses. */
  private query(sql: string, paramsJson: string): QuickJSHandle {
    const deferred = this.ctx.newPromise();
    this.open.add(deferred);
    const settle = (ok: boolean, json: string) => this.settle(deferred, ok, json);
    const done = runQuery(this.db, sql, paramsJson, this.exchange.queries, settle, this.ends.refused);
    if (done) {
      this.pending.add(done);
      void done.finally(() => this.pending.delete(done));
    }
    return deferred.handle;
  }

  /**
   * Loads the Web and Fetch APIs, the sandbox and the learner's module, and starts the handler on the request;
   * false when the module did not load (the exchange then says why).
   */
  start(script: string, module: CompiledModule, env: Record<string, string>, now: number): boolean {
    const { ctx } = this;
    this.keep(ctx.unwrapResult(ctx.evalCode(script, 'sandbox.js')));
    const api = this.keep(ctx.getProp(ctx.global, '__atlasApi'));
    ctx.unwrapResult(ctx.evalCode('delete globalThis.__atlasApi')).dispose();
    // The module's code starts on the wrapper's first line, so the engine's line numbers are the learner's.
    const loaded = ctx.evalCode(`(function (exports, require, module) {${module}\n})`, 'learner.js');
    if (loaded.error) {
      this.exchange.error = toRunError(ctx.dump(loaded.error), this.ends);
      loaded.error.dispose();
      if (this.timedOut()) this.exchange.error = this.ends.stopped;
      return false;
    }
    this.keep(loaded.value);
    const args = [
      loaded.value,
      ctx.newString(JSON.stringify(this.exchange.request)),
      ctx.newString(JSON.stringify(env)),
      ctx.newNumber(now),
    ];
    for (const arg of args.slice(1)) this.keep(arg);
    const startFn = this.keep(ctx.getProp(api, 'start'));
    const started = ctx.callFunction(startFn, api, ...args);
    if (started.error) {
      this.outcome = { error: toRunError(ctx.dump(started.error), this.ends) };
      started.error.dispose();
    } else started.value.dispose();
    return true;
  }

  /** Runs the engine's jobs, waiting for Postgres between them, until the handler answers, fails or runs out of time. */
  async drive() {
    const failed = await this.runJobs(
      () => this.outcome !== undefined,
      () => [...this.pending],
    );
    // Work still going fails the request even when the handler had answered, as in a code lab: an endless chain
    // (counted, or stopped at the limit, whose rejection QuickJS drops), or an error a job threw.
    if (failed === 'endless') this.outcome = { error: ENDLESS };
    else if (failed) {
      this.outcome = { error: this.timedOut() ? this.ends.stopped : toRunError(this.ctx.dump(failed), this.ends) };
      failed.dispose();
    } else if (this.timedOut()) this.outcome = { error: this.ends.stopped };
    else this.outcome ??= { error: this.ends.never };
    if (this.outcome.response) this.exchange.response = this.outcome.response;
    if (this.outcome.error) this.exchange.error = this.outcome.error;
  }

  /** Waits for statements still running (their answers are dropped), then frees the engine; `onBroken` if it cannot. */
  async close(onBroken: (() => void) | undefined) {
    this.closed = true;
    this.runtime.removeInterruptHandler();
    await Promise.allSettled(this.pending);
    await this.dispose(onBroken, this.open);
  }
}

/** Runs one request through the learner's handler; never throws for the learner's mistakes. */
export async function handleRequest(
  { engine, script, onBroken }: RequestEngine,
  module: CompiledModule,
  request: HttpRequestData,
  { db, env, now, words = API_RUN_WORDS }: RequestContext,
): Promise<HttpExchange> {
  const run = new RequestRun(engine, request, db, words);
  try {
    run.lendHost();
    if (run.start(script, module, env, now)) await run.drive();
    return run.exchange;
  } finally {
    await run.close(onBroken);
  }
}
