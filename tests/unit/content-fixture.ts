/**
 * Content-check cases share this: a fresh copy of the valid fixture tree (tests/fixtures/valid), broken the way
 * an author would, and the problems the check then reports, one per line. Copies are removed after each test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { readContentDir } from '../../src/lib/content-files';
import { checkContent, formatIssues } from '../../src/lib/content-integrity';

export const VALID = join(import.meta.dirname, '../fixtures/valid');
const trees: string[] = [];

/** A fresh copy of the valid fixture tree, changed by `mutate`; returns the problems found, one per line. */
export function problemsAfter(mutate: (root: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-content-'));
  trees.push(root);
  cpSync(VALID, root, { recursive: true });
  mutate(root);
  return formatIssues(checkContent(readContentDir(root)));
}
export const edit = (root: string, file: string, from: string | RegExp, to: string) => {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, next);
};

afterEach(() => {
  for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
});
