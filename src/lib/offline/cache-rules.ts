/**
 * What the site keeps for offline reading, decided in one place.
 * Read by the build (src/after-build/offline.ts) and by the service worker (src/components/offline/service-worker.ts),
 * so no DOM APIs either.
 *
 * Every cache the worker fills belongs to one build: it is named `atlas-<build version>-<part>`, and a new worker
 * refills its own caches before the old ones are deleted, so a page is never shown with another build's assets.
 */

export const WORKER_URL = '/sw.js';
/** The page the worker answers with when a page is neither online nor kept. */
export const OFFLINE_PAGE = '/offline/';
export const CACHE_PREFIX = 'atlas-';
/** Pages a learner visited that are kept (the least recently visited go first). */
export const MAX_VISITED_PAGES = 80;
/** Data files fetched by pages and kept as fetched (a topic's review card is 2 KB). */
export const MAX_KEPT_DATA = 300;

/** The list of files that "Save this roadmap for offline" fetches, written by the build. */
export const roadmapListUrl = (roadmap: string) => `/offline/${roadmap}.json`;

/**
 * What a roadmap page is saved as, by its path: its id ("beginner-path") in English, the id after the language's
 * prefix in another ("pt-br/beginner-path"), whose list holds that language's pages.
 */
export const roadmapOfflineKey = (pagePath: string): string =>
  pagePath
    .replace(/^\//, '')
    .replace(/(^|\/)roadmaps\//, '$1')
    .replace(/\/(index\.html)?$/, '');

/** A file of the build the worker precaches; `revision` changes whenever its content does. */
interface PrecacheEntry {
  url: string;
  revision: string;
}

/** What the worker is built with: one version for the whole shell, and the shell itself. */
export interface Precache {
  version: string;
  entries: PrecacheEntry[];
}

/** One roadmap's offline copy: its page, its topics' pages, their labs and the search index. */
export interface RoadmapList {
  roadmap: string;
  title: string;
  /** page: the roadmap and its topics; lab: their labs' pages; index: search; engine: the lab engines' files. */
  files: { url: string; bytes: number; kind: 'page' | 'lab' | 'index' | 'engine'; title?: string }[];
}

/** The caches of one build version. */
export function cacheNames(version: string) {
  const name = (part: string) => `${CACHE_PREFIX}${version}-${part}`;
  return {
    prefix: name(''),
    shell: name('shell'),
    pages: name('pages'),
    /** Search index chunks and other content-hashed files fetched at runtime. */
    kept: name('kept'),
    /** Data files a page fetched that are not in the shell (a topic's review card), kept for reading offline. */
    data: name('data'),
    roadmap: (id: string) => name(`roadmap-${id}`),
  };
}

/** The roadmap id of a saved roadmap's cache name, if it is one. */
export function roadmapOfCache(cacheName: string): string | undefined {
  return /^atlas-[^-]+-roadmap-(.+)$/.exec(cacheName)?.[1];
}

/** Files whose names carry a hash of their content: one URL is always the same bytes, so any copy may serve it. */
function isImmutable(path: string): boolean {
  return (
    path.startsWith('/_astro/') ||
    /^\/pagefind\/(index|fragment|filter)\//.test(path) ||
    /^\/pagefind\/[^/]+\.pf_meta$/.test(path)
  );
}

/**
 * How the worker answers a request.
 * - page: network first (a new deploy is seen at once), kept; offline: the kept copy, else the offline page.
 * - cache-first: content-hashed files (never stale); fetched ones are kept.
 * - network-first: the rest of the site's own files (data a page fetches, the search UI code, icons), each kept as
 *   fetched; offline: that copy or this build's.
 * - none: not handled (other origins, the worker itself, non-GET).
 */
export type Strategy = 'page' | 'cache-first' | 'network-first' | 'none';

export function strategyFor(url: URL, origin: string, { navigate = false, method = 'GET' } = {}): Strategy {
  if (method !== 'GET' || url.origin !== origin || url.pathname === WORKER_URL) return 'none';
  if (navigate || url.pathname.endsWith('/') || url.pathname.endsWith('.html')) return 'page';
  return isImmutable(url.pathname) ? 'cache-first' : 'network-first';
}

/** The kept copy of a page is the page without its query or fragment (`?share=…` shows the same page). */
export const pageKey = (url: URL) => `${url.origin}${url.pathname}`;

const SHELL_FILES = [
  /^\/_astro\//,
  /^\/pagefind\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[^/]+\.pagefind|[^/]+\.pf_meta)$/,
  /^\/pagefind\/filter\//,
  /^\/search-exact\//,
  /^\/(favicon\.svg|favicon-32\.png|apple-touch-icon\.png|icon-[^/]+\.png|manifest\.webmanifest)$/,
  // What a learner's own roadmap, the builder and a walk through one need to know of the atlas (custom-roadmap/catalog.ts).
  /^\/roadmaps\/catalog\.json$/,
  // The flashcards' questions (src/pages/practice/bank.json.ts): practice works offline.
  /^\/practice\/bank\.json$/,
  // The small data files pages fetch (13 KB gzip): a roadmap's lab ticks, new marks and reset, search's "did you mean".
  /^\/(labs\/topics|changes\/topics|roadmaps\/topics|search-vocabulary)\.json$/,
  // The project checker (about 60 KB gzip, every project's contract inside): a project page's download works offline.
  /^\/atlas-check\.mjs$/,
];

/**
 * Where the lab engines start, by kind of lab: the editor (loaded on "Start the lab") and the workers of that kind
 * (every worker must be named here: the editor refers to all of them, and a kind's files stop at the others').
 * What these load (PGlite's 15 MB of WebAssembly and data, QuickJS, Pyodide's 13 MB, CodeMirror) is left out of the
 * shell: it is kept when a learner first starts a lab (asked for with `keep-engine`), and saved with a roadmap that
 * has labs. `python` is Pyodide alone (a Python code lab fetches no Postgres); `python-db` is Pyodide beside PGlite,
 * for a Python database lab and an API lab answered in Python.
 */
export const LAB_ENGINE_ENTRIES = {
  sql: /^\/_astro\/(workbench|sql-worker)[.-]/,
  code: /^\/_astro\/(workbench|code-worker)[.-]/,
  api: /^\/_astro\/(workbench|api-worker)[.-]/,
  python: /^\/_astro\/(workbench|python-worker)[.-]/,
  'python-db': /^\/_astro\/(workbench|python-db-worker|python-db-database-worker|python-api-worker)[.-]/,
} as const;

/**
 * PGlite's own file system bundle (pglite.data, 6.2 MB), which its script names but the engines never fetch: they
 * start PGlite on the trimmed copy (pglite-bundle-…, src/components/lab/pglite-start.ts) and the build's empty
 * cluster. Only PGlite's `initdb` reads it, the fallback for a cluster that does not load. It is neither shell nor a
 * lab engine's file to keep or save; like every hashed file, it is kept once fetched.
 */
export const INITDB_ONLY = /^\/_astro\/pglite\.[\w-]+\.data$/;

export type LabEngineKind = keyof typeof LAB_ENGINE_ENTRIES;
/** The engine files of each kind of lab, as the build found them (src/after-build/offline.ts), for the worker. */
export type LabEngineLists = Record<LabEngineKind, string[]>;

/**
 * The files the worker fetches for a `keep-engine` message, which is input from outside: only a kind the build
 * listed, and only its files of this origin's /_astro/.
 */
export function engineFilesToKeep(lists: LabEngineLists, kind: unknown, origin: string): string[] {
  if (typeof kind !== 'string' || !Object.hasOwn(lists, kind)) return [];
  return lists[kind as LabEngineKind]
    .map((path) => new URL(path, origin))
    .filter((url) => url.origin === origin && url.pathname.startsWith('/_astro/'))
    .map((url) => url.href);
}

/**
 * The shell the worker precaches, from the URL paths of every file in the build: the site's CSS, JS and fonts,
 * the search UI code and its small index files (with the exact-phrase shards that rank its results), the icons
 * and the offline page. Pages, search index chunks, link preview cards and the lab engines (`labEngine`) are not shell;
 * they are kept when used or saved. Nor is PGlite's `initdb` bundle (INITDB_ONLY).
 */
export function shellUrls(paths: readonly string[], labEngine: ReadonlySet<string> = new Set()): string[] {
  const shell = paths.filter(
    (path) =>
      path === `${OFFLINE_PAGE}index.html` ||
      (SHELL_FILES.some((pattern) => pattern.test(path)) &&
        !path.endsWith('.map') &&
        !labEngine.has(path) &&
        !INITDB_ONLY.test(path)),
  );
  return shell.map((path) => (path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path)).sort();
}

/** Topic pages a roadmap page links to, in any language (/topics/x/, /pt-br/topics/x/): the pages its offline copy saves. */
export function topicLinks(roadmapHtml: string): string[] {
  return [
    ...new Set(
      [...roadmapHtml.matchAll(/href="((?:\/[a-z]{2}(?:-[a-z]+)?)?\/topics\/[^/"#?]+\/)"/g)].map((m) => m[1]!),
    ),
  ].sort();
}
