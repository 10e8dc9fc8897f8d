/**
 * PGlite as the SQL and API lab workers start it: its WebAssembly, its trimmed file system bundle and the empty
 * cluster, fetched at once with a count of the bytes posted to the page for its progress bar (engine-download.ts),
 * then the databases the runners open (pglite-databases.ts). Were the cluster not to load, PGlite starts by
 * `initdb` on its own untrimmed files.
 */
import { PGlite } from '@electric-sql/pglite';
import { bundle, cluster, wasm } from 'virtual:atlas-engine-files';
import { asSent, compileCounting, progressCounter, readCounting } from '../../lib/labs/engine-download.ts';
import { clusterBlob } from '../../lib/labs/pglite-cluster.ts';
import { pgliteDatabases } from '../../lib/labs/pglite-databases.ts';
import type { WorkerReply } from '../../lib/labs/worker-protocol.ts';

/** Loads PGlite's files, posting progress with `post`, and opens the databases on them. */
export async function pageDatabases(post: (reply: WorkerReply) => void) {
  const [wasmResponse, bundleResponse, clusterResponse] = await Promise.all([
    fetch(wasm.url),
    fetch(bundle.url),
    fetch(cluster.url),
  ]);
  const count = progressCounter([wasm, bundle, asSent(cluster, clusterResponse)], (progress) =>
    post({ type: 'progress', what: 'Postgres', ...progress }),
  );
  const [pgliteWasmModule, bundleBytes, clusterBytes] = await Promise.all([
    compileCounting(wasmResponse, count),
    readCounting(bundleResponse, count),
    readCounting(clusterResponse, count),
  ]);
  const fsBundle = new Blob([bundleBytes as Uint8Array<ArrayBuffer>]);
  return pgliteDatabases(
    (options) => PGlite.create(options?.loadDataDir ? { ...options, pgliteWasmModule, fsBundle } : options),
    () => clusterBlob(() => Promise.resolve(clusterBytes)),
  );
}
