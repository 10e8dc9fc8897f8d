import type { AstroIntegration } from 'astro';
import { readContentDir } from '../lib/content/content-files.ts';
import { entryUrl } from '../lib/site/urls.ts';

/**
 * Stable URLs: every old id listed in an entry's `aliases` becomes a redirect page from the old URL to the
 * current one (Astro writes a meta-refresh page with a canonical link for static builds).
 */
export default function aliasRedirects(): AstroIntegration {
  return {
    name: 'backend-atlas:alias-redirects',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        const redirects: Record<string, string> = {};
        for (const entry of readContentDir()) {
          const aliases = (entry.data as { aliases?: unknown } | undefined)?.aliases;
          if (!Array.isArray(aliases)) continue;
          for (const alias of aliases) {
            if (typeof alias === 'string')
              redirects[entryUrl(entry.collection, alias)] = entryUrl(entry.collection, entry.id);
          }
        }
        updateConfig({ redirects });
      },
    },
  };
}
