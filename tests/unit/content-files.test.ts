/** readContentDir reads every file as it is on disk at each call; ids come from file names. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { entryIdOf, readContentDir } from '../../src/lib/content/content-files.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('reads each file as it is at each call, a changed one with its change and the rest the same', () => {
  cpSync(join(import.meta.dirname, '../fixtures/valid'), root, { recursive: true });
  const first = readContentDir(root);
  expect(first.map((e) => e.id)).toContain('sql');
  const file = join(root, 'topics/sql.mdx');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^hours: \d+$/m, 'hours: 99'));
  const changed = readContentDir(root);
  expect((changed.find((e) => e.id === 'sql')!.data as { hours: number }).hours).toBe(99);
  expect(changed.filter((e) => e.id !== 'sql')).toEqual(first.filter((e) => e.id !== 'sql'));
});

it('takes an entry id from the file name, whatever the folder and separator', () => {
  expect(entryIdOf('content/topics/http/http-caching.md')).toBe('http-caching');
  expect(entryIdOf('nested\\dir\\go-vs-rust.yaml')).toBe('go-vs-rust');
  expect(entryIdOf('jwt.md')).toBe('jwt');
});
