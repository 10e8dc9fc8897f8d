/**
 * The service worker (built into dist/sw.js by src/integrations/offline.ts, which supplies __PRECACHE__).
 * Rules for what is cached live in src/lib/offline.ts. One build = one set of caches: install fills this build's
 * shell and refreshes the pages and saved roadmaps the previous build kept; activate deletes the other builds'
 * caches. A new worker waits until the page's "reload" (SKIP_WAITING), so an open page never switches builds.
 */
import {
  CACHE_PREFIX,
  cacheNames,
  MAX_VISITED_PAGES,
  OFFLINE_PAGE,
  type Precache,
  pageKey,
  type RoadmapList,
  roadmapListUrl,
  roadmapOfCache,
  strategyFor,
} from '../../lib/offline';

declare const __PRECACHE__: Precache;

// The few worker types used here, declared locally: the "webworker" lib would retype `window` for the whole project.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
declare const self: {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
};

const { version, entries } = __PRECACHE__;
const names = cacheNames(version);
/** Where the shell cache records the revision of each file, so the next build refetches only what changed. */
const REVISIONS = '/__precache-revisions.json';

self.addEventListener('install', (event) => event.waitUntil(install()));
self.addEventListener('activate', (event) => event.waitUntil(activate()));
self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  const strategy = strategyFor(url, self.location.origin, { navigate: request.mode === 'navigate', method: request.method });
  if (strategy === 'page') event.respondWith(page(event, url));
  else if (strategy === 'cache-first') event.respondWith(cacheFirst(event));
  else if (strategy === 'network-first') event.respondWith(networkFirst(request, url));
});
self.addEventListener('message', (event) => {
  const { type, roadmap } = (event.data ?? {}) as { type?: string; roadmap?: string };
  const reply = (message: object) => event.ports[0]?.postMessage(message);
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  else if (type === 'save-roadmap' && roadmap)
    event.waitUntil(
      saveRoadmap(roadmap, reply).then(
        () => roadmapStatus(roadmap).then(reply),
        (error: Error) => caches.delete(names.roadmap(roadmap)).then(() => reply({ error: error.message })),
      ),
    );
  else if (type === 'remove-roadmap' && roadmap) event.waitUntil(caches.delete(names.roadmap(roadmap)).then(() => reply({ saved: false })));
  else if (type === 'roadmap-status' && roadmap) event.waitUntil(roadmapStatus(roadmap).then(reply));
});

async function install() {
  const shell = await caches.open(names.shell);
  const previous = await previousShell();
  await Promise.all(
    entries.map(async ({ url, revision }) => {
      const unchanged = previous?.revisions[url] === revision ? await previous.cache.match(url, MATCH) : undefined;
      const response = unchanged ?? (await fetch(url, { cache: 'no-cache' }));
      if (!response.ok) throw new Error(`Precaching ${url} failed: ${response.status}`);
      await shell.put(url, response);
    }),
  );
  await shell.put(REVISIONS, Response.json(Object.fromEntries(entries.map((e) => [e.url, e.revision]))));
  await carryOver();
}

async function activate() {
  await carryOver(); // roadmaps saved with the old worker while this one waited
  for (const key of await caches.keys()) if (key.startsWith(CACHE_PREFIX) && !key.startsWith(names.prefix)) await caches.delete(key);
  await self.clients.claim();
}

/** The newest other build's shell, with its revisions. */
async function previousShell() {
  for (const key of (await caches.keys()).reverse()) {
    if (!key.startsWith(CACHE_PREFIX) || key.startsWith(names.prefix) || !key.endsWith('-shell')) continue;
    const cache = await caches.open(key);
    const revisions = (await (await cache.match(REVISIONS))?.json()) as Record<string, string> | undefined;
    if (revisions) return { cache, revisions };
  }
  return undefined;
}

/** Refills this build's caches with what older builds kept: visited pages and saved roadmaps, fresh from the network. */
async function carryOver() {
  const mine = new Set((await caches.keys()).filter((key) => key.startsWith(names.prefix)));
  const pages = await caches.open(names.pages);
  for (const key of await caches.keys()) {
    if (!key.startsWith(CACHE_PREFIX) || key.startsWith(names.prefix)) continue;
    const roadmap = roadmapOfCache(key);
    if (roadmap && !mine.has(names.roadmap(roadmap))) {
      await saveRoadmap(roadmap).catch(() => caches.delete(names.roadmap(roadmap)));
    } else if (key.endsWith('-pages')) {
      const visited = await (await caches.open(key)).keys();
      await Promise.allSettled(
        visited.map(async (request) => {
          if (await pages.match(request, MATCH)) return;
          const response = await fetch(request.url, { cache: 'no-cache' });
          if (keepable(response)) await pages.put(request.url, response);
        }),
      );
    }
  }
}

