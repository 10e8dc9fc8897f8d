/**
 * The Python labs' PostgreSQL (PGlite), in a worker of its own that lives as long as the lab page: each Python engine
 * the page starts (python-db-worker.ts, python-api-worker.ts, started again after a runaway loop) gets a new
 * MessagePort to it, and every port is served by the same PGlite (src/lib/labs/python/python-db-port.ts). It answers the
 * page's ping at once unless a statement holds it, so the page can tell a PGlite stuck in one and replace it.
 * PGlite starts as in the SQL and API labs (./pglite-start.ts): the trimmed file system bundle, the empty cluster and
 * their shared buffers, so a Python database lab fetches, keeps offline and runs on the same Postgres files; the
 * page's progress bar follows Pyodide's download, not this worker's.
 */
import { localBackend, serveBackend, serveDatabases } from '../../lib/labs/python/index.ts';
import { pageDatabases } from './pglite-start.ts';

const open = pageDatabases(() => {});
const backend = localBackend(async () => (await open)());
/** The databases of the API lab engine served last: a new engine means the page ended that one. */
let previous: ReturnType<typeof serveDatabases> | undefined;

type Message = { type: 'engine-port'; port: MessagePort; serve: 'driver' | 'databases' } | { type: 'ping' };

addEventListener('message', ({ data }: MessageEvent<Message>) => {
  if (data.type === 'ping') postMessage({ type: 'pong' });
  else if (data.serve === 'driver') serveBackend(data.port, backend);
  else {
    void previous?.close();
    previous = serveDatabases(data.port, async () => (await open)());
  }
});
