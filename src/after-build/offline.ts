import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  INITDB_ONLY,
  LAB_ENGINE_ENTRIES,
  type LabEngineKind as LabKind,
  type LabEngineLists,
  OFFLINE_PAGE,
  type Precache,
  type RoadmapList,
  roadmapListUrl,
  roadmapOfflineKey,
  shellUrls,
  topicLinks,
  WORKER_URL,
} from '../lib/offline/cache-rules.ts';
import { isReservedRoadmapId } from '../lib/site/urls.ts';
import { sourcePath } from '../i18n/locales.ts';
import { gzipEngineFiles } from './engine-gzip.ts';
import { fileOf, localLab, titleOf } from './offline-pages.ts';

/**
 * Offline reading, written after the search index (src/cli/after-build.ts), whose files it lists:
 * - dist/offline/<roadmap>.json: what "Save this roadmap for offline" fetches (pages, labs, the search index);
 * - dist/sw.js: the service worker (src/components/offline/service-worker.ts), bundled by Vite with Workbox, and
 *   this build's shell, each file with a content revision, written in by Workbox's injectManifest.
 * The rules for what is cached are in src/lib/offline/cache-rules.ts.
 */

const WORKER_SOURCE = fileURLToPath(new URL('../components/offline/service-worker.ts', import.meta.url));

/** Every file of the build as a site-relative URL path ("/_astro/x.js", "/topics/jwt/index.html"), sorted. */
export function listFiles(dist: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  return walk(dist)
    .map((file) => `/${relative(dist, file).replaceAll('\\', '/')}`)
    .sort();
}

const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

const KINDS = Object.keys(LAB_ENGINE_ENTRIES) as LabKind[];
const engineSet = (engines: LabEngineLists) => new Set(KINDS.flatMap((kind) => engines[kind]));

/** A script a page loads itself (Astro names them after their component): the shell's, whatever else imports it. */
const PAGE_SCRIPT = /_astro_type_script_/;

/**
 * The files only the lab engines use, per kind of lab: every file of /_astro/ reachable from the engine entries
 * (a file refers to another by its hashed name: imports, workers, WebAssembly and data URLs), less those that
 * the rest of the site's scripts reach too (shared chunks stay in the shell), page scripts first among them.
 * PGlite's `initdb` bundle, which no engine fetches (INITDB_ONLY), is not followed, as source maps are not.
 */
export function labEngineFiles(dist: string, paths: readonly string[]): LabEngineLists {
  const assets = paths.filter((p) => p.startsWith('/_astro/') && !p.endsWith('.map') && !INITDB_ONLY.test(p));
  const refs = new Map<string, string[]>();
  const referenced = (path: string) => {
    let found = refs.get(path);
    if (!found) {
      const text = path.endsWith('.js') ? readFileSync(fileOf(dist, path), 'utf8') : '';
      found = assets.filter((other) => other !== path && text.includes(basename(other)));
      refs.set(path, found);
    }
    return found;
  };
  /** Files reachable from `roots`, not entering `stop` (the engine entries the site only loads on demand). */
  const closure = (roots: readonly string[], stop: ReadonlySet<string> = new Set()) => {
    const seen = new Set(roots);
    for (const path of seen) for (const next of referenced(path)) if (!stop.has(next)) seen.add(next);
    return seen;
  };
  const rootsOf = (kind: LabKind) => assets.filter((p) => LAB_ENGINE_ENTRIES[kind].test(p));
  const entries = new Set(KINDS.flatMap(rootsOf));
  const engine = closure([...entries]);
  const site = closure(
    assets.filter((p) => p.endsWith('.js') && (!engine.has(p) || PAGE_SCRIPT.test(p))),
    entries,
  );
  // The editor refers to every worker; a kind's files stop at the other kinds' workers.
  const only = (kind: LabKind) => {
    const own = rootsOf(kind);
    return [...closure(own, new Set([...entries].filter((p) => !own.includes(p))))].filter((p) => !site.has(p)).sort();
  };
  return Object.fromEntries(KINDS.map((kind) => [kind, only(kind)])) as LabEngineLists;
}

/** The shell with a revision per file (the lab engines left out); the version changes whenever any file of the shell does. */
export function precacheOf(
  dist: string,
  paths: readonly string[],
  labEngine: ReadonlySet<string> = engineSet(labEngineFiles(dist, paths)),
): Precache {
  // An engine file's gzipped copy (engine-gzip.ts) is the engine's too, never shell.
  const engine = new Set([...labEngine].flatMap((path) => [path, `${path}.gz`]));
  const entries = shellUrls(paths, engine).map((url) => ({ url, revision: hash(readFileSync(fileOf(dist, url))) }));
  if (!entries.some((e) => e.url === OFFLINE_PAGE))
    throw new Error(`Offline: the build has no ${OFFLINE_PAGE} page to precache`);
  return { version: hash(JSON.stringify(entries)), entries };
}

/** Each lab page (/labs/<id>/) with its kind and the topics it practises (the topic pages it links to). */
function labPages(dist: string, paths: readonly string[]) {
  return paths
    .filter((p) => /^\/labs\/[^/]+\/index\.html$/.test(p))
    .map((p) => {
      const html = readFileSync(join(dist, p), 'utf8');
      const engine = /<atlas-lab-workbench[^>]*data-engine="([\w-]+)"/.exec(html)?.[1];
      // A design lab's simulator is a small chunk of the shell, not an engine saved with the roadmap.
      const kind = engine === undefined || engine === 'design' ? undefined : (engine as LabKind);
      if (kind !== undefined && !KINDS.includes(kind)) throw new Error(`Offline: ${p} names no lab engine (${kind})`);
      // An API lab offered in Python too (its language picker) runs on Pyodide beside PGlite as well.
      const kinds: LabKind[] = !kind
        ? []
        : kind === 'api' && html.includes('data-languages')
          ? [kind, 'python-db']
          : [kind];
      return { url: p.slice(0, -'index.html'.length), kinds, topics: new Set(topicLinks(html)), title: titleOf(html) };
    });
}

