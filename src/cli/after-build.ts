/**
 * The second half of `npm run build`, run once `astro build` has exited: the search index of the pages in dist/
 * (src/after-build/search-index.ts), then the offline lists and the service worker, which list the index's files
 * (src/after-build/offline.ts), after the project checker is bundled (src/after-build/checker.ts) and Pyodide's
 * files are copied in (src/lib/labs-node/python-files.ts); last, the English pages served in each other language
 * until translated (src/after-build/fallback-pages.ts). A process of its own, so Pagefind's memory, at its highest
 * while it writes the index, never adds to Astro's (docs/benchmarks.md, "Measured choices").
 * Options: `--dir` (default dist).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listFiles, writeOfflineFiles } from '../after-build/offline.ts';
import { writeChecker } from '../after-build/checker.ts';
import { writeSearchIndex } from '../after-build/search-index.ts';
import { writeFallbackPages } from '../after-build/fallback-pages.ts';
import { DEFAULT_SITE_URL } from '../lib/site/site.ts';
import { siteUrl } from '../environment.ts';
import { copyPyodide } from '../lib/labs-node/python-files.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' } } });
const dist = resolve(values.dir);
if (!existsSync(`${dist}/index.html`)) {
  console.error(`${dist} has no index.html: run \`astro build\` first (\`npm run build\` runs both).`);
  process.exit(1);
}
const started = performance.now();
try {
  const pages = listFiles(dist)
    .filter((path) => path.endsWith('.html'))
    .map((path) => path.slice(1));
  console.log(await writeSearchIndex(dist, pages));
  console.log(await writeChecker(dist, siteUrl() ?? DEFAULT_SITE_URL));
  // The Python labs' interpreter, before the offline files, which list it among the lab engines' files.
  console.log(`Pyodide copied: ${copyPyodide(dist).join(', ')}`);
  console.log(await writeOfflineFiles(dist));
  // Last: the search index finds each page once, in the language it is written in, and a roadmap saved for offline
  // is saved from its own page (the copy of an English one names the English list).
  console.log(writeFallbackPages(dist, pages));
  console.log(`Search index and offline files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
