/**
 * Runs a Python code lab on Pyodide (CPython compiled to WebAssembly), in the page's worker and in Node's worker
 * threads alike. The harness is three real Python files (src/lib/labs/python/): guard.py (an audit hook that refuses
 * frames, the collector's object lists, tracing and the JavaScript modules to every code but the runner's, and the
 * restore of everything a run may change), runner.py (called from here only: the learner's module, the tests, one
 * test at a time), and helpers.py (the names tests use, made afresh each run). Each test's verdict is the value its
 * runner call returns to JavaScript, so nothing the learner's code defines can report one.
 */
import type { CheckResult, LabRun, RunError } from '../shared/lab-run.ts';
import { clip, RUN_LIMIT_MS } from '../shared/lab-spec.ts';
import { stoppedMessage } from '../shared/stop-words.ts';
import { type PythonLabSpec } from './python-spec.ts';
import { PYTHON_MEMORY_LIMIT_MB, type PythonEngine, type Runner } from './python-interpreter.ts';
import { firstDifference, type Observed, observes, rememberedReference } from './python-observed.ts';
import { PYTHON_RUN_WORDS, type PythonRunWords } from './python-words.ts';
import { fill } from '../../../core/format/fill.ts';

interface PyValue {
  toJs(): unknown;
  destroy(): void;
}

/** A Python value as JavaScript, the proxy freed. */
function toJs<T>(value: unknown): T {
  if (value && typeof value === 'object' && 'toJs' in value) {
    const proxy = value as PyValue;
    const plain = proxy.toJs() as T;
    proxy.destroy();
    return plain;
  }
  return value as T;
}

type Described = [code: string, message: string, line: number | null];

function toRunError([code, message, line]: Described, words: PythonRunWords): RunError {
  if (code === 'Stopped') return stoppedError(words);
  const error: RunError = { code, message: clip(message) };
  if (code === 'MemoryError')
    error.message = `${fill(words.memory, { mb: PYTHON_MEMORY_LIMIT_MB })}${message ? ` ${clip(message)}` : ''}`;
  if (line !== null) error.line = line;
  return error;
}

const isInterrupt = (error: unknown) => error instanceof Error && /KeyboardInterrupt/.test(error.message);

const stoppedError = (words: PythonRunWords): RunError => ({
  code: 'Stopped',
  message: stoppedMessage('code', 'run', words.stop),
});

/** What a database lab adds to a run (python-db-lab.ts). */
export interface TestHooks {
  onStart?: (() => void) | undefined;
  /** Before each test: a database lab sets its database up afresh; the test's time counts from then. */
  beforeTest?: () => Promise<void>;
  /** The database's side, over which the runner gives each test `conn`, `db` and `statements()`. */
  database?: object;
}

/**
 * Runs the registered tests in order, each with the time the run has left (or, after `beforeTest`, the whole limit);
 * once one is stopped, the rest are not run.
 */
async function runTests(
  runner: Runner,
  names: string[],
  started: number,
  hooks: TestHooks,
  expected: Observed[] | undefined,
  words: PythonRunWords,
): Promise<LabRun & { observed: Observed[] }> {
  const checks: CheckResult[] = [];
  const observed: Observed[] = [];
  let error: RunError | undefined;
  for (const [index, name] of names.entries()) {
    if (!error && hooks.beforeTest) {
      await hooks.beforeTest();
      started = Date.now();
    }
    // An interrupt may have come while the runner itself ran, between tests: the time is up all the same.
    if (!error && Date.now() - started > RUN_LIMIT_MS) error = stoppedError(words);
    if (error) {
      // What a test says when the run's limit stopped it, or stopped the run before it started; the why is said once.
      checks.push({ name, passed: false, message: words.stop.notStarted, cut: 'not-run' });
      continue;
    }
    const limit = (RUN_LIMIT_MS - (Date.now() - started)) / 1000;
    const [status, said, , values] = toJs<[string, string | null, unknown, string]>(
      await runner.run_test(index, limit),
    );
    if (status === 'stopped') {
      error = stoppedError(words);
      const message = fill(words.stop.stoppedHere, { seconds: RUN_LIMIT_MS / 1000 });
      checks.push({ name, passed: false, message, cut: 'stopped' });
      continue;
    }
    observed[index] = JSON.parse(values) as Observed;
    // A value that differs from the reference's is the failure to show, before what went wrong after it.
    const differs = expected && firstDifference(observed[index], expected[index] ?? [], status !== 'pass', words);
    const message = differs ?? said;
    checks.push({ name, passed: status === 'pass' && !differs, ...(message && { message: clip(message) }) });
  }
  const run: LabRun & { observed: Observed[] } = {
    passed: names.length > 0 && !error && checks.every((c) => c.passed),
    checks,
    observed,
  };
  if (error) run.error = error;
  return run;
}

