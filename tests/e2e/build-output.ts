/** Reads the production build in dist/: the sitemap's pages and the HTML files, for checks over every page. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { distDir } from '../../src/environment.ts';

/** The build under test: dist/ unless ATLAS_DIST names another output folder (see playwright.config.ts). */
export const DIST = resolve(join(import.meta.dirname, '../..'), distDir());

/** Site-relative paths of every page listed in the sitemap, sorted. */
export function sitemapPaths(): string[] {
  const index = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.replace(/^\//, ''));
  return maps
    .flatMap((file) =>
      [...readFileSync(join(DIST, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
    )
    .sort();
}

/** Every HTML file of the build, as a site-relative URL path ("/topics/jwt/") and its text. */
export function builtPages(): { path: string; html: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : full.endsWith('.html') ? [full] : [];
    });
  return walk(DIST).map((file) => {
    const rel = `/${relative(DIST, file).replaceAll('\\', '/')}`;
    const path = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
    return { path, html: readFileSync(file, 'utf8') };
  });
}
