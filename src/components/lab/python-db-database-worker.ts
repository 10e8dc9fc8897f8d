/**
 * The Python database labs' PostgreSQL (PGlite), in a worker of its own that lives as long as the lab page: each
 * Python engine the page starts (python-db-worker.ts, started again after a runaway loop) gets a new MessagePort to
 * it, and every port is served by the same database (src/lib/labs/python-db-port.ts).
 */
import { PGlite } from '@electric-sql/pglite';
import cluster from 'virtual:atlas-empty-cluster';
import { pgliteDatabases } from '../../lib/labs/pglite-databases.ts';
import { clusterBlob, fetchCluster } from '../../lib/labs/pglite-cluster.ts';
import { localBackend } from '../../lib/labs/python-db.ts';
import { serveBackend } from '../../lib/labs/python-db-port.ts';

const open = pgliteDatabases(
  (options) => PGlite.create(options),
  () => clusterBlob(fetchCluster(cluster)),
);
const backend = localBackend(async () => (await open)());

addEventListener('message', ({ data }: MessageEvent<{ type: 'engine-port'; port: MessagePort }>) => {
  if (data.type === 'engine-port') serveBackend(data.port, backend);
});
