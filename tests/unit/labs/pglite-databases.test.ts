/**
 * The databases the SQL and API runners open: a closed database is emptied and opened again only when it is as
 * new. Counts PGlite's loads to tell an emptied database from a loaded one, and reads each leftover back; the same
 * for a pool started on the build's empty cluster, as the page's engines are, and for one started by `initdb`, as
 * when the cluster does not load.
 */
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterBlob } from '../../../src/lib/labs/database/pglite-cluster.ts';
import { pgliteDatabases } from '../../../src/lib/labs/pglite-databases.ts';
import { emptyClusterBytes } from '../../../src/lib/labs-node/empty-cluster.ts';

type Open = Awaited<ReturnType<typeof pgliteDatabases>>;

/** A pool whose PGlite starts are counted: `loads` with a data directory, `initdbs` without. */
async function countedPool(cluster?: () => Promise<Uint8Array>) {
  const counts = { loads: 0, initdbs: 0 };
  const open = await pgliteDatabases(
    (options?: PGliteOptions) => {
      if (options?.loadDataDir) counts.loads += 1;
      else counts.initdbs += 1;
      return PGlite.create(options);
    },
    cluster && (() => clusterBlob(cluster)),
  );
  return { open, counts };
}

/** The first column of the first row `sql` returns. */
const one = async (db: Awaited<ReturnType<Open>>, sql: string): Promise<unknown> => {
  const [result] = await db.exec(sql, { rowMode: 'array' });
  return (result?.rows[0] as unknown[] | undefined)?.[0];
};

/** Bytes that are no tar: the pool must fall back to `initdb`, as the page does when the cluster cannot be had. */
const notACluster = () => Promise.resolve(new TextEncoder().encode('not a tar'));

