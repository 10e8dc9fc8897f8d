/**
 * Runs a Python code lab on Pyodide (CPython compiled to WebAssembly), in the page's worker and in Node's worker
 * threads alike. The harness is three real Python files (src/lib/labs/python/): guard.py (an audit hook that refuses
 * frames, the collector's object lists, tracing and the JavaScript modules to every code but the runner's, and the
 * restore of everything a run may change), runner.py (called from here only: the learner's module, the tests, one
 * test at a time), and helpers.py (the names tests use, made afresh each run). Each test's verdict is the value its
 * runner call returns to JavaScript, so nothing the learner's code defines can report one.
 */
import type { loadPyodide, PyodideAPI } from 'pyodide';
import {
  type CheckResult,
  clip,
  type LabRun,
  type PythonLabSpec,
  RUN_LIMIT_MS,
  type RunError,
  stoppedMessage,
} from './lab-spec.ts';

/** The harness's Python sources, read at build time (the page) or from disk (Node). */
export interface PythonHarness {
  guard: string;
  runner: string;
  helpers: string;
}

/** WebAssembly memory the interpreter may grow to, in MB: a run that wants more gets MemoryError. */
export const PYTHON_MEMORY_LIMIT_MB = 320;

/** A loaded interpreter with the harness's runner, and where the run in progress writes its output. */
export interface PythonEngine {
  py: PyodideAPI;
  runner: Runner;
  /** Set to 2 by the host at the time limit, where the page is cross-origin isolated (or in Node). */
  interrupt: Int32Array | undefined;
  output: string[];
  /** helpers.py, run afresh into each run's tests. */
  helpers: string;
}

interface PyValue {
  toJs(): unknown;
  destroy(): void;
}
type PyCall = (...args: unknown[]) => unknown;
const RUNNER_CALLS = ['begin', 'load_solution', 'load_tests', 'run_test', 'end', 'serve_request'] as const;
type Runner = Record<(typeof RUNNER_CALLS)[number], PyCall>;

/** Refuses to grow any WebAssembly memory of this worker past the limit (emscripten's malloc then fails: MemoryError). */
function limitWasmMemory(megabytes = PYTHON_MEMORY_LIMIT_MB) {
  const proto = WebAssembly.Memory.prototype;
  const grow = proto.grow; // eslint-disable-line @typescript-eslint/unbound-method
  const maxPages = (megabytes * 1024 * 1024) / 65536;
  proto.grow = function (this: WebAssembly.Memory, delta: number) {
    if (this.buffer.byteLength / 65536 + delta > maxPages) throw new RangeError('over the lab memory limit');
    return grow.call(this, delta);
  };
}

/** What the interpreter's `js` module is: the timers its event loop needs, and nothing that reaches the page. */
const pythonGlobals = () =>
  Object.freeze({ setTimeout, clearTimeout, setInterval, clearInterval, Object, Array, Promise, Error, Date, WeakRef });

/** Loads the harness into a namespace of its own and returns the engine; `py` was just loaded. */
function startPython(py: PyodideAPI, harness: PythonHarness, interrupt?: Int32Array): PythonEngine {
  const engine: PythonEngine = { py, runner: {} as Runner, interrupt, output: [], helpers: harness.helpers };
  const write = (line: string) => {
    if (engine.output.length < 200) engine.output.push(clip(line));
  };
  py.setStdout({ batched: write });
  py.setStderr({ batched: write });
  if (interrupt) py.setInterruptBuffer(interrupt);
  const globals = py.globals as unknown as { get(name: string): PyCall };
  const namespace = globals.get('dict')() as { get(name: string): PyCall };
  py.runPython(harness.guard, { globals: namespace as never, filename: 'guard.py' });
  py.runPython(harness.runner, { globals: namespace as never, filename: 'runner.py' });
  for (const name of RUNNER_CALLS) engine.runner[name] = namespace.get(name);
  return engine;
}

/** Where the interpreter's files are (the page: a folder of the build) and the lock file's `info` (no packages are loaded). */
interface PythonFiles {
  indexURL?: string | undefined;
  lockInfo: object;
}

/** Loads Pyodide with the memory limit, no packages and the small `js` module. */
async function loadPython(load: typeof loadPyodide, files: PythonFiles): Promise<PyodideAPI> {
  limitWasmMemory();
  return load({
    ...(files.indexURL ? { indexURL: files.indexURL } : {}),
    lockFileContents: JSON.stringify({ info: files.lockInfo, packages: {} }),
    jsglobals: pythonGlobals(),
    env: { HOME: '/home/pyodide' },
  });
}

