/**
 * Pyodide made ready for the Python labs, in the page's worker and in Node's worker threads alike: the memory limit,
 * the small `js` module, what the lab's code may import (`prepare`: a database lab's driver, an API lab's host), the
 * guard and the runner (src/lib/labs/python/), and the interrupt buffer.
 *
 * Every graded run starts on an interpreter no earlier run has touched. Putting objects back by identity cannot
 * promise that (a run may change a module's dict or cache in place, or leave a callback scheduled), so the first
 * interpreter is loaded only to take a memory snapshot of Python just after start-up, and each run gets a new
 * interpreter restored from it: about 0.1 s, against 1.5 s for loading Pyodide again. The interpreter a run used is
 * dropped whole, and its replacement is made as soon as the run ends, while the learner reads the result.
 */
import type { loadPyodide, PyodideAPI } from 'pyodide';
import { clip } from './lab-spec.ts';

/** The harness's Python sources, read at build time (the page) or from disk (Node). */
export interface PythonHarness {
  guard: string;
  runner: string;
  helpers: string;
}

/** WebAssembly memory the interpreter may grow to, in MB: a run that wants more gets MemoryError. */
export const PYTHON_MEMORY_LIMIT_MB = 320;

type PyCall = (...args: unknown[]) => unknown;
const RUNNER_CALLS = ['begin', 'load_solution', 'load_tests', 'run_test', 'end', 'serve_request'] as const;
export type Runner = Record<(typeof RUNNER_CALLS)[number], PyCall>;

/** A loaded interpreter with the harness's runner, and where the run in progress writes its output. */
export interface PythonEngine {
  /** The interpreter of the run in progress, or of the next one; replaced whole by `fresh`. */
  py: PyodideAPI;
  runner: Runner;
  /** Set to 2 by the host at the time limit, where the page is cross-origin isolated (or in Node). */
  interrupt: Int32Array | undefined;
  output: string[];
  /** helpers.py, run afresh into each run's tests. */
  helpers: string;
  /**
   * Makes `py` and `runner` an interpreter no learner code has run on, for the run about to start: at once when the
   * current one is untouched, else once its replacement is ready. The next call replaces it.
   */
  fresh(): Promise<void>;
  /** Starts making the next run's interpreter, once this run is over and the worker idle. */
  spare(): void;
}

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
const pythonGlobals = Object.freeze({
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  Object,
  Array,
  Promise,
  Error,
  Date,
  WeakRef,
});

/** Where the interpreter's files are (the page: a folder of the build) and the lock file's `info` (no packages are loaded). */
interface PythonFiles {
  indexURL?: string | undefined;
  lockInfo: object;
}

/** Loads Pyodide with no packages and the small `js` module: afresh to take the snapshot, or restored from it. */
function loadPython(load: typeof loadPyodide, files: PythonFiles, snapshot?: Uint8Array): Promise<PyodideAPI> {
  return load({
    ...(files.indexURL ? { indexURL: files.indexURL } : {}),
    lockFileContents: JSON.stringify({ info: files.lockInfo, packages: {} }),
    jsglobals: pythonGlobals,
    env: { HOME: '/home/pyodide' },
    ...(snapshot ? { _loadSnapshot: snapshot } : { _makeSnapshot: true }),
  });
}

/** Loads the harness into a namespace of its own, on `py`, just restored; `write` takes its output lines. */
function startHarness(py: PyodideAPI, harness: PythonHarness, write: (line: string) => void, interrupt?: Int32Array) {
  py.setStdout({ batched: write });
  py.setStderr({ batched: write });
  if (interrupt) py.setInterruptBuffer(interrupt);
  const globals = py.globals as unknown as { get(name: string): PyCall };
  const namespace = globals.get('dict')() as { get(name: string): PyCall };
  py.runPython(harness.guard, { globals: namespace as never, filename: 'guard.py' });
  py.runPython(harness.runner, { globals: namespace as never, filename: 'runner.py' });
  const runner = {} as Runner;
  for (const name of RUNNER_CALLS) runner[name] = namespace.get(name);
  return runner;
}

/**
 * Loads Pyodide once to take the snapshot, then restores the engine's first interpreter from it; `prepare` adds what
 * the lab's code may import to each interpreter before the harness starts, so the baseline every test starts from
 * has it.
 */
export async function loadPythonEngine(
  load: typeof loadPyodide,
  files: PythonFiles,
  harness: PythonHarness,
  interrupt?: Int32Array,
  prepare?: (py: PyodideAPI) => void,
): Promise<PythonEngine> {
  limitWasmMemory();
  const snapshot = (await loadPython(load, files)).makeMemorySnapshot();
  const write = (line: string) => {
    if (engine.output.length < 200) engine.output.push(clip(line));
  };
  const restore = async () => {
    const py = await loadPython(load, files, snapshot);
    prepare?.(py);
    return { py, runner: startHarness(py, harness, write, interrupt) };
  };
  let next: ReturnType<typeof restore> | undefined;
  let used = false;
  const engine: PythonEngine = {
    ...(await restore()),
    interrupt,
    output: [],
    helpers: harness.helpers,
    async fresh() {
      if (used) Object.assign(engine, await (next ?? restore()));
      next = undefined;
      used = true;
    },
    spare() {
      next ??= restore();
      next.catch(() => undefined); // a failure shows when the next run awaits it
    },
  };
  return engine;
}