/**
 * What the lab's reference solution observes in each test, run on an interpreter no learner code has touched; once
 * per lab. A reference that fails its own tests is the lab's mistake, reported as the engine failing.
 */
function referenceObservations(engine: PythonEngine, lab: Pick<PythonLabSpec, 'tests' | 'reference'>) {
  const { tests, reference } = lab;
  // The reference's values are compared, never shown: its run needs no page's words.
  if (!observes(tests)) return undefined;
  // A database lab's tests run beside its database, which a reference run would need too: they assert instead.
  if (reference === undefined) throw new Error("the lab's tests observe values, which only a Python code lab compares");
  return rememberedReference(tests, reference, async () => {
    const run = await runOnce(engine, tests, reference, {}, undefined, PYTHON_RUN_WORDS);
    const failed = run.error?.message ?? run.checks.find((c) => !c.passed)?.message;
    if (!run.passed) throw new Error(`the lab's reference solution fails its own tests: ${failed ?? 'no tests'}`);
    return run.observed;
  });
}

/** Runs the learner's code and the lab's tests; never throws for the learner's mistakes. */
export async function runPythonLab(
  engine: PythonEngine,
  lab: Pick<PythonLabSpec, 'tests' | 'reference' | 'words'>,
  code: string,
  hooks: TestHooks = {},
): Promise<LabRun> {
  const expected = await referenceObservations(engine, lab);
  const words = lab.words ?? PYTHON_RUN_WORDS;
  const { observed: _, ...run } = await runOnce(engine, lab.tests, code, hooks, expected, words);
  return run;
}

/** One run of `code` against `tests` on a fresh interpreter, with what each test observed. */
async function runOnce(
  engine: PythonEngine,
  tests: string,
  code: string,
  hooks: TestHooks,
  expected: Observed[] | undefined,
  words: PythonRunWords,
): Promise<LabRun & { observed: Observed[] }> {
  await engine.fresh();
  const { runner } = engine;
  if (engine.interrupt) engine.interrupt[0] = 0;
  engine.output = [];
  runner.begin();
  hooks.onStart?.();
  const started = Date.now();
  let run: LabRun & { observed: Observed[] };
  try {
    const failed = toJs<Described | undefined>(runner.load_solution(code));
    const [loaded, names] = failed
      ? ['names', []]
      : toJs<[string, string[] | string]>(
          runner.load_tests(
            tests,
            engine.helpers,
            hooks.database,
            JSON.stringify({ helpers: words.helpers, runner: words.runner }),
          ),
        );
    if (loaded === 'error') throw new Error(names as string);
    run = failed
      ? { passed: false, checks: [], error: toRunError(failed, words), observed: [] }
      : await runTests(runner, names as string[], started, hooks, expected, words);
  } catch (error) {
    // An interrupt that came while the runner itself ran (between tests): the run stopped all the same.
    if (!isInterrupt(error)) throw error;
    run = { passed: false, checks: [], error: stoppedError(words), observed: [] };
  }
  try {
    runner.end();
  } catch (error) {
    if (!isInterrupt(error)) throw error;
  }
  engine.spare();
  return { ...run, logs: engine.output };
}
