import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fragmentPages } from '../lib/pagefind-bundle.ts';
import { withoutSiteName } from '../lib/site.ts';
import { OFFLINE_PAGE, type Precache, type RoadmapList, roadmapListUrl, shellUrls, topicLinks, WORKER_URL } from '../lib/offline.ts';

/**
 * Offline reading, built after the search index (so it must come after pagefind() in astro.config.mjs):
 * - dist/offline/<roadmap>.json: what "Save this roadmap for offline" fetches (pages, search fragments, index);
 * - dist/sw.js: the service worker (src/components/offline/service-worker.ts) with this build's shell, each file
 *   with a content revision, bundled by Vite (Astro's own bundler).
 * The rules for what is cached are in src/lib/offline.ts.
 */

const WORKER_SOURCE = fileURLToPath(new URL('../components/offline/service-worker.ts', import.meta.url));

/** Every file of the build as a site-relative URL path ("/_astro/x.js", "/topics/jwt/index.html"), sorted. */
export function listFiles(dist: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return walk(dist)
    .map((file) => `/${relative(dist, file).replaceAll('\\', '/')}`)
    .sort();
}

const fileOf = (dist: string, url: string) => join(dist, url.endsWith('/') ? `${url}index.html` : url);
const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** The shell with a revision per file; the version changes whenever any file of the shell does. */
export function precacheOf(dist: string, paths: readonly string[]): Precache {
  const entries = shellUrls(paths).map((url) => ({ url, revision: hash(readFileSync(fileOf(dist, url))) }));
  if (!entries.some((e) => e.url === OFFLINE_PAGE)) throw new Error(`Offline: the build has no ${OFFLINE_PAGE} page to precache`);
  return { version: hash(JSON.stringify(entries)), entries };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
function titleOf(html: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  return withoutSiteName(title.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name]!));
}

/** Which Pagefind fragment file holds which page, by the page's url. */
export function fragmentsByPage(dist: string, paths: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const path of paths.filter((p) => p.startsWith('/pagefind/fragment/'))) {
    for (const [, { url }] of fragmentPages(basename(path), readFileSync(join(dist, path)))) map.set(url, path);
  }
  return map;
}

/** One list per roadmap page (/roadmaps/<id>/): the roadmap, its topics, their fragments and the whole search index. */
export function roadmapLists(dist: string, paths: readonly string[]): RoadmapList[] {
  const fragments = fragmentsByPage(dist, paths);
  const index = paths.filter((p) => p.startsWith('/pagefind/index/'));
  const size = (url: string) => statSync(fileOf(dist, url)).size;
  return paths
    .map((p) => /^\/roadmaps\/([^/]+)\/index\.html$/.exec(p)?.[1])
    .filter((id): id is string => !!id)
    .map((roadmap) => {
      const html = readFileSync(join(dist, 'roadmaps', roadmap, 'index.html'), 'utf8');
      const pages = [`/roadmaps/${roadmap}/`, ...topicLinks(html)];
      if (pages.length < 2) throw new Error(`Offline: /roadmaps/${roadmap}/ links to no topic page`);
      const files: RoadmapList['files'] = [];
      for (const url of pages) {
        files.push({ url, bytes: size(url), kind: 'page', title: titleOf(readFileSync(fileOf(dist, url), 'utf8')) });
        const fragment = fragments.get(url);
        if (fragment) files.push({ url: fragment, bytes: size(fragment), kind: 'fragment' });
      }
      for (const url of index) files.push({ url, bytes: size(url), kind: 'index' });
      return { roadmap, title: titleOf(html), files };
    });
}

/** Bundles the worker with its precache list (a classic script: module service workers are not everywhere yet). */
export async function bundleWorker(precache: Precache): Promise<string> {
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { __PRECACHE__: JSON.stringify(precache) },
    build: { write: false, minify: true, target: 'es2022', lib: { entry: WORKER_SOURCE, formats: ['iife'], name: 'atlasWorker', fileName: () => 'sw.js' } },
  });
  const chunk = (Array.isArray(output) ? output[0] : output) as { output: { type: string; code?: string }[] };
  const code = chunk.output.find((o) => o.type === 'chunk')?.code;
  if (!code) throw new Error('Offline: bundling the service worker produced no code');
  return code;
}

export default function offline(): AstroIntegration {
  return {
    name: 'backend-atlas:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const paths = listFiles(dist);
        const lists = roadmapLists(dist, paths);
        for (const list of lists) writeFileSync(join(dist, roadmapListUrl(list.roadmap)), JSON.stringify(list));
        const precache = precacheOf(dist, paths);
        writeFileSync(join(dist, WORKER_URL), await bundleWorker(precache));
        logger.info(`Service worker ${precache.version}: ${precache.entries.length} shell files; offline lists for ${lists.length} roadmaps`);
      },
    },
  };
}
