/**
 * The cluster PGlite's `initdb` makes, as a gzipped tar of its data directory (PGlite's `dumpDataDir`): made once
 * per installed PGlite, kept in node_modules/.cache; the build gives the page a copy with its WAL trimmed
 * (./engine-files.ts, for the SQL, API and Python database workers). Loading it takes a fraction of the seconds
 * `initdb` spends in the page (figures in docs/benchmarks.md, "Measured choices"); Node's lab engines load it too.
 * PGlite documents this use of `loadDataDir` and publishes such a file (@electric-sql/pglite-prepopulatedfs), but
 * only for some releases, and one made for another release may not load: this one is made by the PGlite the site
 * ships.
 */
import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { zeroWalBeforeRedo } from './engine-trim.ts';

const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/atlas-empty-cluster', import.meta.url));

/** PGlite's engine files: the cluster is remade whenever one of them changes. */
const ENGINE_FILES = ['pglite.wasm', 'pglite.data', 'initdb.wasm'];

let made: Promise<string> | undefined;

/** The path of the empty cluster's file for the installed PGlite, made on first use. */
export function emptyClusterFile(): Promise<string> {
  return (made ??= (async () => {
    const dist = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
    const key = createHash('sha256');
    for (const name of ENGINE_FILES) key.update(readFileSync(join(dist, name)));
    const file = join(CACHE, `pglite-cluster-v2-${key.digest('hex').slice(0, 16)}.tar.gz`);
    if (existsSync(file)) return file;
    writeAside(file, gzipSync(await makeCluster(), { level: 9 }));
    return file;
  })());
}

/**
 * The cluster `initdb` makes without its template databases (two near-copies of `postgres`, a third of the bytes
 * each; only CREATE DATABASE reads them, which no lab runs), checkpointed so its WAL before that is zeroed
 * (engine-trim.ts): 4.5 MB of gzip become 1.0 MB.
 */
async function makeCluster(): Promise<Uint8Array> {
  const db = await PGlite.create();
  await db.exec(`ALTER DATABASE template0 IS_TEMPLATE false; ALTER DATABASE template1 IS_TEMPLATE false;`);
  await db.exec('DROP DATABASE template0');
  await db.exec('DROP DATABASE template1');
  await db.exec('CHECKPOINT');
  const tar = new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
  await db.close();
  return zeroWalBeforeRedo(tar);
}

/** Writes a cache file aside and renames it: builds, test workers and threads may make it at the same moment. */
export function writeAside(file: string, bytes: Uint8Array) {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
}

/** The empty cluster's bytes, for Node's lab engines. */
export const emptyClusterBytes = async (): Promise<Uint8Array> => readFileSync(await emptyClusterFile());
