/**
 * Every data file a page fetches is there offline: each `fetch(` of the site's own files in the page code
 * (src/components/ and the src/lib/ modules pages load) is listed here with the file it reads, and each file is in
 * the shell the service worker precaches, or (one file per topic) kept by the worker as the page fetches it. A new
 * `fetch(` fails this test until it is listed and cached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_URL } from '../../../src/lib/custom-roadmap/catalog.ts';
import { LAB_TOPICS_URL } from '../../../src/lib/labs/shared/lab-spec.ts';
import { shellUrls, strategyFor } from '../../../src/lib/offline/cache-rules.ts';
import { PRACTICE_BANK_URL } from '../../../src/lib/questions/question-filters.ts';
import { VOCABULARY_URL } from '../../../src/lib/search/did-you-mean.ts';
import { EXACT_DIR } from '../../../src/lib/search/exact-ranking.ts';
import { CHANGES_URLS } from '../../../src/lib/site/urls.ts';

/** What each fetch's first argument reads: a file in the shell, one kept as fetched, or none of the pages' data. */
const FETCHED: Record<string, { shell: string } | { kept: string } | { not: string }> = {
  LAB_TOPICS_URL: { shell: LAB_TOPICS_URL },
  'CHANGES_URLS.topicDates': { shell: CHANGES_URLS.topicDates },
  "'/roadmaps/topics.json'": { shell: '/roadmaps/topics.json' },
  VOCABULARY_URL: { shell: VOCABULARY_URL },
  PRACTICE_BANK_URL: { shell: PRACTICE_BANK_URL },
  CATALOG_URL: { shell: CATALOG_URL },
  '`${EXACT_DIR}${name}.json`': { shell: `${EXACT_DIR}go.json` },
  // One per topic (195 KB gzip for all): kept when /practice/topics/ fetches it.
  '`/topic-review/${id}.json`': { kept: '/topic-review/jwt.json' },
  // The lab engines' empty cluster: cached with the engine when a lab starts, saved with a roadmap's labs.
  url: { not: 'src/lib/labs/database/pglite-cluster.ts' },
  // PGlite's WebAssembly, file bundle and empty cluster, fetched by the lab worker with a byte count for its progress
  // bar: engine files, cached with the engine when a lab starts, not pages' data.
  'wasm.url': { not: 'src/components/lab/pglite-start.ts' },
  'bundle.url': { not: 'src/components/lab/pglite-start.ts' },
  'cluster.url': { not: 'src/components/lab/pglite-start.ts' },
  // Pyodide's runtime, WebAssembly and standard library, fetched by the Python lab workers with a byte count for the
  // progress bar: engine files, cached with the engine when a lab starts, not pages' data.
  'file.url': { not: 'src/components/lab/pyodide-download.ts' },
};

/** The service worker's own modules (src/components/offline/): what they fetch is the worker's, not a page's. */
const WORKER_MODULES = new Set(['service-worker.ts', 'keep-engine.ts', 'engine-gzip.ts', 'saved-roadmaps.ts']);

/** Page code: TypeScript under src/components and src/lib, less the worker itself and Node's lab engines. */
function pageSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.endsWith('labs-node') ? [] : pageSources(path);
    return /\.(ts|astro)$/.test(entry.name) && !WORKER_MODULES.has(entry.name) ? [path] : [];
  });
}

/** Calls of the global `fetch`, not in comments, and not a handler's `async fetch(request, env)` in a message or `<code>fetch(…)</code>` in a page. */
const calls = ['src/components', 'src/lib'].flatMap(pageSources).flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/)/.test(line))
    .flatMap((line) => [...line.matchAll(/(?<![\w.>]|async )fetch\(([^,)]+)/g)])
    .map((m) => ({ file, argument: m[1]! })),
);

describe('the data files pages fetch', () => {
  it('are each listed here', () => {
    expect(calls.length).toBeGreaterThan(5);
    for (const { file, argument } of calls) expect(FETCHED, `${file}: fetch(${argument})`).toHaveProperty([argument]);
  });

  it('are in the shell the worker precaches, or kept as a page fetches them', () => {
    const listed = Object.values(FETCHED);
    const shell = listed.flatMap((read) => ('shell' in read ? [read.shell] : []));
    const decoys = ['/topics/jwt/index.html', '/og/topics/jwt.png', '/offline/backend-developer.json'];
    expect(shellUrls([...shell, ...decoys].sort())).toEqual([...shell].sort());
    const origin = 'https://backend-atlas.dev';
    for (const read of listed)
      if ('kept' in read) expect(strategyFor(new URL(read.kept, origin), origin), read.kept).toBe('network-first');
  });
});
