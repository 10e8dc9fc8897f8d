/**
 * Runs a code lab in QuickJS (a JavaScript engine compiled to WebAssembly): a new engine for every run, with no
 * DOM, storage, network or timers in it, a memory cap, and an interrupt at RUN_LIMIT_MS. In order: the harness
 * (engine/code-harness.ts, with the Web APIs), fast-check when the tests use it, the lockdown that freezes the built-ins, the lab's tests as a
 * function that has captured the built-in globals, then the learner's code as a script, then the tests. Results
 * come back through host functions only the harness holds. In the page this runs in a worker, so even a stopped
 * run never freezes the page.
 */
import type { QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { CodeRun, evaluate } from './code-run.ts';
import { type CheckResult, clip, type LabRun, RUN_LIMIT_MS, type RunError } from '../shared/lab-spec.ts';
import { stoppedMessage } from '../shared/stop-words.ts';
import { type CodeLabSpec } from './code-spec.ts';
import { CODE_RUN_WORDS, type CodeRunWords } from './code-words.ts';
import { fill } from '../../../core/format/fill.ts';

/** Turns TypeScript into JavaScript (types removed); the page loads one only for TypeScript labs. */
export type Transpile = (code: string) => string;

/**
 * The scripts a code lab's engine evaluates, bundled from src/lib/labs/engine/ (code-harness.ts and lockdown.ts) by
 * src/lib/labs-node/engine-scripts.ts: the page gets them from the build, Node bundles them when it starts.
 */
export interface CodeEngineScripts {
  harness: string;
  lockdown: string;
}

/** How sucrase turns a TypeScript lab into JavaScript, in the page and in the tests alike: types removed, nothing else changed. */
export const TYPESCRIPT_TRANSFORM = { transforms: ['typescript' as const], disableESTransforms: true };

/** The engine's error as the learner reads it, with the line in their code where the engine says. */
function toRunError(dumped: unknown, timedOut: boolean, words: CodeRunWords = CODE_RUN_WORDS): RunError {
  if (timedOut) return { message: stoppedMessage('code', 'run', words.stop), code: 'Stopped' };
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

/** Whether a lab's tests use fast-check (`fc`, `assert.model`): only then is it loaded into the engine. */
export const usesFastCheck = (tests: string): boolean => /\bfc\s*\.|\bassert\s*\.\s*(asyncModel|model)\b/.test(tests);

export interface CodeRunOptions {
  /** The harness and the lockdown. */
  scripts: CodeEngineScripts;
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

/** The learner's code as JavaScript: TypeScript has its types removed; a syntax error is the run's result. */
function toJavaScript(lab: CodeLabSpec, learnerCode: string, transpile: Transpile | undefined): string | LabRun {
  if (lab.language !== 'typescript') return learnerCode;
  if (!transpile) throw new Error('a TypeScript lab needs a transpiler');
  try {
    return transpile(learnerCode);
  } catch (error) {
    const message = (error as Error).message;
    const at = /\((\d+):(\d+)\)/.exec(message);
    const runError: RunError = { message: message.replace(/ \(\d+:\d+\)$/, ''), code: 'SyntaxError' };
    if (at) Object.assign(runError, { line: Number(at[1]), column: Number(at[2]) + 1 });
    return { passed: false, checks: [], error: runError };
  }
}

/** Loads the harness (with fast-check when the tests use it) and the lockdown; returns the harness. */
function loadHarness(run: CodeRun, scripts: CodeEngineScripts, fastCheck: string | undefined): QuickJSHandle {
  run.mustRun(scripts.harness, 'harness.js');
  const harness = run.take('__atlasHarness');
  if (fastCheck !== undefined) {
    // fast-check keeps a reference to setTimeout as it loads (for its own time limits, which labs do not use).
    run.mustRun(
      `globalThis.setTimeout = () => 0; globalThis.clearTimeout = () => {};\n${fastCheck}\ndelete globalThis.setTimeout; delete globalThis.clearTimeout;`,
      'fast-check.js',
    );
    const fc = run.take('__atlasFc');
    run.ctx.unwrapResult(run.call(harness, 'useFastCheck', fc)).dispose();
  }
  run.mustRun(scripts.lockdown, 'lockdown.js');
  return harness;
}

/** The lab's tests as a function that has captured the built-in globals as they are now, frozen. */
function loadSuite(run: CodeRun, tests: string): QuickJSHandle {
  // A learner's `JSON = …` or `Promise = …` is theirs: the tests keep the built-ins they captured.
  const globals = (
    run.ctx.dump(run.mustRun('Object.getOwnPropertyNames(globalThis)', 'globals.js')) as string[]
  ).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && !NOT_CAPTURED.has(name));
  return run.mustRun(
    `(function (${globals.join(', ')}) { return function (test, assert, createClock, fc) {\n${tests}\n}; })(${globals.join(', ')})`,
    'tests.js',
  );
}

/** Lets the tests register themselves with the harness's API; the run's result when that fails. */
function registerTests(
  run: CodeRun,
  harness: QuickJSHandle,
  suite: QuickJSHandle,
  words: CodeRunWords,
): LabRun | undefined {
  const { ctx } = run;
  const api = run.keep(ctx.unwrapResult(run.call(harness, 'api')));
  const args = [0, 1, 2, 3].map((i) => run.keep(ctx.getProp(api, i)));
  const registered = ctx.callFunction(suite, ctx.undefined, ...args);
  if (registered.error) {
    const error: unknown = ctx.dump(registered.error);
    registered.error.dispose();
    return { passed: false, checks: [], error: toRunError(error, run.timedOut(), words), logs: run.logs };
  }
  registered.value.dispose();
  return undefined;
}

/** The error of work the learner's code left queued, said as such (`endless` is said the same way). */
function leftoverError(dumped: unknown, words: CodeRunWords): RunError {
  const error = toRunError(dumped, false);
  error.message = fill(words.leftover, { message: error.message });
  return error;
}

/**
 * A test with no result: the one the limit stopped in, one never started, one that started and did not finish by the
 * stop, or one whose promise never settled. Why the run was stopped is said once, in the summary and the error.
 */
function unfinished(i: number, stopped: boolean, started: number, stoppedIn: number | undefined, words: CodeRunWords) {
  const check = (message: string, cut?: CheckResult['cut']) => ({ passed: false, message, ...(cut && { cut }) });
  const seconds = RUN_LIMIT_MS / 1000;
  if (!stopped) return check(words.neverFinished);
  if (i === stoppedIn) return check(fill(words.stop.stoppedHere, { seconds }), 'stopped');
  if (i >= started) return check(words.stop.notStarted, 'not-run');
  return check(fill(words.didNotFinish, { seconds }));
}

/** Runs the registered tests and the work they queue, to the end or the time limit; the run's result. */
async function runTests(run: CodeRun, harness: QuickJSHandle, words: CodeRunWords): Promise<LabRun> {
  let stopped = false;
  let leftover: RunError | undefined;
  /** The test whose own code ran at the limit: known only when the stop came as the tests were started in turn. */
  let stoppedIn: number | undefined;
  try {
    try {
      run.ctx.unwrapResult(run.call(harness, 'run')).dispose();
    } catch (error) {
      if (run.timedOut()) stoppedIn = run.started - 1;
      throw error;
    }
    const failed = await run.runJobs();
    if (failed === 'endless') leftover = { code: 'InternalError', message: words.endless };
    else if (failed) {
      // Work the learner's code left queued failed on its own (out of memory, a stack overflow): the run fails
      // with that error even when every test had already passed. Out of memory may leave no error object at all.
      leftover = leftoverError(run.ctx.dump(failed) ?? { name: 'InternalError', message: 'out of memory' }, words);
      failed.dispose();
      stopped = run.timedOut();
    }
  } catch {
    stopped = run.timedOut();
  }
  stopped ||= run.timedOut();
  if (stopped) run.runtime.removeInterruptHandler();
  const checks: CheckResult[] = run.names.map((name, i) => ({
    ...(run.results[i] ?? unfinished(i, stopped, run.started, stoppedIn, words)),
    name,
  }));
  const result: LabRun = { passed: run.names.length > 0 && checks.every((c) => c.passed), checks, logs: run.logs };
  if (stopped) {
    // Work left running until the limit fails the run, even when every test had already passed.
    result.passed = false;
    result.error = toRunError(null, true, words);
  } else if (leftover) {
    result.passed = false;
    result.error = leftover;
  }
  return result;
}

/** Runs the learner's code and the lab's tests. Never throws for the learner's mistakes. */
export async function runCodeLab(
  engine: QuickJSWASMModule,
  lab: CodeLabSpec,
  learnerCode: string,
  { scripts, transpile, fastCheck, onBroken }: CodeRunOptions,
): Promise<LabRun> {
  const code = toJavaScript(lab, learnerCode, transpile);
  if (typeof code !== 'string') return code;
  const needsFastCheck = usesFastCheck(lab.tests);
  if (needsFastCheck && !fastCheck) throw new Error(`the tests of ${lab.id} use fast-check, which was not loaded`);

  const run = new CodeRun(engine);
  const words = lab.words ?? CODE_RUN_WORDS;
  try {
    run.lendHost();
    run.mustRun(`globalThis.__atlasWords = ${JSON.stringify(words.assert)};`, 'words.js');
    const harness = loadHarness(run, scripts, needsFastCheck ? fastCheck : undefined);
    const suite = loadSuite(run, lab.tests);
    const learner = evaluate(run.ctx, code, 'learner.js');
    if (!learner.ok) {
      if (run.timedOut()) run.runtime.removeInterruptHandler();
      return { passed: false, checks: [], error: toRunError(learner.error, run.timedOut(), words), logs: run.logs };
    }
    learner.value.dispose();
    return registerTests(run, harness, suite, words) ?? (await runTests(run, harness, words));
  } finally {
    await run.dispose(onBroken);
  }
}
