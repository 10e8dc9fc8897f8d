/**
 * Pyodide in Node for the Python database labs: the interpreter from the npm package, with the asyncpg-shaped
 * driver and the lab runner (src/lib/labs/python/) written into its file system from this checkout.
 */
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { installPythonDb } from '../labs/python-db-lab.ts';

const PYTHON_DIR = new URL('../labs/python/', import.meta.url);

export async function loadPythonDb() {
  // Python's own warnings (a coroutine never awaited) have no stderr in a worker thread: the failing test says it.
  const python = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  installPythonDb(python, (file) => readFileSync(new URL(file, PYTHON_DIR), 'utf8'));
  return python;
}
