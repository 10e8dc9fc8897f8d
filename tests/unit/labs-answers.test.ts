/**
 * Learner answers the lab authors never saw (tests/fixtures/learner-answers/, written from the task alone): a
 * correct answer written another way must pass and a close-but-wrong one must fail, on the engines the page uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentDir } from '../../src/lib/content/content-files.ts';
import { SCHEMAS } from '../../src/lib/content/integrity/entries.ts';
import type { LabFields, LabRun } from '../../src/lib/labs/lab-spec.ts';
import { readLearnerAnswers } from '../../src/lib/labs-node/learner-answers.ts';
import { type LabEngines, startLabEngines } from '../../src/lib/labs-node/node-engines.ts';

const labs = new Map(
  readContentDir()
    .filter((entry) => entry.collection === 'labs')
    .map((entry) => [entry.id, SCHEMAS.labs.parse(entry.data) as LabFields]),
);
const answers = readLearnerAnswers();

let engines: LabEngines;
beforeAll(async () => {
  engines = await startLabEngines();
}, 60_000);
afterAll(() => engines?.close());

const why = (run: LabRun) =>
  [run.error?.message, ...run.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.message}`)]
    .filter(Boolean)
    .join('\n');

it('has answers for every lab, each lab with one that passes and one that fails', () => {
  for (const id of labs.keys()) {
    const mine = answers.filter((a) => a.lab === id).map((a) => a.expect);
    expect(mine, id).toEqual(expect.arrayContaining(['pass', 'fail']));
  }
  expect(answers.filter((a) => !labs.has(a.lab)).map((a) => a.file)).toEqual([]);
});

describe.each([...new Set(answers.map((a) => a.lab))].filter((id) => labs.has(id)))('%s', (id) => {
  it.each(answers.filter((a) => a.lab === id).map((a) => [a.expect, a.note, a.code] as const))(
    'an answer that should %s (%s)',
    async (expected, _note, code) => {
      const run = await engines.run(id, labs.get(id)!, code);
      if (expected === 'pass') expect(why(run), 'a correct answer failed').toBe('');
      expect(run.passed).toBe(expected === 'pass');
    },
  );
});
