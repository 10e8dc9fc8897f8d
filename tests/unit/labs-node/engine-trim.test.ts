/**
 * The smaller start of the SQL and API engines (src/lib/labs-node/engine-trim.ts): the empty cluster without its
 * template databases and with its WAL zeroed before the last checkpoint, and PGlite's bundle without the files no
 * lab reads, still start a Postgres that runs what labs use; and the zeroing touches only what it says.
 */
import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyClusterBytes } from '../../../src/lib/labs-node/empty-cluster.ts';
import { trimmedBundle } from '../../../src/lib/labs-node/engine-files.ts';
import { tarMembers, zeroUnreadFiles, zeroWalBeforeRedo } from '../../../src/lib/labs-node/engine-trim.ts';

describe('the trimmed engine', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create({
      loadDataDir: new Blob([new Uint8Array(await emptyClusterBytes())], { type: 'application/gzip' }),
      fsBundle: trimmedBundle(),
    });
  }, 60_000);
  afterAll(() => db.close());

  /** The first value of the last result of `sql`. */
  const value = async (sql: string) => Object.values((await db.exec(sql)).at(-1)!.rows[0]!)[0] as unknown;

  it.each([
    [
      'a table, an index and a join',
      'CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1); SELECT count(*)::int FROM t a JOIN t b USING (id)',
      1,
    ],
    ['PL/pgSQL', "DO $$ BEGIN PERFORM 1; END $$; SELECT 'ran'", 'ran'],
    ['full-text search in English', "SELECT to_tsvector('english', 'running quickly')::text", "'quick':2 'run':1"],
    [
      'a time zone',
      "SELECT (timestamptz '2026-01-01 12:00Z' AT TIME ZONE 'Europe/Paris')::text",
      '2026-01-01 13:00:00',
    ],
    ['an ICU collation', "SELECT 'a' < 'B' COLLATE \"und-x-icu\"", true],
    ['information_schema', 'SELECT count(*)::int > 0 FROM information_schema.tables', true],
  ])('runs %s', async (_what, sql, expected) => {
    expect(await value(sql)).toEqual(expected);
  });

  it('has one database, postgres: the templates only CREATE DATABASE reads are gone', async () => {
    expect((await db.query('SELECT datname FROM pg_database')).rows).toEqual([{ datname: 'postgres' }]);
  });
});

describe('zeroing', () => {
  it('zeroes the WAL from its second page up to the page of the redo point, and nothing else', async () => {
    const tar = new Uint8Array(gunzipSync(await emptyClusterBytes()));
    const wal = tarMembers(tar).find((m) => /pg_wal\/0{7}1/.test(m.name))!;
    // The cluster is made so already (compared as digests: a failing deep compare of 25 MB would print it all).
    const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(digest(zeroWalBeforeRedo(tar))).toBe(digest(tar));
    const bytes = tar.subarray(wal.start, wal.start + wal.size);
    const firstNonZero = bytes.subarray(8192).findIndex((b) => b !== 0) + 8192;
    expect(bytes.subarray(0, 8192).some((b) => b !== 0)).toBe(true); // the segment's header page is kept
    expect(firstNonZero % 8192).toBe(0);
    expect(firstNonZero).toBeGreaterThan(8192);
  });

  it('zeroes the bundle files it names, keeps the others and every offset, and refuses a bundle without them', () => {
    const data = new Uint8Array(30).fill(7);
    const files = [
      { filename: '/pglite/share/postgresql/postgres.bki', start: 0, end: 10 },
      { filename: '/pglite/lib/postgresql/utf8_and_sjis.so', start: 10, end: 20 },
      { filename: '/pglite/lib/postgresql/plpgsql.so', start: 20, end: 30 },
    ];
    const trimmed = zeroUnreadFiles(data, files);
    expect([...trimmed]).toEqual([...Array(20).fill(0), ...Array(10).fill(7)]);
    expect(() => zeroUnreadFiles(data, files.slice(2))).toThrow(/none of the unread files/);
  });
});
