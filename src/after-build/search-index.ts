import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { EXACT_DIR, type ExactPage, exactShards } from '../lib/search/exact-ranking.ts';

/**
 * The search index of a finished build, through Pagefind's documented Node API: Pagefind reads every HTML page of
 * `dist` (only elements marked `data-pagefind-body` are indexed) and writes the index to dist/pagefind/; the
 * exact-phrase shards go beside it, keyed by each page's Pagefind URL (src/lib/search/exact-ranking.ts).
 * It runs after `astro build` has exited (src/cli/after-build.ts), so Pagefind's peak memory, when it writes the
 * index, never adds to Astro's. Any Pagefind error fails the build.
 */

/** UI bundles Pagefind always writes that the site does not use: it drives pagefind.js itself (src/components/search/). */
const UNUSED_UI = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Where a page's HTML holds its exact phrases, the two names of a title "X (Y)" and what it lists, each
 * `|`-separated (written by SearchTerms.astro).
 */
const EXACT_PHRASES = /data-search-exact="([^"]*)"/;
const ALIAS_PHRASES = /data-search-aliases="([^"]*)"/;
const LISTED_PHRASES = /data-search-listed="([^"]*)"/;
const phrasesOf = (html: string, pattern: RegExp) => pattern.exec(html)?.[1]?.replace(/&amp;/g, '&').split('|');
/** How a topic page says what it is to Pagefind (BaseLayout.astro). */
const TOPIC_META = 'data-pagefind-meta="type:topic"';

/**
 * What a page shows the learner to act on or to read their own state from, never what it teaches: controls, badges,
 * state words, text only script fills in or only a sighted reader's eye uses. Pagefind leaves these out of every
 * page's indexed text, so no excerpt reads "Pythonintermediateabout 20 minPassed." or "0 of 3 finishedCopy link".
 * A list of facts about a card or a stage (its kind, level, time, weeks) is marked `data-pagefind-ignore` where it
 * is written (LabCard.astro, RoadmapMap.astro). tests/built/search-index-text.test.ts reads the index back.
 */
const INTERFACE_SELECTORS = [
  'button',
  'select',
  'label',
  '[role="status"]',
  '[hidden]',
  '[aria-hidden="true"]',
  '.badge',
  '.needs-script',
  '[data-state-label]',
];

const fail = (step: string, errors: readonly string[]) => {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
};

/**
 * The URL Pagefind gives the page in `file` (relative to the site folder): "/" and the path, less a final
 * "index.html" ("topics/jwt/index.html" → "/topics/jwt/", "404.html" → "/404.html").
 */
export const pagefindUrl = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * Indexes every HTML page of `dist` (Pagefind reads them, on all cores) into dist/pagefind/, then writes the
 * exact-phrase shards of `pages` (the same pages, relative to `dist`). Returns what to tell the person building.
 */
export async function writeSearchIndex(dist: string, pages: readonly string[]): Promise<string> {
  let indexed: number;
  // An index written before (after-build run again on the same build) would leave its fragments beside the new ones.
  rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
  try {
    const created = await createIndex({ excludeSelectors: INTERFACE_SELECTORS });
    fail('createIndex', created.errors);
    if (!created.index) throw new Error('Pagefind createIndex returned no index');
    const added = await created.index.addDirectory({ path: dist });
    fail('addDirectory', added.errors);
    const written = await created.index.writeFiles({ outputPath: join(dist, 'pagefind') });
    fail('writeFiles', written.errors);
    indexed = added.page_count;
  } finally {
    await close(); // before the pages are read again below, so Pagefind's memory is given back first
  }
  for (const file of UNUSED_UI) rmSync(join(dist, 'pagefind', file), { force: true });
  const exact: ExactPage[] = [];
  for (const file of pages) {
    const html = readFileSync(join(dist, file), 'utf8');
    const phrases = phrasesOf(html, EXACT_PHRASES);
    const aliases = phrasesOf(html, ALIAS_PHRASES);
    const listed = phrasesOf(html, LISTED_PHRASES);
    if (phrases)
      exact.push({
        url: pagefindUrl(file),
        topic: html.includes(TOPIC_META),
        phrases: [...phrases, ...(aliases ?? [])],
        ...(aliases ? { aliases } : {}),
        ...(listed ? { listed } : {}),
      });
  }
  if (exact.length === 0)
    throw new Error(
      `None of the ${pages.length} pages of ${dist} has search terms (data-search-exact): is SearchTerms.astro missing?`,
    );
  // Sorted by URL, so each shard lists its pages in one order from one build to the next.
  exact.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  mkdirSync(join(dist, EXACT_DIR), { recursive: true });
  for (const [name, shard] of Object.entries(exactShards(exact)))
    writeFileSync(join(dist, EXACT_DIR, `${name}.json`), JSON.stringify(shard));
  return `Pagefind indexed ${indexed} of ${pages.length} pages into ${join(dist, 'pagefind')}; exact-phrase shards for ${exact.length} pages`;
}
