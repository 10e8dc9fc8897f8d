// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { CONTENT_DIR } from './src/lib/content/content-files.ts';
import { DEFAULT_SITE_URL } from './src/lib/site/site.ts';
import { renderDiagrams } from './src/markdown/diagrams.ts';
import { highlightCode } from './src/markdown/highlight-code.ts';
import { scrollTables } from './src/markdown/scroll-tables.ts';
import aliasRedirects from './src/integrations/alias-redirects.ts';
import contentStoreFromDisk from './src/integrations/content-store-from-disk.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { contentCacheKey } from './src/integrations/content-cache-key.ts';
import { engineFilesPlugin } from './src/lib/labs-node/engine-files.ts';
import { engineScriptsPlugin } from './src/lib/labs-node/engine-scripts.ts';
import { pyodidePlugin } from './src/lib/labs-node/python-files.ts';
import { siteUrl } from './src/environment.ts';

/** Astro's content cache is named by the content tree and the code that reads it (content-cache-key.ts). */
const cacheKey = contentCacheKey(import.meta.dirname, CONTENT_DIR);

/** Bytes under which a page's own stylesheet is inlined: the roadmap's map (7.5 KB) and the lab page's (10 KB), not the site's (50 KB). */
const PAGE_CSS_INLINE_LIMIT = 16_000;

/** The public origin the site is served from; canonical URLs, the sitemap and link preview cards use it. */
const site = siteUrl() ?? DEFAULT_SITE_URL;

export default defineConfig({
  // Code is highlighted by our Shiki plugin into classes (highlighters' inline styles would break the CSP).
  // ```mermaid blocks become SVG figures first (src/markdown/diagrams.ts), so the highlighter never sees them.
  markdown: {
    syntaxHighlight: false,
    processor: satteri({ hastPlugins: [renderDiagrams, highlightCode, scrollTables] }),
  },
  site,
  trailingSlash: 'always',
  // English at the root, each translation under its prefix (src/i18n/locales.ts says the same, for our own code).
  // No Astro fallback (it would render every untranslated page again): a translated page links the English page where
  // there is no translation (src/i18n/content.ts), and the build serves each English page under every prefix with a
  // line saying it is not translated yet (src/after-build/fallback-pages.ts).
  i18n: {
    locales: ['en', { path: 'pt-br', codes: ['pt-BR', 'pt'] }],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false, redirectToDefaultLocale: false },
  },
  // Two pages at a time: while one waits on its file write, the next renders. More gained nothing and each adds
  // memory (figures in docs/benchmarks.md, "Measured choices").
  build: { concurrency: 2 },
  // Astro's content cache, per checkout, content tree and Markdown plugins (cacheKey). Its default home,
  // node_modules/.astro, can be shared by several checkouts (a symlinked node_modules), and entries cached from
  // another tree or schema come back stale.
  cacheDir: `.astro/cache/${cacheKey}`,
  // The search index and the offline files are written after `astro build` exits (src/cli/after-build.ts).
  integrations: [
    contentStoreFromDisk(),
    aliasRedirects(),
    mdx(),
    sitemap({
      // Each page's other languages as <xhtml:link hreflang> in the sitemap, as the pages' own head gives them.
      i18n: { defaultLocale: 'en', locales: { en: 'en', 'pt-br': 'pt-BR' } },
      filter: (page) => !page.includes('/404') && !page.endsWith('/offline/') && !page.endsWith('/roadmaps/custom/'),
    }),
    securityHeaders(),
  ],
  vite: {
    // The lab workers' virtual modules are served by the main plugins in `astro dev`, by the worker plugins in a build.
    plugins: [tailwindcss(), engineScriptsPlugin(), engineFilesPlugin(), pyodidePlugin()],
    // Lab engines run in module workers (src/components/lab/*-worker.ts), which evaluate the engine's scripts (built
    // by the plugin from src/lib/labs/engine/), load parts on demand (sucrase, and fast-check as a script, built by the
    // same plugin) and start PGlite on the trimmed files and the empty cluster that engineFilesPlugin makes files of
    // the build.
    // Their files are named as the pages' are, so a page finds an engine's file by the URL its worker fetched
    // (engine-cached.ts asks the cache for it).
    worker: {
      format: 'es',
      plugins: () => [engineScriptsPlugin(), engineFilesPlugin(), pyodidePlugin()],
      rollupOptions: { output: { assetFileNames: '_astro/[name].[hash][extname]' } },
    },
    // PGlite and Pyodide find their WebAssembly and data files beside their modules; Vite's dev pre-bundling would
    // move them away.
    optimizeDeps: { exclude: ['@electric-sql/pglite', 'pyodide'] },
    build: {
      // A page's own stylesheet goes in the page (Astro hashes it for the CSP), so a page blocks its first paint on one
      // stylesheet, the site's; other assets keep Vite's 4 KB rule (a data: URL would break connect-src 'self').
      assetsInlineLimit: (file, content) =>
        file.endsWith('.css') ? content.length <= PAGE_CSS_INLINE_LIMIT : undefined,
      rollupOptions: {
        // The small modules nearly every page's script shares (the element base, storage, parts, site constants, walk
        // keys) go out as one chunk: as five they cost a request and a gzip frame each on every page.
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'site-core',
                test: /src[\\/](components[\\/](element|storage|parts)|lib[\\/]site[\\/]site|lib[\\/]roadmap[\\/]walk-keys)\.ts$/,
              },
            ],
          },
        },
        // Astro marks every MDX entry with a "use astro:head-inject" directive that the bundler warns it may drop,
        // once per entry (withastro/astro#18087, harmless): thousands of lines that bury real warnings.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
