import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/**
 * Astro bundles its whole content store (every entry with its rendered HTML) into the server code that renders the
 * pages, as one `JSON.parse("…")` string: the bundler parses and copies it, and Node keeps the bundled source and
 * the string alive while the pages render, beside the store itself. In a build, the server code reads the store
 * from the file Astro wrote at content sync instead, the same JSON Astro would have inlined. At 2,000 topics this
 * took 350 MB off the build's peak (docs/benchmarks.md, "Measured choices").
 */
export const CONTENT_STORE_MODULE = '\0astro:data-layer-content';
/** Where Astro keeps the content store of a build (Astro's `getDataStoreFile`, not exported). */
const STORE_FILE = 'data-store.json';

/** The module that stands in for the bundled store: it reads `file` when the server code first needs the store. */
const storeModule = (file: string) =>
  `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;

/** The Vite plugin: loads the store module from `file` in server builds, before Astro's own loader inlines it. */
export function storeFromDisk(file: string): Plugin {
  return {
    name: 'backend-atlas:content-store-from-disk',
    apply: 'build',
    load: {
      order: 'pre',
      filter: { id: new RegExp(`^${CONTENT_STORE_MODULE}$`) },
      handler(id) {
        // Astro's loader answers when there is no file (an empty store) and in the browser's build.
        if (id !== CONTENT_STORE_MODULE || this.environment.config.consumer !== 'server' || !existsSync(file))
          return null;
        return { code: storeModule(file), map: { mappings: '' } };
      },
    },
  };
}

export default function contentStoreFromDisk(): AstroIntegration {
  return {
    name: 'backend-atlas:content-store-from-disk',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        updateConfig({ vite: { plugins: [storeFromDisk(fileURLToPath(new URL(STORE_FILE, config.cacheDir)))] } });
      },
    },
  };
}
