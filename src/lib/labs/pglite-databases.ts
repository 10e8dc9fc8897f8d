/**
 * New empty databases on demand, for the SQL and API runners: PGlite starts once to make an empty cluster, which is
 * kept as a snapshot (its data directory as a tar); every database after that is a new PGlite loaded from the
 * snapshot, so no two runs ever share a catalog. About 0.35 s each in Node (the compiled WebAssembly is reused).
 */
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { OwnApiDatabase } from './api-lab.ts';
import type { OwnDatabase } from './sql-session.ts';

/**
 * How an API lab's handler reads values, as node-postgres gives them, but never in the machine's time zone: a
 * `date` stays "2026-01-15", a `timestamp` without a zone is read as UTC (timestamptz is an instant already).
 */
const API_PARSERS = {
  1082: (value: string) => value,
  1114: (value: string) => new Date(`${value.replace(' ', 'T')}Z`),
};

export async function pgliteDatabases(
  create: (options?: PGliteOptions) => Promise<PGlite>,
): Promise<() => Promise<OwnDatabase & OwnApiDatabase>> {
  const first = await create();
  const snapshot = await first.dumpDataDir('none');
  await first.close();
  return async () => {
    const db = await create({ loadDataDir: snapshot });
    return {
      exec: (sql: string, options?: Parameters<PGlite['exec']>[1]) => db.exec(sql, options),
      query: (sql: string, params: unknown[]) =>
        db.query<Record<string, unknown>>(sql, params, { parsers: API_PARSERS }),
      close: () => db.close(),
    };
  };
}
