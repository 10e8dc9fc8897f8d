/**
 * Empty databases on demand, for the SQL, API and Python runners (above the kinds: it makes the database each wants). PGlite starts once, on the build's empty cluster
 * (database/pglite-cluster.ts) or by `initdb`. A database that is closed is emptied (empty-database.ts) and kept for the next
 * open if its fingerprint is then the first database's; otherwise it is closed, and a later open loads that cluster
 * (or a snapshot of the first database, when it came from `initdb`) again. An API lab's database is renewed before
 * each test the same way: emptied and used again only when its fingerprint says it is as new, else replaced. So no
 * run or test sees what an earlier one left, and most cost milliseconds instead of the third of a second or more
 * that a load takes (figures in docs/benchmarks.md, "Measured choices").
 */
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { OwnApiDatabase } from './api/index.ts';
import { emptyDatabase, fingerprint, fingerprintQuery } from './database/empty-database.ts';
import type { PythonDatabase } from './python/index.ts';
import type { OwnDatabase } from './database/sql-session.ts';

/**
 * How an API lab's handler reads values, as node-postgres gives them, but never in the machine's time zone: a
 * `date` stays "2026-01-15", a `timestamp` without a zone is read as UTC (timestamptz is an instant already).
 */
const API_PARSERS = {
  1082: (value: string) => value,
  1114: (value: string) => new Date(`${value.replace(' ', 'T')}Z`),
};

/** A database as the SQL, API and Python runners use it. */
export type PgliteDatabase = OwnDatabase & OwnApiDatabase & PythonDatabase;

/** Emptied databases kept for the next open: a runner uses one at a time, and each holds a Postgres in memory. */
const KEEP = 1;

/**
 * Opens empty databases. The first PGlite loads `cluster` (pglite-cluster.ts), or runs `initdb` when there is none or
 * it does not load; a database emptying cannot restore is replaced by one loaded from the same cluster, or from a
 * snapshot of the first database when it came from `initdb`.
 */
export async function pgliteDatabases(
  create: (options?: PGliteOptions) => Promise<PGlite>,
  cluster: () => Promise<Blob | undefined> = () => Promise.resolve(undefined),
): Promise<() => Promise<PgliteDatabase>> {
  const loaded = await cluster();
  const fromCluster = loaded && (await create({ loadDataDir: loaded }).catch(() => undefined));
  const first = fromCluster || (await create());
  // Rows written after this count apart: the `public` that emptying makes is written later, after every emptying.
  const query = await fingerprintQuery(first);
  await emptyDatabase(first);
  const asNew = await fingerprint(first, query);
  // A database loaded from the cluster starts where the first did, so emptying it leaves the same fingerprint.
  const snapshot = fromCluster ? loaded : await first.dumpDataDir('none');
  const idle: PGlite[] = [first];

  /** Empties a database a run or a test has used; whether it is then as new, and so may serve again. */
  const asNewAgain = async (db: PGlite) => {
    try {
      await emptyDatabase(db);
      return (await fingerprint(db, query)) === asNew;
    } catch {
      return false;
    }
  };
  const fresh = async () => idle.pop() ?? (await create({ loadDataDir: snapshot }));

  return async () => {
    let db = await fresh();
    let open = true;
    const live = () => {
      if (!open) throw new Error('This database was closed.');
      return db;
    };
    return {
      exec: (sql: string, options?: Parameters<PGlite['exec']>[1]) => live().exec(sql, options),
      // Python labs read rows as arrays, with their own parsers (python-db.ts); API labs as node-postgres does.
      query: (sql: string, params: unknown[], options?: Parameters<PGlite['query']>[2]) =>
        live().query<Record<string, unknown>>(sql, params, options ?? { parsers: API_PARSERS }),
      inTransaction: () => live().isInTransaction(),
      renew: async () => {
        if (await asNewAgain(live())) return;
        const spoiled = db;
        db = await fresh();
        await spoiled.close();
      },
      close: async () => {
        if (!open) return;
        open = false;
        if (idle.length < KEEP && (await asNewAgain(db))) idle.push(db);
        else await db.close();
      },
    };
  };
}
