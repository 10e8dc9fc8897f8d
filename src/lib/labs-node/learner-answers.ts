/**
 * Answers written by people who saw only what a learner sees (the task, the starter, the tables), kept apart from
 * the labs: `tests/fixtures/learner-answers/<lab-id>.yaml`, a list of `{ expect: pass | fail, note, code }`, with
 * `language: python` on an API lab's answer written in Python. A
 * correct answer written another way must pass and a close-but-wrong one must fail; `npm run labs:check --
 * --answers [folder]` runs them (not `npm test`, for its time: docs/benchmarks.md, "Measured choices").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import yaml from 'js-yaml';

export const LEARNER_ANSWERS_DIR = 'tests/fixtures/learner-answers';

export interface LearnerAnswer {
  lab: string;
  file: string;
  expect: 'pass' | 'fail';
  note: string;
  code: string;
  /** An API lab's answer in Python (an ASGI app). */
  runtime: 'javascript' | 'python';
}

/** Every answer in the folder; a malformed file or entry is an error naming the file and the entry. */
export function readLearnerAnswers(dir = LEARNER_ANSWERS_DIR): LearnerAnswer[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  return files.flatMap((name) => {
    const file = join(dir, name);
    const list = yaml.load(readFileSync(file, 'utf8'));
    if (!Array.isArray(list)) throw new Error(`${file}: expected a list of answers`);
    return list.map((entry: unknown, i) => {
      const { expect, note, code, language } = (entry ?? {}) as Record<string, unknown>;
      if ((expect !== 'pass' && expect !== 'fail') || typeof code !== 'string' || code.trim() === '')
        throw new Error(`${file}: answer ${i + 1} needs expect (pass or fail) and code`);
      const runtime = language === 'python' ? ('python' as const) : ('javascript' as const);
      return { lab: basename(name, '.yaml'), file, expect, note: typeof note === 'string' ? note : '', code, runtime };
    });
  });
}
