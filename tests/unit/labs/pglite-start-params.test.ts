/**
 * The labs' Postgres, started on the empty cluster with the labs' parameters: 16 MB of shared buffers (a start
 * that allocates and zeroes less), and PGlite's own settings kept (a learner's tables land in `public`, and an
 * error does not end the session).
 */
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { clusterBlob } from '../../../src/lib/labs/database/pglite-cluster.ts';
import { LAB_START_PARAMS } from '../../../src/lib/labs/database/pglite-start-params.ts';
import { emptyClusterBytes } from '../../../src/lib/labs-node/empty-cluster.ts';

describe("the labs' Postgres start", () => {
  it("runs on 16 MB of shared buffers, with PGlite's own settings kept", async () => {
    const cluster = await clusterBlob(emptyClusterBytes);
    if (!cluster) throw new Error('no prebuilt empty cluster: the labs start from one');
    const db = await PGlite.create({ loadDataDir: cluster, startParams: LAB_START_PARAMS });
    try {
      const setting = async (name: string) =>
        (await db.query<{ value: string }>(`SELECT current_setting('${name}') AS value`)).rows[0]?.value;
      expect(await setting('shared_buffers')).toBe('16MB');
      expect(await setting('search_path')).toBe('public');
      expect(await setting('exit_on_error')).toBe('off');
      await expect(db.exec('SELECT 1/0')).rejects.toThrow(/division by zero/);
      expect((await db.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  }, 60_000);
});
