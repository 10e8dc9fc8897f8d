import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/**
 * Indexes the built site with Pagefind right after `astro build`, so `dist/` always ships with its search
 * index. Only elements marked `data-pagefind-body` are indexed. Any Pagefind error fails the build.
 */

/** UI bundles Pagefind always writes that the site does not use (it uses the Component UI). */
const UNUSED_UI = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];
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
          logger.info(`Pagefind indexed ${added.page_count} pages into ${site}pagefind`);
        } finally {
          await close();
        }
      },
    },
  };
}
