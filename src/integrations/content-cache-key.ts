/**
 * The name of Astro's content cache. Astro parses, checks and renders again only the files whose text changed, so
 * a change to the code that does that (the collections' loader and checks, the schemas, our Markdown plugins, and
 * everything they import) would leave entries read by the old code. That code is found, not listed: esbuild follows
 * the imports of the loader, the collections' config and the plugins, and the text of every module it reaches is
 * part of the name, so changing any of it starts a fresh cache.
 */
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the code that reads content starts: the loader (and its checks), the collections, the Markdown plugins. */
const CONTENT_CODE_ENTRIES = [
  'src/content.config.ts',
  'src/lib/content/content-loader.ts',
  'src/markdown/diagrams.ts',
  'src/markdown/highlight-code.ts',
  'src/markdown/scroll-tables.ts',
];

/** Our modules that `entries` import, directly or not, with the entries themselves, from the project root. */
export function contentCodeFiles(root: string, entries = CONTENT_CODE_ENTRIES): string[] {
  const { metafile } = buildSync({
    absWorkingDir: root,
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'out',
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs).sort();
}

/** Twelve hex digits naming the cache of one content tree read by the code it is read with now. */
export function contentCacheKey(root: string, contentDir: string): string {
  const code = createHash('sha256');
  for (const file of contentCodeFiles(root)) code.update(file).update(readFileSync(resolve(root, file)));
  return createHash('sha256').update(resolve(root, contentDir)).update(code.digest('hex')).digest('hex').slice(0, 12);
}
