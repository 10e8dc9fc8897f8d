/**
 * Pyodide in Node for the Python database and API labs: the code labs' engine (python-lab.ts: memory limit, guard,
 * runner, interrupt buffer) with the asyncpg-shaped driver and, for API labs, the ASGI host (src/lib/labs/python/)
 * read from this checkout.
 */
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { installPythonDb, defineApiModules, pythonApiEngine, loadPythonEngine } from '../labs/python/index.ts';
import { pyodideLockInfo, readPythonHarness } from './python-files.ts';

const source = (file: string) => readFileSync(new URL(`../labs/python/${file}`, import.meta.url), 'utf8');

/** The engine of the Python database labs, with the driver importable as `asyncpg`. */
export const loadPythonDb = (interrupt?: Int32Array) =>
  loadPythonEngine(loadPyodide, { lockInfo: pyodideLockInfo() }, readPythonHarness(), {
    interrupt,
    prepare: (py) => installPythonDb(py, source),
  });

/** The engine of the Python API labs: the database labs' with the ASGI host and asgi_json defined. */
export const loadPythonApi = async (interrupt?: Int32Array) =>
  pythonApiEngine(
    await loadPythonEngine(loadPyodide, { lockInfo: pyodideLockInfo() }, readPythonHarness(), {
      interrupt,
      prepare: (py) => {
        installPythonDb(py, source);
        defineApiModules(py, { asgi_json: source('asgi_json.py'), asgi_host: source('asgi_host.py') });
      },
    }),
  );
