/**
 * The SQL lab engine: PostgreSQL 18 compiled to WebAssembly (PGlite), in a worker so a long query never freezes the
 * page. It starts on the empty cluster the build made (src/lib/labs/pglite-cluster.ts), and every dataset of every run
 * gets an empty in-memory database (src/lib/labs/pglite-databases.ts).
 */
import { PGlite } from '@electric-sql/pglite';
import cluster from 'virtual:atlas-empty-cluster';
import { serveSqlLabs } from '../../lib/labs/lab-servers.ts';
import { pgliteDatabases } from '../../lib/labs/pglite-databases.ts';
import { clusterBlob, fetchCluster } from '../../lib/labs/pglite-cluster.ts';
import type { EngineRequest } from '../../lib/labs/worker-protocol.ts';

serveSqlLabs(
  {
    post: (message) => postMessage(message),
    onRequest: (handle) => addEventListener('message', ({ data }: MessageEvent<EngineRequest>) => handle(data)),
  },
  pgliteDatabases(
    (options) => PGlite.create(options),
    () => clusterBlob(fetchCluster(cluster)),
  ),
);
