import type { AstroIntegration } from 'astro';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex, type NewFileResponse, type PagefindIndex } from 'pagefind';
import { EXACT_DIR, type ExactPage, exactShards } from '../lib/search/exact-ranking.ts';
import { orderedSink, setPageSink } from '../lib/content/rendered-pages.ts';

/**
 * Indexes the site with Pagefind's documented Node API as `astro build` renders it, so `dist/` always ships with its
 * search index: each page is handed to Pagefind as soon as it is rendered (src/lib/content/rendered-pages.ts), and
 * Pagefind indexes it on another core while the next pages render; once the build is written, the index is. Then
 * the exact-phrase shards are written, keyed by the URL Pagefind gave each page (src/lib/search/exact-ranking.ts).
 * Only elements marked `data-pagefind-body` are indexed. Any Pagefind error fails the build.
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

/** Where a page's HTML holds its exact phrases, `|`-separated (written by SearchTerms.astro). */
const EXACT_PHRASES = /data-search-exact="([^"]*)"/;
/** How a topic page says what it is to Pagefind (BaseLayout.astro). */
const TOPIC_META = 'data-pagefind-meta="type:topic"';

export default function pagefind(): AstroIntegration {
  let index: PagefindIndex | undefined;
  const added: Promise<NewFileResponse>[] = [];
  /** The pages with exact phrases, by the URL Pagefind gives them. */
  const exact: ExactPage[] = [];
  const fail = (step: string, errors: readonly string[]) => {
    if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
  };
  return {
    name: 'backend-atlas:pagefind',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build')
          addMiddleware({ entrypoint: new URL('./rendered-pages-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:build:start': async () => {
        const created = await createIndex({});
        if (created.errors.length > 0 || !created.index) await close(); // the build ends here: no Pagefind left running
        fail('createIndex', created.errors);
        if (!created.index) throw new Error('Pagefind createIndex returned no index');
        const pages = (index = created.index);
        setPageSink(
          orderedSink((file, html) => {
            const phrases = EXACT_PHRASES.exec(html)?.[1]?.replace(/&amp;/g, '&').split('|');
            const topic = html.includes(TOPIC_META);
            // Kept as a result (an error included) until build:done reads them all.
            added.push(
              pages.addHTMLFile({ sourcePath: file, content: html }).then(
                (response) => {
                  if (phrases && response.file) exact.push({ url: response.file.url, topic, phrases });
                  return response;
                },
                (error: unknown) => ({ errors: [`${file}: ${String(error)}`] }) as NewFileResponse,
              ),
            );
          }),
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        setPageSink(undefined);
        const site = fileURLToPath(dir);
        try {
          if (!index) throw new Error('Pagefind has no index: astro:build:start did not run');
          const responses = await Promise.all(added);
          fail(
            'addHTMLFile',
            responses.flatMap((result) => result.errors),
          );
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          fail('writeFiles', written.errors);
          if (exact.length === 0)
            throw new Error(
              `None of the ${added.length} pages Pagefind indexed has search terms (data-search-exact): is SearchTerms.astro missing?`,
            );
          for (const file of UNUSED_UI) rmSync(join(site, 'pagefind', file), { force: true });
          logger.info(`Pagefind indexed ${added.length} pages, each as it was rendered, into ${site}pagefind`);
          // Sorted, so a build writes the same shards whatever order Pagefind answered in.
          const pages = exact.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
          const shards = Object.entries(exactShards(pages));
          mkdirSync(join(site, EXACT_DIR), { recursive: true });
          for (const [name, shard] of shards)
            writeFileSync(join(site, EXACT_DIR, `${name}.json`), JSON.stringify(shard));
          logger.info(`Exact-phrase shards for ${pages.length} pages in ${site}${EXACT_DIR.slice(1)}`);
        } finally {
          await close();
        }
      },
    },
  };
}
