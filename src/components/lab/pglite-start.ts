/**
 * PGlite as the SQL and API lab workers start it: its WebAssembly, its trimmed file system bundle and the empty
 * cluster, fetched at once with a count of the bytes posted to the page for its progress bar (engine-download.ts),
 * then the databases the runners open (pglite-databases.ts). Were the cluster not to load, PGlite starts by
 * `initdb` on its own untrimmed files.
 */
import { PGlite } from '@electric-sql/pglite';
import { bundle, cluster, wasm } from 'virtual:atlas-engine-files';
import { compileCounting, progressCounter, readCounting } from '../../lib/labs/engine-download.ts';
import { clusterBlob } from '../../lib/labs/pglite-cluster.ts';
import { pgliteDatabases } from '../../lib/labs/pglite-databases.ts';
import type { WorkerReply } from '../../lib/labs/worker-protocol.ts';

/** Loads PGlite's files, posting progress with `post`, and opens the databases on them. */
export async function pageDatabases(post: (reply: WorkerReply) => void) {
  const count = progressCounter([wasm, bundle, cluster], (progress) =>
    post({ type: 'progress', what: 'Postgres', ...progress }),
  );
  const [pgliteWasmModule, bundleBytes, clusterBytes] = await Promise.all([
    compileCounting(wasm.url, count),
    fetch(bundle.url).then((response) => readCounting(response, count)),
    fetch(cluster.url).then((response) => readCounting(response, count)),
  ]);
  const fsBundle = new Blob([bundleBytes as Uint8Array<ArrayBuffer>]);
  return pgliteDatabases(
    (options) => PGlite.create(options?.loadDataDir ? { ...options, pgliteWasmModule, fsBundle } : options),
    () => clusterBlob(() => Promise.resolve(clusterBytes)),
  );
}
