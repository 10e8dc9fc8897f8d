/**
 * The collections' loader (src/lib/content/content-loader.ts) over syncs that keep their store, as builds keep Astro's
 * content cache: a file is checked when it is read, a file that failed is read and checked again next time rather
 * than served from the cache, and an unchanged sound file is left as stored.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataStore } from 'astro/loaders';
import { afterAll, expect, it } from 'vitest';
import { formatIssues } from '../../../src/lib/content/integrity.ts';
import type { CollectionName } from '../../../src/schemas/shared.ts';
import { edit, FIXTURE_FLOORS, VALID } from './content-fixture.ts';
import { syncTree } from './content-layer.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-loader-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('checks a file that failed again on the next sync, and keeps unchanged sound entries as stored', async () => {
  cpSync(VALID, root, { recursive: true });
  const stores: Partial<Record<CollectionName, DataStore>> = {};
  const sync = async () => formatIssues(await syncTree({ contentDir: root, topicFloors: FIXTURE_FLOORS }, stores));
  expect(await sync()).toBe('');
  const http = stores.topics!.get('http');

  edit(root, 'topics/sql.mdx', 'SQL fixture topic.', 'SQL fixture <b>topic.');
  edit(root, 'questions/fixture-sql-join.md', 'difficulty: junior', 'difficulty: expert');
  for (let run = 0; run < 2; run++) {
    const out = await sync();
    expect(out).toMatch(/topics\/sql\.mdx: body: MDX syntax error at line 19/);
    expect(out).toMatch(/questions\/fixture-sql-join\.md: difficulty: Invalid option/);
    // A topic that fails only its own checks still counts for the roadmaps: no duration problem follows from it.
    expect(out.split('\n')).toHaveLength(2);
    expect(stores.topics!.has('sql')).toBe(false);
    expect(stores.questions!.has('fixture-sql-join')).toBe(false);
  }

  edit(root, 'topics/sql.mdx', 'SQL fixture <b>topic.', 'SQL fixture topic.');
  edit(root, 'questions/fixture-sql-join.md', 'difficulty: expert', 'difficulty: junior');
  expect(await sync()).toBe('');
  expect(stores.topics!.has('sql')).toBe(true);
  expect(stores.topics!.get('http')).toBe(http);
});

it('reads a day as written: an unquoted 2026-02-30 is not taken for 2 March', async () => {
  const tree = join(root, 'dates');
  cpSync(VALID, tree, { recursive: true });
  edit(tree, 'topics/sql.mdx', 'updated: 2026-11-01', 'updated: 2026-02-30');
  edit(tree, 'questions/fixture-sql-join.md', /^created: (.*)$/m, 'created: "2026-13-01"');
  const out = formatIssues(await syncTree({ contentDir: tree, topicFloors: FIXTURE_FLOORS }));
  expect(out).toMatch(/topics\/sql\.mdx: updated: is not a day of the calendar/);
  expect(out).toMatch(/questions\/fixture-sql-join\.md: created: is not a day of the calendar/);
  // The day it was read as says nothing about order: no "before created" on top.
  expect(out).not.toMatch(/before created/);
});