/**
 * Copies are looked up ignoring Vary: servers send `Vary: Origin`, and a module script's request carries an Origin
 * header that the worker's own precaching fetch did not, so the precached copy would never match.
 */
const MATCH: CacheQueryOptions = { ignoreSearch: true, ignoreVary: true };

const keepable = (response: Response) => response.ok && !response.redirected && response.type === 'basic';

async function page(event: FetchEvent, url: URL): Promise<Response> {
  const key = pageKey(url);
  try {
    const response = await fetch(event.request);
    if (keepable(response) && response.headers.get('Content-Type')?.includes('text/html')) event.waitUntil(keepPage(key, response.clone()));
    return response;
  } catch (error) {
    const kept = (await matchHere(key)) ?? (await caches.match(OFFLINE_PAGE, { cacheName: names.shell, ignoreVary: true }));
    if (kept) return kept;
    throw error;
  }
}

/** Keeps a visited page, most recent last, and lets the least recently visited go beyond the limit. */
async function keepPage(key: string, response: Response) {
  const pages = await caches.open(names.pages);
  await pages.delete(key);
  await pages.put(key, response);
  const keys = await pages.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_VISITED_PAGES))) await pages.delete(old);
}

async function cacheFirst(event: FetchEvent): Promise<Response> {
  const cached = await caches.match(event.request, { ignoreVary: true }); // content-hashed: any copy is the right bytes
  if (cached) return cached;
  const response = await fetch(event.request);
  if (keepable(response)) {
    const copy = response.clone();
    event.waitUntil(caches.open(names.kept).then((kept) => kept.put(event.request, copy)));
  }
  return response;
}

async function networkFirst(request: Request, url: URL): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await matchHere(`${url.origin}${url.pathname}`);
    if (cached) return cached;
    throw error;
  }
}

/** A copy from this build's caches only: shell first, then visited pages, then saved roadmaps. */
async function matchHere(key: string): Promise<Response | undefined> {
  const mine = (await caches.keys()).filter((name) => name.startsWith(names.prefix));
  mine.sort((a, b) => rank(a) - rank(b));
  for (const name of mine) {
    const hit = await (await caches.open(name)).match(key, MATCH);
    if (hit) return hit;
  }
  return undefined;
}
const rank = (name: string) => (name === names.shell ? 0 : name === names.pages ? 1 : 2);

/** Fetches a roadmap's list and every file on it; the list itself goes in last, marking the copy complete. */
async function saveRoadmap(roadmap: string, progress?: (message: object) => void) {
  const listResponse = await fetch(roadmapListUrl(roadmap), { cache: 'no-cache' });
  if (!listResponse.ok) throw new Error(`No offline list for ${roadmap} (${listResponse.status})`);
  const list = (await listResponse.json()) as RoadmapList;
  const cache = await caches.open(names.roadmap(roadmap));
  const kept = await caches.open(names.kept);
  const totalBytes = list.files.reduce((n, f) => n + f.bytes, 0);
  let done = 0;
  let bytes = 0;
  const queue = [...list.files];
  const fetchNext = async (): Promise<void> => {
    const file = queue.shift();
    if (!file) return;
    // The search index and the lab engines are shared by every saved roadmap: kept once, in the kept cache.
    const shared = file.kind === 'index' || file.kind === 'engine';
    const target = shared ? kept : cache;
    if (!(shared && (await kept.match(file.url, MATCH)))) {
      const response = await fetch(file.url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`Saving ${file.url} failed: ${response.status}`);
      await target.put(file.url, response);
    }
    done++;
    bytes += file.bytes;
    progress?.({ done, total: list.files.length, bytes, totalBytes });
    return fetchNext();
  };
  await Promise.all(Array.from({ length: 6 }, fetchNext));
  await cache.put(roadmapListUrl(roadmap), Response.json(list));
}

async function roadmapStatus(roadmap: string) {
  if (!(await caches.has(names.roadmap(roadmap)))) return { saved: false };
  const list = await (await caches.open(names.roadmap(roadmap))).match(roadmapListUrl(roadmap));
  if (!list) return { saved: false };
  const { files } = (await list.json()) as RoadmapList;
  return { saved: true, pages: files.filter((f) => f.kind === 'page').length, bytes: files.reduce((n, f) => n + f.bytes, 0) };
}
