/**
 * Every internal link and #anchor in the build resolves: the target page exists in dist/ (or is a redirect
 * page) and, when the link has a fragment, that page has an element with that id; a link to a file that is not a
 * page (a feed, an image, the project checker) names a file the build has. Checks all built pages.
 */
import { expect, test } from './fixtures.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, DIST } from './build-output.ts';

test('every internal link and anchor in the build resolves', () => {
  const pages = builtPages();
  const ids = new Map(pages.map((p) => [p.path, new Set([...p.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))]));
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    for (const [, raw] of page.html.matchAll(/<a\s[^>]*?href="([^"]+)"/g)) {
      const href = raw!.replaceAll('&amp;', '&');
      if (/^(https?:|mailto:|data:)/.test(href)) continue;
      const url = new URL(href, `http://site${page.path}`);
      if (url.pathname.startsWith('/pagefind/')) continue;
      checked++;
      // A file that is not a page (a feed, an image, the project checker, an OpenAPI document) must be in the build.
      if (/\.(?!html$)[a-z0-9]+$/.test(url.pathname)) {
        if (!existsSync(join(DIST, decodeURIComponent(url.pathname))))
          broken.push(`${page.path} → ${href} (no such file)`);
        continue;
      }
      const target = ids.get(url.pathname) ?? ids.get(decodeURIComponent(url.pathname));
      if (!target) broken.push(`${page.path} → ${href} (no such page)`);
      else if (url.hash && !target.has(decodeURIComponent(url.hash.slice(1))))
        broken.push(`${page.path} → ${href} (no element with that id)`);
    }
  }
  console.log(`links: ${checked} internal links checked across ${pages.length} built pages`);
  expect(broken).toEqual([]);
});
