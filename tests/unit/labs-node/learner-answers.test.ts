/**
 * The learner answers written from the tasks alone (tests/fixtures/learner-answers/) stay usable: every file reads,
 * names a lab that exists, and every lab has an answer that should pass and one that should fail. Running them on
 * the engines is `npm run labs:check -- --answers` (README, "Labs").
 */
import { expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { readLearnerAnswers } from '../../../src/lib/labs-node/learner-answers.ts';

it('has answers for every lab, a right one and a wrong one each, and none for a lab that does not exist', () => {
  const labs = readContentDir()
    .filter((entry) => entry.collection === 'labs')
    .map((entry) => entry.id);
  const answers = readLearnerAnswers();
  for (const id of labs) {
    const kinds = answers.filter((a) => a.lab === id).map((a) => a.expect);
    expect(kinds, id).toEqual(expect.arrayContaining(['pass', 'fail']));
  }
  expect(answers.filter((a) => !labs.includes(a.lab)).map((a) => a.file)).toEqual([]);
});
