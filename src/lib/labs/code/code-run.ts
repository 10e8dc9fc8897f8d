/**
 * One code lab run's engine (code-lab.ts), on the shared one (engine-run.ts) with RUN_LIMIT_MS: the handles the run
 * lends or takes, and the host functions through which the harness reports the tests (only primitives cross, read by
 * type).
 */
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { EngineRun } from '../shared/engine-run.ts';
import { type CheckResult, clip, RUN_LIMIT_MS } from '../shared/lab-spec.ts';

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

export class CodeRun extends EngineRun {
  /** What the harness reported: each test's name and result, in the order it registered them, and the log. */
  readonly names: string[] = [];
  readonly results: (CheckResult | undefined)[] = [];
  readonly logs: string[] = [];
  /** How many tests the harness has started: at a stop, the last of them is the one whose code was running. */
  started = 0;

  constructor(engine: QuickJSWASMModule) {
    super(engine, RUN_LIMIT_MS);
  }

  /**
   * Lends the harness `globalThis.__atlasHost`: report(index, passed, message), named(index, name), started(index),
   * log(line); and the Web APIs theirs.
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
    this.lend(host, 'started', (i) => {
      this.started = Math.max(this.started, index(i) + 1);
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
}
