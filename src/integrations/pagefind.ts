import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { EXACT_DIR, type ExactPage, exactShards } from '../lib/exact-ranking.ts';
import { englishOnly } from '../lib/pagefind-bundle.ts';

/**
 * Indexes the built site with Pagefind right after `astro build`, so `dist/` always ships with its search
 * index, then writes the exact-phrase shards by Pagefind page id (src/lib/exact-ranking.ts) and keeps only the
 * English strings in the Component UI script (src/lib/pagefind-bundle.ts). Only elements marked
 * `data-pagefind-body` are indexed. Any Pagefind error fails the build.
 */

/** UI bundles Pagefind always writes that the site does not use (it uses the Component UI). */
const UNUSED_UI = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];

interface Fragment {
  url: string;
  meta: Record<string, string | undefined>;
}

/**
 * Every indexed page with its Pagefind id (the id search results carry) and the exact phrases its HTML holds
 * (`data-search-exact`, written by SearchTerms.astro). A fragment file is gzip'd "pagefind_dcd" + JSON: one page,
 * or, when Pagefind bundles fragments, an object of pages by id.
 */
export function exactPages(site: string): ExactPage[] {
  const dir = join(site, 'pagefind', 'fragment');
  const fragments: [string, Fragment][] = readdirSync(dir).flatMap((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    const json = JSON.parse(text.slice(text.indexOf('{'))) as Fragment | Record<string, Fragment>;
    return typeof json.url === 'string' ? [[name.replace(/\.pf_fragment$/, ''), json as Fragment]] : Object.entries(json as Record<string, Fragment>);
  });
  return fragments.flatMap(([id, { url, meta }]) => {
    const path = decodeURI(new URL(url, 'https://site.invalid').pathname);
    const html = readFileSync(join(site, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
    const exact = /data-search-exact="([^"]*)"/.exec(html)?.[1];
    return exact ? [{ id, topic: meta.type === 'topic', phrases: exact.replace(/&amp;/g, '&').split('|') }] : [];
  });
}
export default function pagefind(): AstroIntegration {
  return {
    name: 'backend-atlas:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const fail = (step: string, errors: readonly string[]) => {
          if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
        };
        try {
          const { index, errors } = await createIndex({});
          fail('createIndex', errors);
          if (!index) throw new Error('Pagefind createIndex returned no index');
          const added = await index.addDirectory({ path: site });
          fail('addDirectory', added.errors);
          if (added.page_count === 0) throw new Error('Pagefind indexed no pages: is data-pagefind-body missing?');
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          fail('writeFiles', written.errors);
          for (const file of UNUSED_UI) rmSync(join(site, 'pagefind', file), { force: true });
          const ui = join(site, 'pagefind', 'pagefind-component-ui.js');
          writeFileSync(ui, englishOnly(readFileSync(ui, 'utf8')));
          logger.info(`Pagefind indexed ${added.page_count} pages into ${site}pagefind`);
          const pages = exactPages(site);
          const shards = Object.entries(exactShards(pages));
          mkdirSync(join(site, EXACT_DIR), { recursive: true });
          for (const [name, shard] of shards) writeFileSync(join(site, EXACT_DIR, `${name}.json`), JSON.stringify(shard));
          logger.info(`Exact-phrase shards for ${pages.length} pages in ${site}${EXACT_DIR.slice(1)}`);
        } finally {
          await close();
        }
      },
    },
  };
}
