/**
 * PGlite as the SQL and API lab workers and the Python labs' database worker start it: its WebAssembly, its trimmed
 * file system bundle and the empty cluster, fetched at once with a count of the bytes posted (`post`) to the page for
 * its progress bar (engine-download.ts), then the databases the runners open (pglite-databases.ts). Were the cluster
 * not to load, PGlite starts by `initdb` on its own untrimmed files.
 */
import { PGlite } from '@electric-sql/pglite';
import { bundle, cluster, wasm } from 'virtual:atlas-engine-files';
import { asSent, compileCounting, progressCounter, readCounting } from '../../lib/labs/shared/engine-download.ts';
import { clusterBlob } from '../../lib/labs/database/pglite-cluster.ts';
import { pgliteDatabases } from '../../lib/labs/pglite-databases.ts';
import { LAB_START_PARAMS } from '../../lib/labs/database/pglite-start-params.ts';
import type { WorkerReply } from '../../lib/labs/shared/worker-protocol.ts';

/** Marks a step of the start in the worker's timeline, where `npm run measure` reads it (src/cli/cdp-workers.ts). */
const step =
  (name: string) =>
  <T>(value: T): T => {
    performance.mark(`pglite: ${name}`);
    return value;
  };

/** Loads PGlite's files, posting progress with `post`, and opens the databases on them. */
export async function pageDatabases(post: (reply: WorkerReply) => void) {
  step('start')(undefined);
  const [wasmResponse, bundleResponse, clusterResponse] = await Promise.all([
    fetch(wasm.url),
    fetch(bundle.url),
    fetch(cluster.url),
  ]);
  const count = progressCounter([wasm, bundle, asSent(cluster, clusterResponse)], (progress) =>
    post({ type: 'progress', what: 'Postgres', ...progress }),
  );
  const [pgliteWasmModule, bundleBytes, clusterBytes] = await Promise.all([
    compileCounting(wasmResponse, count).then(step('wasm compiled')),
    readCounting(bundleResponse, count).then(step('bundle read')),
    readCounting(clusterResponse, count).then(step('cluster read')),
  ]);
  const fsBundle = new Blob([bundleBytes as Uint8Array<ArrayBuffer>]);
  const databases = await pgliteDatabases(
    (options) =>
      PGlite.create(
        options?.loadDataDir ? { ...options, pgliteWasmModule, fsBundle, startParams: LAB_START_PARAMS } : options,
      ).then(step('postgres started')),
    () => clusterBlob(() => Promise.resolve(clusterBytes)),
  );
  return step('databases ready')(databases);
}
