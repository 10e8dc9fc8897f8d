/**
 * New empty databases on demand, for the SQL runner: PGlite starts once to make an empty cluster, which is kept as
 * a snapshot (its data directory as a tar); every database after that is a new PGlite loaded from the snapshot,
 * so no two runs ever share a catalog. About 0.3 s each in Node (the compiled WebAssembly is reused).
 */
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { OpenDatabase } from './sql-lab.ts';

export async function pgliteDatabases(create: (options?: PGliteOptions) => Promise<PGlite>): Promise<OpenDatabase> {
  const first = await create();
  const snapshot = await first.dumpDataDir('none');
  await first.close();
  return async () => {
    const db = await create({ loadDataDir: snapshot });
    return { exec: (sql, options) => db.exec(sql, options), close: () => db.close() };
  };
}
