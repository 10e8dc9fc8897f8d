/**
 * Pyodide made ready for Python API labs, in the page's worker and in Node's alike: the code labs' engine
 * (python-lab.ts: the memory limit, the guard and the runner, the interrupt buffer) on an interpreter that also has
 * the asyncpg-shaped driver (python-db-lab.ts `installPythonDb`), the ASGI host and the learners' asgi_json helpers
 * (python/), defined from their source as modules the guard puts back after every request; print() and logging go
 * to the request that runs. The sources come from the caller: Vite's `?raw` in the page, the files in Node.
 */
import type { PyodideAPI } from 'pyodide';
import type { PythonApiEngine, PythonObject } from './python-api.ts';
import type { PythonEngine } from './python-interpreter.ts';

/** The Python files of src/lib/labs/python/, by module name. */
export interface PythonSources {
  asgi_json: string;
  asgi_host: string;
}

/** Defines a module from source, in sys.modules, so the baseline the guard restores has it as defined. */
const DEFINE = `
import sys, types
def define(name, source):
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)
define
`;

/** Defines the ASGI host and asgi_json, before the engine's runner starts (python-lab.ts `loadPythonEngine`). */
export function defineApiModules(py: PyodideAPI, sources: PythonSources) {
  const define = py.runPython(DEFINE) as (name: string, source: string) => void;
  define('asgi_json', sources.asgi_json);
  define('asgi_host', sources.asgi_host);
}

export function pythonApiEngine(engine: PythonEngine): PythonApiEngine {
  /** The host module of the engine's interpreter, which each graded run replaces. */
  let host = { py: engine.py, module: engine.py.pyimport('asgi_host') as unknown as PythonObject };
  const current = () => {
    if (host.py !== engine.py) host = { py: engine.py, module: engine.py.pyimport('asgi_host') as never };
    return host.module;
  };
  return {
    get host() {
      return current();
    },
    fresh: () => engine.fresh(),
    spare: () => engine.spare(),
    begin: () => void engine.runner.begin(),
    serve: (...request) => {
      // An interrupt left from the last request (it came as that one ended) must not stop this one.
      if (engine.interrupt) engine.interrupt[0] = 0;
      return engine.runner.serve_request(current(), ...request) as Promise<string>;
    },
    // print() and logging (stderr) show beside the request, as a server's console would.
    setOutput: (lines) => (engine.output = lines ?? []),
    toPy: (value): unknown => engine.py.toPy(value),
  };
}