/**
 * Loads Pyodide (loadPython), then the harness; `prepare` first adds what the lab's code may import (a database
 * lab's driver), so the baseline every run starts from has it.
 */
export async function loadPythonEngine(
  load: typeof loadPyodide,
  files: PythonFiles,
  harness: PythonHarness,
  interrupt?: Int32Array,
  prepare?: (py: PyodideAPI) => void,
): Promise<PythonEngine> {
  const py = await loadPython(load, files);
  prepare?.(py);
  return startPython(py, harness, interrupt);
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

function toRunError([code, message, line]: Described): RunError {
  if (code === 'Stopped') return { code, message: stoppedMessage('code') };
  const error: RunError = { code, message: clip(message) };
  if (code === 'MemoryError')
    error.message = `Your code needed more than the lab's ${PYTHON_MEMORY_LIMIT_MB} MB of memory.${message ? ` ${clip(message)}` : ''}`;
  if (line !== null) error.line = line;
  return error;
}

const isInterrupt = (error: unknown) => error instanceof Error && /KeyboardInterrupt/.test(error.message);

const stoppedError = (): RunError => ({ code: 'Stopped', message: stoppedMessage('code') });

/** What a database lab adds to a run (python-db-lab.ts). */
export interface TestHooks {
  onStart?: (() => void) | undefined;
  /** Before each test: a database lab sets its database up afresh; the test's time counts from then. */
  beforeTest?: () => Promise<void>;
  /** The database's side, over which the runner gives each test `conn`, `db` and `statements()`. */
  database?: object;
}

/** What a test says when the run's limit stopped it, or stopped the run before it started; the why is said once. */
const STOPPED_HERE = `Stopped here: this test was still running at the ${RUN_LIMIT_MS / 1000}-second limit.`;
const NOT_RUN = 'The run was stopped before this test started.';

/**
 * Runs the registered tests in order, each with the time the run has left (or, after `beforeTest`, the whole limit);
 * once one is stopped, the rest are not run.
 */
async function runTests(runner: Runner, names: string[], started: number, hooks: TestHooks): Promise<LabRun> {
  const checks: CheckResult[] = [];
  let error: RunError | undefined;
  for (const [index, name] of names.entries()) {
    if (!error && hooks.beforeTest) {
      await hooks.beforeTest();
      started = Date.now();
    }
    // An interrupt may have come while the runner itself ran, between tests: the time is up all the same.
    if (!error && Date.now() - started > RUN_LIMIT_MS) error = stoppedError();
    if (error) {
      checks.push({ name, passed: false, message: NOT_RUN, cut: 'not-run' });
      continue;
    }
    const limit = (RUN_LIMIT_MS - (Date.now() - started)) / 1000;
    const [status, message] = toJs<[string, string | null]>(await runner.run_test(index, limit));
    if (status === 'stopped') {
      error = stoppedError();
      checks.push({ name, passed: false, message: STOPPED_HERE, cut: 'stopped' });
      continue;
    }
    checks.push({ name, passed: status === 'pass', ...(message && { message: clip(message) }) });
  }
  const run: LabRun = { passed: names.length > 0 && !error && checks.every((c) => c.passed), checks };
  if (error) run.error = error;
  return run;
}

/** Runs the learner's code and the lab's tests; never throws for the learner's mistakes. */
export async function runPythonLab(
  engine: PythonEngine,
  lab: Pick<PythonLabSpec, 'tests'>,
  code: string,
  hooks: TestHooks = {},
): Promise<LabRun> {
  const { runner } = engine;
  if (engine.interrupt) engine.interrupt[0] = 0;
  engine.output = [];
  runner.begin();
  hooks.onStart?.();
  const started = Date.now();
  let run: LabRun;
  try {
    const failed = toJs<Described | undefined>(runner.load_solution(code));
    const [loaded, names] = failed
      ? ['names', []]
      : toJs<[string, string[] | string]>(runner.load_tests(lab.tests, engine.helpers, hooks.database));
    if (loaded === 'error') throw new Error(names as string);
    run = failed
      ? { passed: false, checks: [], error: toRunError(failed) }
      : await runTests(runner, names as string[], started, hooks);
  } catch (error) {
    // An interrupt that came while the runner itself ran (between tests): the run stopped all the same.
    if (!isInterrupt(error)) throw error;
    run = { passed: false, checks: [], error: stoppedError() };
  }
  try {
    runner.end();
  } catch (error) {
    if (!isInterrupt(error)) throw error;
  }
  return { ...run, logs: engine.output };
}