/**
 * One list per roadmap page in each language (/roadmaps/<id>/, /pt-br/roadmaps/<id>/): the roadmap, the topics its map
 * links (in the page's language where translated), the labs of its topics with the engine files
 * they need, and the whole search index. The index is every file Pagefind wrote under index/ and fragment/: which
 * fragment holds which page is Pagefind's own business, so search keeps working offline for every page it finds,
 * and the index is saved once, however many roadmaps are.
 */
export function roadmapLists(
  dist: string,
  paths: readonly string[],
  engines: LabEngineLists = labEngineFiles(dist, paths),
  gzipped: ReadonlyMap<string, number> = new Map(),
): RoadmapList[] {
  const labs = labPages(dist, paths);
  const index = paths.filter((p) => /^\/pagefind\/(index|fragment)\//.test(p));
  const size = (url: string) => statSync(fileOf(dist, url)).size;
  return paths
    .filter((p) => {
      const id = /^\/roadmaps\/([^/]+)\/index\.html$/.exec(sourcePath(p))?.[1];
      return !!id && !isReservedRoadmapId(id);
    })
    .map((file) => {
      const page = file.slice(0, -'index.html'.length);
      const roadmap = roadmapOfflineKey(page);
      const html = readFileSync(fileOf(dist, page), 'utf8');
      const pages = [page, ...topicLinks(html)];
      if (pages.length < 2) throw new Error(`Offline: ${page} links to no topic page`);
      const files: RoadmapList['files'] = [];
      for (const url of pages)
        files.push({ url, bytes: size(url), kind: 'page', title: titleOf(readFileSync(fileOf(dist, url), 'utf8')) });
      for (const url of index) files.push({ url, bytes: size(url), kind: 'index' });
      // A lab page links the English topic pages; a translated roadmap has the same topics under its prefix.
      const onRoadmap = labs.filter((lab) => pages.some((p) => lab.topics.has(sourcePath(p))));
      // Each lab in the roadmap's language where it is translated (fallback copies are written after the lists).
      for (const { url, title } of onRoadmap.map((lab) => localLab(dist, page, lab)))
        files.push({ url, bytes: size(url), kind: 'lab', title });
      const engineFiles = new Set(onRoadmap.flatMap((lab) => lab.kinds.flatMap((kind) => engines[kind])));
      // A file the worker fetches by its gzipped copy costs that copy's size.
      for (const url of [...engineFiles].sort())
        files.push({ url, bytes: gzipped.get(url) ?? size(url), kind: 'engine' });
      return { roadmap, title: titleOf(html), files };
    });
}

/**
 * Builds the worker: Vite (Astro's own bundler) bundles the source with Workbox, this build's version and its lab
 * engines' files (kept on a page's `keep-engine`) into a classic script (module service workers are not everywhere
 * yet), then Workbox's injectManifest writes the precache list into it.
 */
export async function bundleWorker(
  precache: Precache,
  engines: LabEngineLists,
  gzipped: readonly string[] = [],
): Promise<string> {
  const [{ build }, { injectManifest }] = await Promise.all([import('vite'), import('workbox-build')]);
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: {
      __ATLAS_VERSION__: JSON.stringify(precache.version),
      __ATLAS_LAB_ENGINES__: JSON.stringify(engines),
      __ATLAS_GZIPPED__: JSON.stringify(gzipped),
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: WORKER_SOURCE, formats: ['iife'], name: 'atlasWorker', fileName: () => 'sw.js' },
    },
  });
  const chunk = (Array.isArray(output) ? output[0] : output) as { output: { type: string; code?: string }[] };
  const code = chunk.output.find((o) => o.type === 'chunk')?.code;
  if (!code) throw new Error('Offline: bundling the service worker produced no code');
  const work = mkdtempSync(join(tmpdir(), 'atlas-sw-'));
  try {
    writeFileSync(join(work, 'source.js'), code);
    const { warnings } = await injectManifest({
      swSrc: join(work, 'source.js'),
      swDest: join(work, 'sw.js'),
      globDirectory: work,
      globPatterns: [],
      additionalManifestEntries: precache.entries,
    });
    if (warnings.length > 0) throw new Error(`Offline: Workbox: ${warnings.join('; ')}`);
    return readFileSync(join(work, 'sw.js'), 'utf8');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes the offline lists and the service worker into `dist`, which already holds the search index. */
export async function writeOfflineFiles(dist: string, paths: readonly string[] = listFiles(dist)): Promise<string> {
  const engines = labEngineFiles(dist, paths);
  const gzipped = gzipEngineFiles(dist, engineSet(engines));
  const lists = roadmapLists(dist, paths, engines, gzipped);
  for (const list of lists) {
    const file = join(dist, roadmapListUrl(list.roadmap));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(list));
  }
  const precache = precacheOf(dist, paths, engineSet(engines));
  writeFileSync(join(dist, WORKER_URL), await bundleWorker(precache, engines, [...gzipped.keys()]));
  return `Service worker ${precache.version}: ${precache.entries.length} shell files; offline lists for ${lists.length} roadmaps; lab engines outside the shell: ${engines.sql.length} SQL files, ${engines.code.length} code files, ${engines.api.length} API files, ${engines.python.length} Python files, ${engines['python-db'].length} Python-with-Postgres files, ${gzipped.size} of them stored gzipped too`;
}
