/** readContentDir parses each file once per process, and again whenever its text changes; ids come from file names. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { entryIdOf, readContentDir } from '../../../src/lib/content/content-files.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('reuses the parse of an unchanged file and re-parses a changed one', () => {
  cpSync(join(import.meta.dirname, '../../fixtures/valid'), root, { recursive: true });
  const first = readContentDir(root);
  const again = readContentDir(root);
  expect(again).toEqual(first);
  for (const [i, entry] of again.entries()) expect(entry).toBe(first[i]);

  const file = join(root, 'topics/sql.mdx');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^hours: \d+$/m, 'hours: 99'));
  const changed = readContentDir(root);
  const sql = changed.find((e) => e.id === 'sql')!;
  expect((sql.data as { hours: number }).hours).toBe(99);
  expect(sql).not.toBe(first.find((e) => e.id === 'sql'));
  expect(changed.filter((e) => e.id !== 'sql').every((e) => first.includes(e))).toBe(true);
});

it('reads only the collections asked for, the same entries as a whole read', () => {
  cpSync(join(import.meta.dirname, '../../fixtures/valid'), root, { recursive: true });
  const all = readContentDir(root);
  const topics = readContentDir(root, ['topics']);
  expect(topics.length).toBeGreaterThan(0);
  expect(topics).toEqual(all.filter((e) => e.collection === 'topics'));
});

it('takes an entry id from the file name, whatever the folder and separator', () => {
  expect(entryIdOf('content/topics/http/http-caching.md')).toBe('http-caching');
  expect(entryIdOf('nested\\dir\\go-vs-rust.yaml')).toBe('go-vs-rust');
  expect(entryIdOf('jwt.md')).toBe('jwt');
});
