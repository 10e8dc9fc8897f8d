/**
 * Runs a Python database lab (a `language: python` lab with a `setup`) on the code labs' guarded runner
 * (python-lab.ts): the learner's module and the lab's hidden tests, each test on the lab's database set up afresh, as
 * an API lab's tests are (api-test.ts `resetDatabase`: emptied, checked by fingerprint, replaced when emptying cannot
 * undo a run). Each test gets `conn`, the asyncpg-shaped driver (python/asyncpg/) over python-db.ts, whose statements
 * the session records for `statements()`, and `db`, the tests' own connection (python/runner.py `database_names`).
 */
import type { PyodideAPI } from 'pyodide';
import type { ApiRunPhases } from '../api/index.ts';
import type { LabRun } from '../shared/lab-spec.ts';
import type { PythonDbBackend } from './python-db.ts';
import { pythonDbSession } from './python-db-session.ts';
import type { PythonEngine } from './python-interpreter.ts';
import { runPythonLab } from './python-lab.ts';
import type { PythonDbLabSpec } from './python-spec.ts';

/** The driver's Python files, written into Pyodide's file system under /atlas. */
export const PYTHON_DB_FILES = [
  'asyncpg/__init__.py',
  'asyncpg/exceptions.py',
  'asyncpg/_codecs.py',
  'asyncpg/record.py',
  'asyncpg/transaction.py',
] as const;

/** Writes the driver into Pyodide, puts it on the import path and imports it; `read` gives each file's source. */
export function installPythonDb(py: PyodideAPI, read: (file: (typeof PYTHON_DB_FILES)[number]) => string) {
  py.FS.mkdirTree('/atlas/asyncpg');
  for (const file of PYTHON_DB_FILES) py.FS.writeFile(`/atlas/${file}`, read(file));
  py.runPython("import sys\nif '/atlas' not in sys.path: sys.path.insert(0, '/atlas')\nimport asyncpg");
}

/** Runs the learner's code against every hidden test. Never throws for the learner's mistakes. */
export async function runPythonDbLab(
  engine: PythonEngine,
  backend: PythonDbBackend,
  lab: PythonDbLabSpec,
  code: string,
  phases: ApiRunPhases = {},
): Promise<LabRun> {
  const session = pythonDbSession(backend, lab.words);
  const database = {
    learner: { query: (mode: never, sql: string, payload: string) => session.query('learner', mode, sql, payload) },
    test: { query: (mode: never, sql: string, payload: string) => session.query('test', mode, sql, payload) },
    statements: () => JSON.stringify(session.statements()),
  };
  const beforeTest = async () => {
    phases.onSetup?.();
    session.forget();
    await backend.reset(lab.setup);
    phases.onStart?.();
  };
  let run: LabRun;
  try {
    run = await runPythonLab(engine, lab, code, { onStart: phases.onStart, beforeTest, database });
  } catch (error) {
    // The lab's own SQL or tests failed: the next run gets a new database.
    await backend.discard();
    throw error;
  }
  await backend.rollback();
  return run;
}
