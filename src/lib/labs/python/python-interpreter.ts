/**
 * Pyodide made ready for the Python labs, in the page's worker and in Node's worker threads alike: the memory limit,
 * the small `js` module, what the lab's code may import (`prepare`: a database lab's driver, an API lab's host), the
 * guard and the runner (src/lib/labs/python/), and the interrupt buffer.
 *
 * Every graded run starts on an interpreter no earlier run has touched. Putting objects back by identity cannot
 * promise that (a run may change a module's dict or cache in place, or leave a callback scheduled), so the first
 * interpreter's memory is copied (a snapshot) just after start-up, before anything runs on it, and each later run gets
 * a new interpreter restored from it: about 0.1–0.25 s, against 1.5 s for starting Pyodide again. The interpreter a
 * run used is dropped whole, and its replacement is made as soon as the run ends, while the learner reads the result.
 * The page keeps the snapshot between visits (python-snapshot-store.ts), so a warm start restores instead of starting.
 *
 * The snapshot options (`_makeSnapshot`, `_loadSnapshot`, `makeMemorySnapshot`) are Pyodide's, typed in its API but
 * marked private: what Cloudflare's Python Workers start from. package.json pins Pyodide's exact version for that, and
 * every Python test in `npm test` runs on restored interpreters, so an upgrade that changed them fails there first.
 */
import type { loadPyodide, PyodideAPI } from 'pyodide';
import { clip } from '../shared/lab-spec.ts';

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

/** Where a snapshot outlives the page (the page's Cache Storage, python-snapshot-store.ts): read, or kept for next time. */
export interface SnapshotStore {
  read(): Promise<Uint8Array | undefined>;
  write(snapshot: Uint8Array): Promise<void>;
}

/** What a lab kind adds to its interpreters, and where they find the interrupt buffer and a kept snapshot. */
export interface EngineOptions {
  /** Shared memory the host writes 2 to at the time limit (a cross-origin isolated page, or Node). */
  interrupt?: Int32Array | undefined;
  /** Adds what the lab's code may import (a database lab's driver), before the harness starts. */
  prepare?: (py: PyodideAPI) => void;
  store?: SnapshotStore | undefined;
}

/**
 * The snapshot, and the first interpreter: restored from a kept snapshot, so that a later visit skips starting Python
 * from nothing (about 1.5 s), or the one just started. A kept snapshot that does not restore (another build's, or cut
 * short) is replaced by a new one.
 */
async function takeSnapshot(load: typeof loadPyodide, files: PythonFiles, store?: SnapshotStore) {
  const kept = await store?.read().catch(() => undefined);
  if (kept) {
    try {
      const first = await loadPython(load, files, kept);
      if (first.runPython('1 + 1') === 2) return { snapshot: kept, first };
    } catch {
      // made anew below
    }
  }
  // The interpreter the snapshot was taken of runs nothing before it is taken: it serves the first run as it is.
  const first = await loadPython(load, files);
  const snapshot = first.makeMemorySnapshot();
  store?.write(snapshot).catch(() => undefined);
  return { snapshot, first };
}

/**
 * The engine: the snapshot (taken now, or kept from an earlier visit), and the first interpreter restored from it;
 * `prepare` adds what the lab's code may import to each interpreter before the harness starts, so the baseline every
 * test starts from has it.
 */
export async function loadPythonEngine(
  load: typeof loadPyodide,
  files: PythonFiles,
  harness: PythonHarness,
  { interrupt, prepare, store }: EngineOptions = {},
): Promise<PythonEngine> {
  limitWasmMemory();
  const { snapshot, first } = await takeSnapshot(load, files, store);
  const write = (line: string) => {
    if (engine.output.length < 200) engine.output.push(clip(line));
  };
  const start = (py: PyodideAPI) => {
    prepare?.(py);
    return { py, runner: startHarness(py, harness, write, interrupt) };
  };
  const restore = async () => start(await loadPython(load, files, snapshot));
  let next: ReturnType<typeof restore> | undefined;
  let used = false;
  const engine: PythonEngine = {
    ...start(first),
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
