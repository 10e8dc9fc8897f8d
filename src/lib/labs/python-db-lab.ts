/**
 * Runs a Python database lab (a `language: python` lab with a `setup`): the learner's module and the lab's hidden
 * tests in Pyodide (python/atlas_db_lab.py), each test on the lab's database set up afresh, as an API lab's tests are
 * (api-test.ts `resetDatabase`: emptied, checked by fingerprint, replaced when emptying cannot undo a run). The
 * tests' `conn` is the asyncpg-shaped driver (python/asyncpg/) over python-db.ts, which keeps the learner's
 * statements for `statements()`.
 */
import type { PyodideAPI } from 'pyodide';
import type { ApiRunPhases } from './api-test.ts';
import type { CheckResult, LabRun, RunError } from './lab-spec.ts';
import type { PythonDbBackend } from './python-db.ts';
import { pythonDbSession } from './python-db-session.ts';

export interface PythonDbLabSpec {
  id: string;
  language: 'python';
  /** The schema and seed, run on a fresh database before each test. */
  setup: string;
  /** The hidden tests, a Python script (python-format.md). */
  tests: string;
}

/** The driver's and the runner's Python files, written into Pyodide's file system under /atlas. */
export const PYTHON_DB_FILES = [
  'asyncpg/__init__.py',
  'asyncpg/exceptions.py',
  'asyncpg/_codecs.py',
  'asyncpg/record.py',
  'asyncpg/transaction.py',
  'atlas_db_lab.py',
] as const;

/** Writes the driver into Pyodide and puts it on the import path; `read` gives each file's source. */
export function installPythonDb(py: PyodideAPI, read: (file: (typeof PYTHON_DB_FILES)[number]) => string) {
  py.FS.mkdirTree('/atlas/asyncpg');
  for (const file of PYTHON_DB_FILES) py.FS.writeFile(`/atlas/${file}`, read(file));
  py.runPython("import sys\nif '/atlas' not in sys.path: sys.path.insert(0, '/atlas')");
}

interface PythonRun {
  error?: RunError;
  checks?: CheckResult[];
  logs?: string[];
}

/** Runs the learner's code against every hidden test. Never throws for the learner's mistakes. */
export async function runPythonDbLab(
  py: PyodideAPI,
  backend: PythonDbBackend,
  lab: PythonDbLabSpec,
  code: string,
  phases: ApiRunPhases = {},
): Promise<LabRun> {
  const session = pythonDbSession(backend);
  const host = {
    reset: async () => {
      phases.onSetup?.();
      session.forget();
      await backend.reset(lab.setup);
      phases.onStart?.();
    },
    learner: { query: (mode: never, sql: string, payload: string) => session.query('learner', mode, sql, payload) },
    test: { query: (mode: never, sql: string, payload: string) => session.query('test', mode, sql, payload) },
    statements: () => JSON.stringify(session.statements()),
  };
  const module = py.pyimport('atlas_db_lab') as { run_lab: (...args: unknown[]) => Promise<string> } & {
    destroy(): void;
  };
  let reply: PythonRun;
  phases.onStart?.();
  try {
    reply = JSON.parse(await module.run_lab(code, lab.tests, host)) as PythonRun;
  } catch (error) {
    // The lab's own SQL or tests failed: the next run gets a new database.
    await backend.discard();
    throw error;
  } finally {
    module.destroy();
  }
  await backend.rollback();
  if (reply.error) return { passed: false, checks: [], error: reply.error };
  const checks = reply.checks ?? [];
  return { passed: checks.length > 0 && checks.every((c) => c.passed), checks, logs: reply.logs ?? [] };
}
