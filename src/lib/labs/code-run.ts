/**
 * One code lab run's engine (code-lab.ts): a new QuickJS runtime with a memory cap, a stack limit and an interrupt at
 * RUN_LIMIT_MS; the handles the run lends, takes or keeps, all disposed when it ends; the host functions through
 * which the harness reports the tests (only primitives cross, read by type), and the Web APIs' (web-bridge.ts).
 */
import {
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
  shouldInterruptAfterDeadline,
} from 'quickjs-emscripten-core';
import { type CheckResult, clip, RUN_LIMIT_MS } from './lab-spec.ts';
import { WebBridge } from './web-bridge.ts';

/** Promise jobs run between checks, and the most a run may queue: far above what a lab's tests need. */
const JOB_BATCH = 50_000;
const MAX_JOBS = 1_000_000;

/** Evaluates code, returning its value's handle or the dumped error; the caller disposes the handle. */
export function evaluate(
  ctx: QuickJSContext,
  code: string,
  filename: string,
): { ok: true; value: QuickJSHandle } | { ok: false; error: unknown } {
  const result = ctx.evalCode(code, filename);
  if (result.error) {
    const error: unknown = ctx.dump(result.error);
    result.error.dispose();
    return { ok: false, error };
  }
  return { ok: true, value: result.value };
}

export class CodeRun {
  readonly runtime: QuickJSRuntime;
  readonly ctx: QuickJSContext;
  private readonly deadline = Date.now() + RUN_LIMIT_MS;
  private readonly handles: QuickJSHandle[] = [];
  /** What the harness reported: each test's name and result, in the order it registered them, and the log. */
  readonly names: string[] = [];
  readonly results: (CheckResult | undefined)[] = [];
  readonly logs: string[] = [];
  /** URL parsing and WebCrypto, from the host. */
  readonly web: WebBridge;

  constructor(engine: QuickJSWASMModule) {
    this.runtime = engine.newRuntime();
    this.runtime.setMemoryLimit(64 * 1024 * 1024);
    // QuickJS's own stack check must trip before the host's native stack (about 1 MB in a browser's worker) does,
    // or deep recursion kills the run instead of reporting a stack overflow: 256 KB is about 1,300 frames.
    this.runtime.setMaxStackSize(256 * 1024);
    this.runtime.setInterruptHandler(shouldInterruptAfterDeadline(this.deadline));
    this.ctx = this.runtime.newContext();
    this.web = new WebBridge(this.ctx);
  }

  timedOut() {
    return Date.now() >= this.deadline;
  }

  /** Keeps a handle for disposal when the run ends. */
  keep<T extends QuickJSHandle>(handle: T): T {
    this.handles.push(handle);
    return handle;
  }

  /**
   * Lends the harness `globalThis.__atlasHost`: report(index, passed, message), named(index, name), log(line); and
   * the Web APIs theirs.
   */
  lendHost() {
    this.web.lend();
    const { ctx } = this;
    const text = (h: QuickJSHandle | undefined) => (h && ctx.typeof(h) === 'string' ? ctx.getString(h) : undefined);
    const index = (h: QuickJSHandle | undefined) => {
      const n = h && ctx.typeof(h) === 'number' ? ctx.getNumber(h) : -1;
      return Number.isInteger(n) && n >= 0 && n < 10_000 ? n : -1;
    };
    const host = this.keep(ctx.newObject());
    this.lend(host, 'report', (i, passed, message) => {
      const at = index(i);
      if (at < 0 || this.results[at]) return;
      const check: CheckResult = {
        name: '',
        passed: passed !== undefined && ctx.typeof(passed) === 'boolean' && ctx.dump(passed) === true,
      };
      const said = text(message);
      if (said !== undefined) check.message = clip(said);
      this.results[at] = check;
    });
    this.lend(host, 'named', (i, name) => {
      const at = index(i);
      if (at >= 0) this.names[at] = text(name) ?? `test ${at + 1}`;
    });
    this.lend(host, 'log', (line) => {
      if (this.logs.length < 200) this.logs.push(clip(text(line) ?? ''));
    });
    ctx.setProp(ctx.global, '__atlasHost', host);
  }

  private lend(host: QuickJSHandle, name: string, fn: (...args: QuickJSHandle[]) => void) {
    const handle = this.keep(
      this.ctx.newFunction(name, (...args) => {
        fn(...args);
      }),
    );
    this.ctx.setProp(host, name, handle);
  }

  /** Takes a global the engine's scripts set, and deletes it, so learner code never sees it. */
  take(name: string): QuickJSHandle {
    const handle = this.keep(this.ctx.getProp(this.ctx.global, name));
    this.ctx.unwrapResult(this.ctx.evalCode(`delete globalThis.${name}`)).dispose();
    return handle;
  }

  /** Runs one of the engine's own scripts, which must not fail. */
  mustRun(source: string, filename: string): QuickJSHandle {
    const done = evaluate(this.ctx, source, filename);
    if (!done.ok) throw new Error(`${filename} did not load: ${JSON.stringify(done.error)}`);
    return this.keep(done.value);
  }

  /** Calls `target[name](...args)`; the caller disposes the result's handle. */
  call(target: QuickJSHandle, name: string, ...args: QuickJSHandle[]) {
    const fn = this.ctx.getProp(target, name);
    const result = this.ctx.callFunction(fn, target, ...args);
    fn.dispose();
    return result;
  }

  /** Runs the engine's jobs, waiting for the host's WebCrypto between them, until none is left or time is up. */
  async runJobs(): Promise<QuickJSHandle | 'endless' | undefined> {
    let ran = 0;
    for (;;) {
      // In batches: an endless promise chain that runs out of memory rejects a promise no one handles, and QuickJS
      // drops that silently; counting the jobs catches the chain first.
      const jobs = this.runtime.executePendingJobs(JOB_BATCH);
      if (jobs.error) return jobs.error;
      ran += jobs.value;
      if (ran > MAX_JOBS) return 'endless';
      if (jobs.value === JOB_BATCH) continue;
      if (this.web.running.size === 0 || this.timedOut()) return undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const wake = new Promise((woken) => (timer = setTimeout(woken, this.deadline - Date.now())));
      await Promise.race([...this.web.running, wake]);
      clearTimeout(timer);
    }
  }

  /** Frees the run's handles, context and runtime; `onBroken` when QuickJS could not. */
  async dispose(onBroken: (() => void) | undefined) {
    await this.web.close();
    try {
      for (const handle of this.handles.reverse()) if (handle.alive) handle.dispose();
      this.ctx.dispose();
      this.runtime.dispose();
    } catch {
      onBroken?.();
    }
  }
}
