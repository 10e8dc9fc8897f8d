/**
 * Runs a code lab in QuickJS (a JavaScript engine compiled to WebAssembly): a new engine for every run, with no
 * DOM, storage, network or timers in it, a memory cap, and an interrupt at RUN_LIMIT_MS. In order: the harness
 * (code-harness.ts), fast-check when the tests use it, the lockdown that freezes the built-ins, the lab's tests as a
 * function that has captured the built-in globals, then the learner's code as a script, then the tests. Results
 * come back through host functions only the harness holds. In the page this runs in a worker, so even a stopped
 * run never freezes the page.
 */
import {
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSWASMModule,
  shouldInterruptAfterDeadline,
} from 'quickjs-emscripten-core';
import { HARNESS, LOCKDOWN } from './code-harness.ts';
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
    const error: unknown = ctx.dump(result.error);
    result.error.dispose();
    return { ok: false, error };
  }
  return { ok: true, value: result.value };
}

/** Whether a lab's tests use fast-check (`fc`, `assert.model`): only then is it loaded into the engine. */
export const usesFastCheck = (tests: string): boolean => /\bfc\s*\.|\bassert\s*\.\s*(asyncModel|model)\b/.test(tests);

export interface CodeRunOptions {
  /** Turns TypeScript into JavaScript, for TypeScript labs. */
  transpile?: Transpile | undefined;
  /** fast-check as one script that sets `globalThis.__atlasFc`, for labs whose tests use it. */
  fastCheck?: string | undefined;
  /**
   * Called when the engine could not free a run (QuickJS asserts when a stopped run leaves endless async work
   * behind): the result stands, and the caller loads a new engine for the next run.
   */
  onBroken?: (() => void) | undefined;
}

/** Global names that are not plain bindings a function parameter could capture. */
const NOT_CAPTURED = new Set(['undefined', 'NaN', 'Infinity', 'globalThis', 'eval', 'arguments']);

