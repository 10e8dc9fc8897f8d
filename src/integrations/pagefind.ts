import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex, type NewFileResponse, type PagefindIndex } from 'pagefind';
import { EXACT_DIR, type ExactPage, exactShards } from '../lib/search/exact-ranking.ts';
import { englishOnly, type Fragment, fragmentPages } from './pagefind-bundle.ts';
import { orderedSink, pageFile, setPageSink } from '../lib/content/rendered-pages.ts';

/**
 * Indexes the site with Pagefind as `astro build` renders it, so `dist/` always ships with its search index: each
 * page is handed to Pagefind as soon as it is rendered (src/lib/content/rendered-pages.ts), and Pagefind indexes it on
 * another core while the next pages render; once the build is written, the index is. Then the exact-phrase
 * shards are written by Pagefind page id (src/lib/search/exact-ranking.ts) and only the English strings are kept in the
 * Component UI script (src/integrations/pagefind-bundle.ts). Only elements marked `data-pagefind-body` are indexed. Any
 * Pagefind error fails the build.
 */

/** UI bundles Pagefind always writes that the site does not use (it uses the Component UI). */
const UNUSED_UI = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/** Where a page's HTML holds its exact phrases, `|`-separated (written by SearchTerms.astro). */
const EXACT_PHRASES = /data-search-exact="([^"]*)"/;

/** Every page Pagefind indexed, by its Pagefind page id. */
const indexedPages = (site: string): [string, Fragment][] => {
  const dir = join(site, 'pagefind', 'fragment');
  return readdirSync(dir).flatMap((name) => fragmentPages(name, readFileSync(join(dir, name))));
};

/** The indexed pages that have exact phrases, from `exactOf`: the attribute's value in a page's HTML, by the file it was written to. */
function exactPages(
  indexed: readonly [string, Fragment][],
  exactOf: (file: string) => string | undefined,
): ExactPage[] {
  return indexed.flatMap(([id, { url, meta }]) => {
    const exact = exactOf(pageFile(new URL(url, 'https://site.invalid').pathname));
    return exact ? [{ id, topic: meta.type === 'topic', phrases: exact.replace(/&amp;/g, '&').split('|') }] : [];
  });
}

export default function pagefind(): AstroIntegration {
  let index: PagefindIndex | undefined;
  const added: Promise<NewFileResponse>[] = [];
  /** Each rendered page's exact phrases, by the file it is written to. */
  const exact = new Map<string, string>();
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
            const phrases = EXACT_PHRASES.exec(html)?.[1];
            if (phrases) exact.set(file, phrases);
            // Kept as a result (an error included) until build:done reads them all.
            added.push(
              pages
                .addHTMLFile({ sourcePath: file, content: html })
                .catch((error: unknown) => ({ errors: [`${file}: ${String(error)}`] }) as NewFileResponse),
            );
          }),
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        setPageSink(undefined);
        const site = fileURLToPath(dir);
        try {
          if (!index) throw new Error('Pagefind has no index: astro:build:start did not run');
          fail(
            'addHTMLFile',
            (await Promise.all(added)).flatMap((result) => result.errors),
          );
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          fail('writeFiles', written.errors);
          const indexed = indexedPages(site);
          if (indexed.length === 0)
            throw new Error(`Pagefind indexed none of the ${added.length} pages: is data-pagefind-body missing?`);
          for (const file of UNUSED_UI) rmSync(join(site, 'pagefind', file), { force: true });
          const ui = join(site, 'pagefind', 'pagefind-component-ui.js');
          writeFileSync(ui, englishOnly(readFileSync(ui, 'utf8')));
          logger.info(
            `Pagefind indexed ${indexed.length} of ${added.length} pages, each as it was rendered, into ${site}pagefind`,
          );
          const pages = exactPages(indexed, (file) => exact.get(file));
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