describe.each([
  ['started on the empty cluster', emptyClusterBytes, { loads: 1, initdbs: 0 }],
  ['started by initdb, as when the cluster does not load', notACluster, { loads: 1, initdbs: 1 }],
])('a closed database, %s', (_how, cluster, started) => {
  let open: Open;
  let counts: { loads: number; initdbs: number };
  beforeAll(async () => {
    ({ open, counts } = await countedPool(cluster));
  }, 60_000);

  /** PGlite starts so far: loads and `initdb` runs. */
  const loads = () => counts.loads + counts.initdbs;

  /** Runs `sql` in a database, closes it, and opens the next: how many loads that took, and the next database. */
  async function after(...statements: string[]) {
    const db = await open();
    for (const sql of statements) await db.exec(sql);
    await db.close();
    const before = loads();
    const next = await open();
    return { loaded: loads() - before, next };
  }

  it('loaded the cluster, or ran initdb when it did not load', () => {
    expect(counts).toEqual(started);
  });

  it('serves the next open, emptied: tables, schemas, roles, temporary tables, settings and transactions are gone', async () => {
    const { loaded, next } = await after(
      `CREATE TABLE accounts (id int PRIMARY KEY);
INSERT INTO accounts SELECT generate_series(1, 1000); CREATE INDEX ON accounts ((id % 7)); ANALYZE accounts;
CREATE VIEW few AS SELECT * FROM accounts WHERE id < 5; CREATE TYPE mood AS ENUM ('ok');
CREATE FUNCTION seven() RETURNS int LANGUAGE sql AS 'SELECT 7'; CREATE SCHEMA shop; CREATE TABLE shop.orders (id int);
CREATE ROLE reader; GRANT SELECT ON accounts TO reader; CREATE TEMP TABLE scratch (id int);
SET enable_seqscan = off; PREPARE one AS SELECT 1;`,
      'BEGIN; CREATE TABLE half (id int);',
    );
    expect(loaded).toBe(0);
    expect(
      await one(next, "SELECT count(*)::int FROM pg_class WHERE relname IN ('accounts', 'few', 'half', 'scratch')"),
    ).toBe(0);
    expect(await one(next, "SELECT count(*)::int FROM pg_namespace WHERE nspname = 'shop'")).toBe(0);
    expect(await one(next, "SELECT count(*)::int FROM pg_roles WHERE rolname = 'reader'")).toBe(0);
    expect(await one(next, "SELECT count(*)::int FROM pg_proc WHERE proname = 'seven'")).toBe(0);
    expect(await one(next, "SELECT count(*)::int FROM pg_type WHERE typname = 'mood'")).toBe(0);
    expect(await one(next, 'SELECT count(*)::int FROM pg_prepared_statements')).toBe(0);
    expect(await one(next, 'SHOW enable_seqscan')).toBe('on');
    expect(await one(next, "SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public'")).toBe(
      '{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}',
    );
    await next.exec('CREATE TABLE accounts (id int PRIMARY KEY)');
    await next.close();
  });

  const leftovers: [string | string[], string, unknown][] = [
    [
      "CREATE OR REPLACE FUNCTION pg_catalog.lower(text) RETURNS text LANGUAGE sql AS 'SELECT ''x''';",
      "SELECT lower('ABC')",
      'abc',
    ],
    ['ALTER DATABASE postgres SET work_mem = 77777;', 'SELECT count(*)::int FROM pg_db_role_setting', 0],
    ["SELECT lo_from_bytea(0, 'kept');", 'SELECT count(*)::int FROM pg_largeobject_metadata', 0],
    [
      "COMMENT ON DATABASE postgres IS 'mine';",
      "SELECT count(*)::int FROM pg_shdescription WHERE description = 'mine'",
      0,
    ],
    ['ALTER ROLE postgres CONNECTION LIMIT 3;', "SELECT rolconnlimit FROM pg_roles WHERE rolname = 'postgres'", -1],
    [
      'DELETE FROM information_schema.sql_sizing WHERE sizing_id = 0;',
      'SELECT count(*)::int FROM information_schema.sql_sizing WHERE sizing_id = 0',
      1,
    ],
    ["ALTER SYSTEM SET work_mem = '9MB';", "SELECT count(*)::int FROM pg_file_settings WHERE name = 'work_mem'", 0],
    // VACUUM writes a system table's statistics in place, without a new row: reltuples counts the table's rows.
    [['CREATE TABLE wide (a int, b int, c int);', 'VACUUM pg_catalog.pg_attribute;'], 'SELECT 1', 1],
  ];
  it.each(leftovers)('is not opened again when emptying cannot undo what was done: %s', async (sql, read, asNew) => {
    const started = loads();
    const { loaded, next } = await after(...[sql].flat());
    expect(loaded).toBe(1);
    expect(await one(next, read)).toBe(asNew);
    await next.close();
    // The database loaded in its place is as new once emptied, so it serves the open after it.
    const again = await after('CREATE TABLE t (id int);');
    expect(again.loaded).toBe(0);
    await again.next.close();
    // The replacement is the only load: the first open took the database the test before closed.
    expect(loads() - started).toBe(1);
  });

  it('is renewed in place while as new, and replaced by a new database when emptying cannot undo what was done', async () => {
    const db = await open();
    const before = loads();
    await db.exec('CREATE TABLE t (id int); CREATE ROLE visitor;');
    await db.renew();
    expect(loads()).toBe(before);
    expect(
      await one(db, "SELECT to_regclass('t') IS NULL AND NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'visitor')"),
    ).toBe(true);
    await db.exec('CREATE TABLE pg_catalog.notes (id int); INSERT INTO pg_catalog.notes VALUES (1);');
    await db.renew();
    expect(loads()).toBe(before + 1);
    expect(await one(db, "SELECT to_regclass('pg_catalog.notes') IS NULL")).toBe(true);
    await db.close();
  });

  it('cannot be used after it is closed', async () => {
    const db = await open();
    await db.close();
    expect(() => db.exec('SELECT 1')).toThrow('This database was closed.');
  });
});
