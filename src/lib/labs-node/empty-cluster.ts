/**
 * The cluster PGlite's `initdb` makes, as a gzipped tar of its data directory (PGlite's `dumpDataDir`): made once
 * per installed PGlite, kept in node_modules/.cache, and given to the page as a file of the build (the Vite plugin
 * below, used by the SQL and API workers). Loading it takes a fraction of the seconds `initdb` spends in the page
 * (figures in docs/benchmarks.md, "Measured choices"); Node's lab engines load it too. PGlite documents this use of
 * `loadDataDir` and publishes such a file (@electric-sql/pglite-prepopulatedfs), but only for some releases, and
 * one made for another release may not load: this one is made by the PGlite the site ships.
 */
import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/atlas-empty-cluster', import.meta.url));

/** PGlite's engine files: the cluster is remade whenever one of them changes. */
const ENGINE_FILES = ['pglite.wasm', 'pglite.data', 'initdb.wasm'];

let made: Promise<string> | undefined;

/** The path of the empty cluster's file for the installed PGlite, made on first use. */
function emptyClusterFile(): Promise<string> {
  return (made ??= (async () => {
    const dist = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    const key = createHash('sha256');
    for (const name of ENGINE_FILES) key.update(readFileSync(join(dist, name)));
    const file = join(CACHE, `pglite-cluster-${key.digest('hex').slice(0, 16)}.tar.gz`);
    if (existsSync(file)) return file;
    const db = await PGlite.create();
    const tar = await db.dumpDataDir('gzip');
    await db.close();
    mkdirSync(CACHE, { recursive: true });
    // Written aside and renamed: builds, test workers and threads may make it at the same moment.
    const partial = `${file}.${process.pid}-${threadId}.partial`;
    writeFileSync(partial, Buffer.from(await tar.arrayBuffer()));
    renameSync(partial, file);
    return file;
  })());
}

/** The empty cluster's bytes, for Node's lab engines. */
export const emptyClusterBytes = async (): Promise<Uint8Array> => readFileSync(await emptyClusterFile());

const EMPTY_CLUSTER_MODULE = 'virtual:atlas-empty-cluster';

/** The Vite plugin whose module's default export is the URL of the empty cluster, a file of the build. */
export const emptyClusterPlugin = () => ({
  name: 'atlas-empty-cluster',
  resolveId: (id: string) => (id === EMPTY_CLUSTER_MODULE ? `\0${EMPTY_CLUSTER_MODULE}` : undefined),
  load: async (id: string) =>
    id === `\0${EMPTY_CLUSTER_MODULE}`
      ? `export { default } from ${JSON.stringify(`${await emptyClusterFile()}?url`)};`
      : undefined,
});
