/**
 * The engine files the SQL and API lab workers fetch themselves, with their sizes, so the page can show a real
 * progress bar and tell whether they are cached (src/lib/labs/shared/engine-download.ts): PGlite's WebAssembly, its file
 * system bundle with the files no lab reads zeroed (engine-trim.ts), and the empty cluster (empty-cluster.ts).
 * Sizes are the files' own bytes, which is what a download's body counts once the host's gzip is undone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyClusterFile, writeAside } from './empty-cluster.ts';
import { bundleFiles, zeroUnreadFiles } from './engine-trim.ts';

const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/atlas-empty-cluster', import.meta.url));
const PGLITE = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));

/** PGlite's script that lists its bundle's files. */
function bundleScript(): string {
  for (const name of readdirSync(PGLITE).filter((n) => n.endsWith('.js'))) {
    const script = readFileSync(join(PGLITE, name), 'utf8');
    if (script.includes('filename:"/pglite/')) return script;
  }
  throw new Error('engine-files: no PGlite script lists its bundle (has PGlite changed how it loads pglite.data?)');
}

let trimmed: string | undefined;

/** The path of PGlite's bundle with the unread files zeroed, made once per installed PGlite. */
function trimmedBundleFile(): string {
  if (trimmed) return trimmed;
  const data = readFileSync(join(PGLITE, 'pglite.data'));
  const file = join(CACHE, `pglite-bundle-${createHash('sha256').update(data).digest('hex').slice(0, 16)}.data`);
  if (!existsSync(file)) writeAside(file, zeroUnreadFiles(data, bundleFiles(bundleScript())));
  return (trimmed = file);
}

/** The trimmed bundle, for Node's lab engines: they run on what the page runs on. */
export const trimmedBundle = () => new Blob([readFileSync(trimmedBundleFile())]);

const MODULE = 'virtual:atlas-engine-files';

/** The Vite plugin whose module exports `wasm`, `bundle` and `cluster`: each a URL and a size. */
export const engineFilesPlugin = () => ({
  name: 'atlas-engine-files',
  resolveId: (id: string) => (id === MODULE ? `\0${MODULE}` : undefined),
  load: async (id: string) => {
    if (id !== `\0${MODULE}`) return undefined;
    const files = {
      wasm: join(PGLITE, 'pglite.wasm'),
      bundle: trimmedBundleFile(),
      cluster: await emptyClusterFile(),
    };
    const imports = Object.entries(files).map(
      ([name, path]) => `import ${name}Url from ${JSON.stringify(`${path}?url`)};`,
    );
    // A gzip file ends with the size of what it holds (mod 2^32): the cluster's tar, as a host that undoes the gzip sends it.
    const unpacked = (path: string) =>
      path.endsWith('.gz') ? `, unpacked: ${readFileSync(path).readUInt32LE(statSync(path).size - 4)}` : '';
    const exports = Object.entries(files).map(
      ([name, path]) => `export const ${name} = { url: ${name}Url, bytes: ${statSync(path).size}${unpacked(path)} };`,
    );
    return [...imports, ...exports].join('\n');
  },
});