/** Runs the learner's code and the lab's tests. Never throws for the learner's mistakes. */
export function runCodeLab(
  engine: QuickJSWASMModule,
  lab: CodeLabSpec,
  learnerCode: string,
  { transpile, fastCheck, onBroken }: CodeRunOptions = {},
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
  const needsFastCheck = usesFastCheck(lab.tests);
  if (needsFastCheck && !fastCheck) throw new Error(`the tests of ${lab.id} use fast-check, which was not loaded`);

  const deadline = Date.now() + RUN_LIMIT_MS;
  const runtime = engine.newRuntime();
  runtime.setMemoryLimit(64 * 1024 * 1024);
  // QuickJS's own stack check must trip before the host's native stack (about 1 MB in a browser's worker) does,
  // or deep recursion kills the run instead of reporting a stack overflow: 256 KB is about 1,300 frames.
  runtime.setMaxStackSize(256 * 1024);
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(deadline));
  const ctx = runtime.newContext();
  const timedOut = () => Date.now() >= deadline;

  // What the harness reports, through functions the host lends it: only primitives cross, read by type.
  const names: string[] = [];
  const results: (CheckResult | undefined)[] = [];
  const logs: string[] = [];
  const text = (h: QuickJSHandle | undefined) => (h && ctx.typeof(h) === 'string' ? ctx.getString(h) : undefined);
  const index = (h: QuickJSHandle | undefined) => {
    const n = h && ctx.typeof(h) === 'number' ? ctx.getNumber(h) : -1;
    return Number.isInteger(n) && n >= 0 && n < 10_000 ? n : -1;
  };
  const handles: QuickJSHandle[] = [];
  const lend = (name: string, fn: (...args: QuickJSHandle[]) => void) => {
    const handle = ctx.newFunction(name, (...args) => {
      fn(...args);
    });
    handles.push(handle);
    return handle;
  };
  try {
    const host = ctx.newObject();
    handles.push(host);
    ctx.setProp(
      host,
      'report',
      lend('report', (i, passed, message) => {
        const at = index(i);
        if (at < 0 || results[at]) return;
        const check: CheckResult = {
          name: '',
          passed: passed !== undefined && ctx.typeof(passed) === 'boolean' && ctx.dump(passed) === true,
        };
        const said = text(message);
        if (said !== undefined) check.message = clip(said);
        results[at] = check;
      }),
    );
    ctx.setProp(
      host,
      'named',
      lend('named', (i, name) => {
        const at = index(i);
        if (at >= 0) names[at] = text(name) ?? `test ${at + 1}`;
      }),
    );
    ctx.setProp(
      host,
      'log',
      lend('log', (line) => {
        if (logs.length < 200) logs.push(clip(text(line) ?? ''));
      }),
    );
    ctx.setProp(ctx.global, '__atlasHost', host);

    const take = (name: string): QuickJSHandle => {
      const handle = ctx.getProp(ctx.global, name);
      handles.push(handle);
      ctx.unwrapResult(ctx.evalCode(`delete globalThis.${name}`)).dispose();
      return handle;
    };
    const mustRun = (source: string, filename: string) => {
      const done = evaluate(ctx, source, filename);
      if (!done.ok) throw new Error(`${filename} did not load: ${JSON.stringify(done.error)}`);
      handles.push(done.value);
      return done.value;
    };
    const call = (target: QuickJSHandle, name: string, ...args: QuickJSHandle[]) => {
      const fn = ctx.getProp(target, name);
      const result = ctx.callFunction(fn, target, ...args);
      fn.dispose();
      return result;
    };

    mustRun(HARNESS, 'harness.js');
    const harness = take('__atlasHarness');
    if (needsFastCheck) {
      // fast-check keeps a reference to setTimeout as it loads (for its own time limits, which labs do not use).
      mustRun(
        `globalThis.setTimeout = () => 0; globalThis.clearTimeout = () => {};\n${fastCheck}\ndelete globalThis.setTimeout; delete globalThis.clearTimeout;`,
        'fast-check.js',
      );
      const fc = take('__atlasFc');
      ctx.unwrapResult(call(harness, 'useFastCheck', fc)).dispose();
    }
    mustRun(LOCKDOWN, 'lockdown.js');

    // The tests see the built-in globals as they are now, frozen; a learner's `JSON = …` or `Promise = …` is theirs.
    const globals = (ctx.dump(mustRun('Object.getOwnPropertyNames(globalThis)', 'globals.js')) as string[]).filter(
      (name) => /^[A-Za-z_$][\w$]*$/.test(name) && !NOT_CAPTURED.has(name),
    );
    const suite = mustRun(
      `(function (${globals.join(', ')}) { return function (test, assert, createClock, fc) {\n${lab.tests}\n}; })(${globals.join(', ')})`,
      'tests.js',
    );

    const learner = evaluate(ctx, code, 'learner.js');
    if (!learner.ok) {
      if (timedOut()) runtime.removeInterruptHandler();
      return { passed: false, checks: [], error: toRunError(learner.error, timedOut()), logs };
    }
    learner.value.dispose();

    const api = ctx.unwrapResult(call(harness, 'api'));
    handles.push(api);
    const args = [0, 1, 2, 3].map((i) => ctx.getProp(api, i));
    handles.push(...args);
    const registered = ctx.callFunction(suite, ctx.undefined, ...args);
    if (registered.error) {
      const error: unknown = ctx.dump(registered.error);
      registered.error.dispose();
      return { passed: false, checks: [], error: toRunError(error, timedOut()), logs };
    }
    registered.value.dispose();

    let stopped = false;
    let leftover: unknown;
    try {
      ctx.unwrapResult(call(harness, 'run')).dispose();
      const jobs = runtime.executePendingJobs(-1);
      if (jobs.error) {
        // Work the learner's code left queued failed on its own (out of memory, a stack overflow): the run fails
        // with that error even when every test had already passed.
        leftover = ctx.dump(jobs.error);
        jobs.error.dispose();
        stopped = timedOut();
      }
    } catch {
      stopped = timedOut();
    }
    stopped ||= timedOut();
    if (stopped) runtime.removeInterruptHandler();
    const checks: CheckResult[] = names.map((name, i) => {
      const result = results[i];
      if (!result) {
        return {
          name,
          passed: false,
          // Why the run was stopped is said once, in the summary and the error; each test only that it did not finish.
          message: stopped
            ? `Did not finish before the run was stopped at ${RUN_LIMIT_MS / 1000} seconds.`
            : 'Never finished: it waited on a promise that never settled (a missing await, resolve or clock.advance?).',
        };
      }
      return { ...result, name };
    });
    const run: LabRun = { passed: names.length > 0 && checks.every((c) => c.passed), checks, logs };
    if (stopped) {
      // Work left running until the limit fails the run, even when every test had already passed.
      run.passed = false;
      run.error = toRunError(null, true);
    } else if (leftover !== undefined) {
      run.passed = false;
      run.error = toRunError(leftover, false);
      run.error.message = `Work your code left running failed: ${run.error.message}. Look for a promise chain or recursion that never ends.`;
    }
    return run;
  } finally {
    try {
      for (const handle of handles.reverse()) if (handle.alive) handle.dispose();
      ctx.dispose();
      runtime.dispose();
    } catch {
      onBroken?.();
    }
  }
}
