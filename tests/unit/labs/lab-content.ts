/**
 * Every lab, run as a learner would run it, on the engines the page uses (PGlite and QuickJS, here in Node): the
 * reference solution passes every check, and each plausible wrong answer fails at least one. A lab that cannot
 * fail a wrong answer, or whose solution fails, cannot ship. A test file per engine runs them side by side.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { SCHEMAS } from '../../../src/lib/content/integrity/entries.ts';
import {
  type LabEngine,
  labEngine,
  type LabFields,
  type LabRun,
  type PythonVersion,
} from '../../../src/lib/labs/lab-spec.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';

const allLabs = readContentDir()
  .filter((entry) => entry.collection === 'labs')
  .map((entry) => ({
    entry,
    data: SCHEMAS.labs.parse(entry.data) as LabFields & { wrongAnswers: { why: string; code: string }[] },
  }));

const failures = (result: LabRun) =>
  [
    result.error && `error: ${result.error.message}`,
    ...result.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.message}`),
  ]
    .filter(Boolean)
    .join('\n');

/** The tests of every lab one engine runs (code: QuickJS; python: Pyodide; python-db: Pyodide beside PGlite), on
 * engines started for the file. */
export function describeLabs(kind: LabEngine, { part = 0, of = 1 } = {}) {
  const labs = allLabs.filter(({ data }, i) => labEngine(data.language, data.setup) === kind && i % of === part);
  const engines = startLabEngines();
  afterAll(() => engines.close());

  it(`finds the ${kind} labs${of > 1 ? ` (part ${part + 1} of ${of})` : ''}`, () =>
    expect(labs.length).toBeGreaterThan(0));

  describe.each(labs.map(({ entry, data }) => [entry.file, entry.id, data] as const))('%s', (_file, id, data) => {
    // Pyodide's first load in a worker takes 2 s on a quiet machine and most of a minute on a busy one.
    it('passes with the reference solution', kind === 'python-db' ? { timeout: 180_000 } : {}, async () => {
      const result = await engines.run(id, data, data.solution);
      expect(failures(result)).toBe('');
      expect(result.passed).toBe(true);
    });
    it.each(data.wrongAnswers.map((w, i) => [i, w.why, w.code] as const))(
      'fails wrong answer %i (%s)',
      async (_i, _why, code) => {
        const result = await engines.run(id, data, code);
        expect(result.passed, 'the wrong answer passed every check').toBe(false);
        expect(failures(result), 'a failure says why').not.toBe('');
      },
    );
  });
}

/** Every API lab's Python version: the ASGI solution passes the same requests and each Python wrong answer fails. */
export function describePythonApiLabs() {
  const labs = allLabs.filter(({ data }) => data.python !== undefined);
  const engines = startLabEngines();
  afterAll(() => engines.close());

  it('finds the API labs with a Python version', () => expect(labs.length).toBeGreaterThanOrEqual(8));

  describe.each(labs.map(({ entry, data }) => [entry.file, entry.id, data] as const))('%s', (_file, id, data) => {
    const python = data.python as PythonVersion;
    it('passes with the Python solution', { timeout: 180_000 }, async () => {
      const result = await engines.run(id, data, python.solution, 'python');
      expect(failures(result)).toBe('');
      expect(result.passed).toBe(true);
    });
    it.each(python.wrongAnswers.map((w, i) => [i, w.why, w.code] as const))(
      'fails Python wrong answer %i (%s)',
      async (_i, _why, code) => {
        const result = await engines.run(id, data, code, 'python');
        expect(result.passed, 'the wrong answer passed every check').toBe(false);
        expect(failures(result), 'a failure says why').not.toBe('');
      },
    );
  });
}
