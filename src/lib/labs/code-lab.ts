/**
 * Runs a code lab in QuickJS (a JavaScript engine compiled to WebAssembly): a new engine for every run, with no
 * DOM, storage, network or timers in it, a memory cap, and an interrupt at RUN_LIMIT_MS. The learner's code runs
 * as a script; the lab's hidden tests then run in a function whose `test`, `assert` and `createClock` the learner
 * cannot replace. In the page this runs in a worker, so even a stopped run never freezes the page.
 */
import {
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSWASMModule,
  shouldInterruptAfterDeadline,
} from 'quickjs-emscripten-core';
import { HARNESS } from './code-harness.ts';
import {
  type CheckResult,
  clip,
  type CodeLabSpec,
  type LabRun,
  RUN_LIMIT_MS,
  type RunError,
  stoppedMessage,
} from './lab-spec.ts';

/** Turns TypeScript into JavaScript (types removed); the page loads one only for TypeScript labs. */
export type Transpile = (code: string) => string;

/** How sucrase turns a TypeScript lab into JavaScript, in the page and in the tests alike: types removed, nothing else changed. */
export const TYPESCRIPT_TRANSFORM = { transforms: ['typescript' as const], disableESTransforms: true };

const STOPPED = stoppedMessage('code');

/** The engine's error as the learner reads it, with the line in their code where the engine says. */
function toRunError(dumped: unknown, timedOut: boolean): RunError {
  if (timedOut) return { message: STOPPED, code: 'Stopped' };
  const e = (dumped && typeof dumped === 'object' ? dumped : { message: String(dumped) }) as {
    name?: string;
    message?: string;
    stack?: string;
  };
  const error: RunError = { message: clip(String(e.message ?? dumped)) };
  if (e.name) error.code = e.name;
  const at = /learner\.js:(\d+)(?::(\d+))?/.exec(e.stack ?? '');
  if (at) {
    error.line = Number(at[1]);
    if (at[2]) error.column = Number(at[2]);
  }
  return error;
}

/** Evaluates code, returning its value's handle or the dumped error; the caller disposes the handle. */
function evaluate(
  ctx: QuickJSContext,
  code: string,
  filename: string,
): { ok: true; value: QuickJSHandle } | { ok: false; error: unknown } {
  const result = ctx.evalCode(code, filename);
  if (result.error) {
    const error = ctx.dump(result.error);
    result.error.dispose();
    return { ok: false, error };
  }
  return { ok: true, value: result.value };
}

/** Runs the learner's code and the lab's tests. Never throws for the learner's mistakes. */
export function runCodeLab(
  engine: QuickJSWASMModule,
  lab: CodeLabSpec,
  learnerCode: string,
  transpile?: Transpile,
): LabRun {
  let code = learnerCode;
  if (lab.language === 'typescript') {
    if (!transpile) throw new Error('a TypeScript lab needs a transpiler');
    try {
      code = transpile(learnerCode);
    } catch (error) {
      const message = (error as Error).message;
      const at = /\((\d+):(\d+)\)/.exec(message);
      const runError: RunError = { message: message.replace(/ \(\d+:\d+\)$/, ''), code: 'SyntaxError' };
      if (at) Object.assign(runError, { line: Number(at[1]), column: Number(at[2]) + 1 });
      return { passed: false, checks: [], error: runError };
    }
  }

  const deadline = Date.now() + RUN_LIMIT_MS;
  const runtime = engine.newRuntime();
  runtime.setMemoryLimit(64 * 1024 * 1024);
  runtime.setMaxStackSize(512 * 1024);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(deadline));
  const ctx = runtime.newContext();
  const timedOut = () => Date.now() >= deadline;
  let h: QuickJSHandle | undefined;
  try {
    // An expression, not a declaration: a top-level `const` here would stay visible to the learner's script.
    const harness = evaluate(
      ctx,
      `${HARNESS}; (() => { const harness = globalThis.__atlasHarness; delete globalThis.__atlasHarness; return harness; })()`,
      'harness.js',
    );
    if (!harness.ok) throw new Error(`the lab harness did not load: ${JSON.stringify(harness.error)}`);
    h = harness.value;
    const handle = h;
    const call = (name: string, ...args: QuickJSHandle[]) => {
      const fn = ctx.getProp(handle, name);
      const result = ctx.callFunction(fn, ctx.undefined, ...args);
      fn.dispose();
      return ctx.unwrapResult(result);
    };
    const read = (name: string): unknown => {
      const handle = call(name);
      const value = ctx.dump(handle);
      handle.dispose();
      return value;
    };

    const learner = evaluate(ctx, code, 'learner.js');
    if (!learner.ok) {
      if (timedOut()) runtime.removeInterruptHandler();
      return {
        passed: false,
        checks: [],
        error: toRunError(learner.error, timedOut()),
        logs: read('logs') as string[],
      };
    }
    learner.value.dispose();

    // The tests run in a function: the names they use are its parameters, which learner globals cannot shadow.
    const suite = evaluate(ctx, `(function (test, assert, createClock) {\n${lab.tests}\n})`, 'tests.js');
    if (!suite.ok) throw new Error(`the lab's tests do not parse: ${JSON.stringify(suite.error)}`);
    const api = ctx.getProp(handle, 'api');
    const args = [0, 1, 2].map((i) => ctx.getProp(api, i));
    const registered = ctx.callFunction(suite.value, ctx.undefined, ...args);
    args.forEach((a) => a.dispose());
    api.dispose();
    suite.value.dispose();
    if (registered.error) {
      const error = ctx.dump(registered.error);
      registered.error.dispose();
      return { passed: false, checks: [], error: toRunError(error, timedOut()), logs: read('logs') as string[] };
    }
    registered.value.dispose();

    const names = read('names') as string[];
    let stopped = false;
    try {
      call('run').dispose();
      const jobs = runtime.executePendingJobs(-1);
      if (jobs.error) {
        jobs.error.dispose();
        stopped = timedOut();
      }
    } catch {
      stopped = timedOut();
    }
    stopped ||= timedOut();
    if (stopped) runtime.removeInterruptHandler();
    const results = (read('results') as (CheckResult | null)[]) ?? [];
    // Only a boolean and a text are taken from what the engine hands back, the name from the test file itself.
    const checks: CheckResult[] = names.map((name, i) => {
      const result = results[i];
      if (!result) {
        return {
          name: String(name),
          passed: false,
          // Why the run was stopped is said once, in the summary and the error; each test only that it did not finish.
          message: stopped
            ? `Did not finish before the run was stopped at ${RUN_LIMIT_MS / 1000} seconds.`
            : 'Never finished: it waited on a promise that never settled (a missing await, resolve or clock.advance?).',
        };
      }
      const check: CheckResult = { name: String(name), passed: result.passed === true };
      if (result.message !== undefined) check.message = clip(String(result.message));
      return check;
    });
    const run: LabRun = {
      passed: names.length > 0 && checks.every((c) => c.passed),
      checks,
      logs: read('logs') as string[],
    };
    if (stopped) run.error = toRunError(null, true);
    return run;
  } finally {
    h?.dispose();
    ctx.dispose();
    runtime.dispose();
  }
}
