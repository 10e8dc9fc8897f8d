/**
 * Python labs as their runners take them: a code lab (python-lab.ts) runs the hidden tests on Pyodide; a lab with a
 * `setup` is a database lab (python-db-lab.ts), whose code gets an asyncpg-shaped `conn` over PGlite.
 */
import type { AnyLabSpec, LabKindDefinition } from '../shared/lab-kind.ts';
import type { PythonRunWords } from './python-words.ts';

export interface PythonLabSpec {
  id: string;
  language: 'python';
  /** A Python script of @test functions using the harness's names (src/lib/labs/python/helpers.py). */
  tests: string;
  /** The lab's solution, which runs first where the tests `observe` values (python-observed.ts). */
  reference?: string;
  /** What the harness says, in the page's language; English without it (python-words.ts). */
  words?: PythonRunWords | undefined;
}

export interface PythonDbLabSpec {
  id: string;
  language: 'python';
  /** The schema and seed, run on a fresh database before each test. */
  setup: string;
  /** The hidden tests, a Python script (python-format.md). */
  tests: string;
  /** What the harness says, in the page's language; English without it (python-words.ts). */
  words?: PythonRunWords | undefined;
}

/** The fields of a lab entry a Python lab reads. */
export interface PythonFields {
  setup?: string | undefined;
  solution: string;
  tests?: string | undefined;
}

const isPython = (spec: AnyLabSpec) => spec.language === 'python';

/** A Python lab with a database: its code gets an asyncpg-shaped `conn` (src/lib/labs/python/python-db-lab.ts). */
export const isPythonDbLab = (spec: AnyLabSpec): spec is PythonDbLabSpec => isPython(spec) && 'setup' in spec;

export const pythonDbKind: LabKindDefinition<PythonDbLabSpec, PythonFields> = {
  name: 'python-db',
  takes: ({ language, setup }) => language === 'python' && setup !== undefined,
  toSpec: (id, lab) => ({ id, language: 'python', setup: lab.setup ?? '', tests: lab.tests ?? '' }),
  owns: isPythonDbLab,
  worker: () => 'python-db',
  engines: () => ['pyodide', 'pglite'],
  words: { answer: 'code', graders: 'tests' },
};

export const pythonKind: LabKindDefinition<PythonLabSpec, PythonFields> = {
  name: 'python',
  takes: ({ language, setup }) => language === 'python' && setup === undefined,
  toSpec: (id, lab) => ({ id, language: 'python', tests: lab.tests ?? '', reference: lab.solution }),
  owns: (spec): spec is PythonLabSpec => isPython(spec) && !('setup' in spec),
  worker: () => 'python',
  engines: () => ['pyodide'],
  words: { answer: 'code', graders: 'tests' },
};
