/**
 * Bytes a page costs on first view, measured on the build in dist/: the HTML, the stylesheets and scripts it
 * references, the modules those scripts import, and fonts, each gzip-compressed as a server would send them.
 * Used by `npm run measure` (prints) and tests/e2e/budget.spec.ts (enforces).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  fonts: number;
  total: number;
  files: { path: string; kind: 'html' | 'css' | 'js' | 'font'; gzip: number }[];
}

const gz = (buffer: Buffer) => gzipSync(buffer, { level: 6 }).length;

/** Site-relative path of a page ("/roadmaps/backend-developer/") → its file in dist. */
const fileOf = (dist: string, path: string) => join(dist, path.endsWith('/') ? `${path}index.html` : path);

function scriptImports(code: string, from: string): string[] {
  const base = from.slice(0, from.lastIndexOf('/') + 1);
  return [...code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)].map(
    (m) => new URL(m[1]!, `http://site${base}`).pathname,
  );
}

export function measurePage(dist: string, page: string): PageWeight {
  const html = readFileSync(fileOf(dist, page));
  const text = html.toString('utf8');
  const files: PageWeight['files'] = [{ path: page, kind: 'html', gzip: gz(html) }];
  const seen = new Set<string>();
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const queue = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  for (const href of css) {
    if (seen.has(href)) continue;
    seen.add(href);
    const body = readFileSync(join(dist, href));
    files.push({ path: href, kind: 'css', gzip: gz(body) });
    for (const [, font] of body.toString('utf8').matchAll(/url\(["']?([^"')]+\.(?:woff2?|ttf|otf))["']?\)/g)) {
      if (!seen.has(font!)) {
        seen.add(font!);
        files.push({ path: font!, kind: 'font', gzip: gz(readFileSync(join(dist, font!))) });
      }
    }
  }
  while (queue.length > 0) {
    const src = queue.shift()!;
    if (seen.has(src) || src.startsWith('/pagefind/')) continue;
    seen.add(src);
    const body = readFileSync(join(dist, src));
    files.push({ path: src, kind: 'js', gzip: gz(body) });
    queue.push(...scriptImports(body.toString('utf8'), src));
  }
  // Inline scripts and styles count as part of the HTML, which they are.
  const sum = (kind: PageWeight['files'][number]['kind']) =>
    files.filter((f) => f.kind === kind).reduce((n, f) => n + f.gzip, 0);
  const weight = { html: sum('html'), css: sum('css'), js: sum('js'), fonts: sum('font') };
  return { page, ...weight, total: weight.html + weight.css + weight.js + weight.fonts, files };
}

/** Budgets in gzip bytes. */
export const BUDGETS = {
  /** The roadmap page's own JavaScript (everything it loads on first view; search loads on first use). */
  roadmapJs: 12 * 1024,
  /** A project page's JavaScript before search (the build tracker and everything it imports). */
  projectJs: 12 * 1024,
  /**
   * The roadmap builder's JavaScript before search (the form, the edits, the hints and the store; the advert
   * matcher, the link codec and the search load on use): a tool page, like /progress/, above a roadmap page's.
   * 17 KB since 2026-11-26: the shared progress module gained the FSRS migration and the roadmap-work times
   * (about 600 B gzip), which every page that reads progress carries.
   */
  builderJs: 17 * 1024,
  /**
   * A learner's roadmap: a roadmap page's JavaScript plus the link decoder and the map drawn in the browser. 21 KB
   * since 2026-11-26, for the same growth of the shared progress module as the builder's.
   */
  customRoadmapJs: 21 * 1024,
  /** HTML + CSS + JS + fonts for the first view of the main backend roadmap. */
  mainRoadmapFirstView: 50 * 1024,
};
export const MAIN_ROADMAP = '/roadmaps/backend-developer/';
