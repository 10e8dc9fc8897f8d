/**
 * Pyodide made ready for Python API labs, in the page's worker and in Node's alike: on an interpreter that already has
 * the asyncpg-shaped driver (python-db-lab.ts `installPythonDb`), the ASGI host and the learners' asgi_json helpers
 * (python/) defined from their source, so the learner can `import asyncpg` and `from asgi_json import send_json`;
 * print() and logging go to the request that runs. The sources come from the caller: Vite's `?raw` in the page, the
 * files themselves in Node.
 */
import { clip } from './lab-spec.ts';
import type { PythonApiEngine, PythonObject } from './python-api.ts';

/** The Python files of src/lib/labs/python/, by module name. */
export interface PythonSources {
  asgi_json: string;
  asgi_host: string;
}

/** What the runner needs of a loaded Pyodide (its public API). */
export interface PyodideLike {
  runPython(code: string, options?: { globals?: unknown }): unknown;
  toPy(value: unknown): unknown;
  setStdout(options: { batched: (line: string) => void }): void;
  setStderr(options: { batched: (line: string) => void }): void;
}

/** Defines a module from source; the learner's code may import those left in sys.modules. */
const DEFINE = `
import sys, types
def define(name, source, importable):
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    if not importable:
        del sys.modules[name]
    return module
define
`;

export function pythonApiEngine(pyodide: PyodideLike, sources: PythonSources): PythonApiEngine {
  const define = pyodide.runPython(DEFINE) as (name: string, source: string, importable: boolean) => PythonObject;
  define('asgi_json', sources.asgi_json, true);
  // The host stays out of sys.modules: a learner's module cannot import it.
  const host = define('asgi_host', sources.asgi_host, false);
  let output: string[] | undefined;
  // print() and logging (stderr) show beside the request, as a server's console would.
  const batched = (line: string) => void (output && output.length < 200 && output.push(clip(line)));
  pyodide.setStdout({ batched });
  pyodide.setStderr({ batched });
  return {
    host,
    setOutput: (lines) => (output = lines),
    toPy: (value) => pyodide.toPy(value),
  };
}
