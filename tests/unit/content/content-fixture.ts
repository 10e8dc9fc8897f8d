/**
 * Content-check cases share this: a fresh copy of the valid fixture tree (tests/fixtures/valid), broken the way
 * an author would, and the problems the check then reports, one per line, as the collections' loaders report them
 * (content-layer.ts). Each copy is removed once checked:
 * an `afterEach` here would be registered only by the first test file to import this module, since unit test
 * files share their worker's modules (vitest.config.ts), and the other files' copies would stay in the temp folder.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssues, type TopicFloors } from '../../../src/lib/content/integrity.ts';
import { syncTree } from './content-layer.ts';

export const VALID = join(import.meta.dirname, '../../fixtures/valid');
/** The fixture topics are a few sentences long: the tests of other rules check them without the depth floors. */
export const FIXTURE_FLOORS: TopicFloors = { words: 0, medianWords: 0 };

/** A fresh copy of the valid fixture tree, changed by `mutate`; returns the problems found, one per line. */
export async function problemsAfter(
  mutate: (root: string) => void,
  floors: TopicFloors = FIXTURE_FLOORS,
): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'atlas-content-'));
  try {
    cpSync(VALID, root, { recursive: true });
    mutate(root);
    return formatIssues(await syncTree({ contentDir: root, topicFloors: floors }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
export const edit = (root: string, file: string, from: string | RegExp, to: string) => {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, next);
};
