/**
 * The service worker, built into dist/sw.js by src/after-build/offline.ts: bundled by Vite with this build's
 * version (`__ATLAS_VERSION__`), then given its precache list by Workbox's injectManifest (`self.__WB_MANIFEST`).
 * Rules for what is cached live in src/lib/offline/cache-rules.ts. Workbox precaches the shell and answers requests by
 * the rule `strategyFor` names; what is ours is saving a roadmap on request and carrying visited pages and saved
 * roadmaps over to a new build. One build = one set of caches: install fills this build's shell (Workbox) and refreshes
 * what the previous build kept; activate deletes the other builds' caches. A new worker waits until the page's "reload"
 * (SKIP_WAITING), so an open page never switches builds.
 */
import { setCacheNameDetails } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { addPlugins, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import {
  CACHE_PREFIX,
  cacheNames,
  engineFilesToKeep,
  type LabEngineLists,
  MAX_KEPT_DATA,
  MAX_VISITED_PAGES,
  OFFLINE_PAGE,
  pageKey,
  roadmapOfCache,
  strategyFor,
} from '../../lib/offline/cache-rules.ts';
import { isolationHeaders } from '../../lib/site/isolation.ts';
import { gzipPlugin } from './engine-gzip.ts';
import { keepEngineFiles, MATCH } from './keep-engine.ts';
import { roadmapStatus, saveRoadmap } from './saved-roadmaps.ts';

declare const __ATLAS_VERSION__: string;
declare const __ATLAS_LAB_ENGINES__: LabEngineLists;
/** The engine files the build also stored gzipped (src/after-build/engine-gzip.ts). */
declare const __ATLAS_GZIPPED__: string[];
const gzipped = new Set(__ATLAS_GZIPPED__);

// The few worker types used here, declared locally: the "webworker" lib would retype `window` for the whole project.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
declare const self: {
  readonly __WB_MANIFEST: PrecacheEntry[];
  readonly location: Location;
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly { url: string }[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
};

const names = cacheNames(__ATLAS_VERSION__);
setCacheNameDetails({ prefix: names.prefix.slice(0, -1), precache: 'shell', runtime: 'runtime', suffix: '' });
/**
 * Lab pages and the scripts they run as workers get the cross-origin isolation headers (src/lib/site/isolation.ts)
 * from the worker too, for hosts that send none: the Python labs stop a runaway run through shared memory.
 */
const isolation: WorkboxPlugin = {
  handlerWillRespond: async ({ request, response }) => {
    const wanted = Object.entries(isolationHeaders(new URL(request.url).pathname));
    if (wanted.every(([name]) => response.headers.has(name))) return response;
    const headers = new Headers(response.headers);
    for (const [name, value] of wanted) if (!headers.has(name)) headers.set(name, value);
    const { status, statusText } = response;
    return new Response(await response.blob(), { status, statusText, headers });
  },
};

addPlugins([isolation]);
precacheAndRoute(self.__WB_MANIFEST);

/** Same-origin answers: the network's (`basic`), or one made here (`default`: an engine file decompressed). */
const keepable = (response: Response) =>
  response.ok && !response.redirected && (response.type === 'basic' || response.type === 'default');
const keepablePage = (response: Response) =>
  keepable(response) && !!response.headers.get('Content-Type')?.includes('text/html');

/** Pages: kept under their address without query (`?share=…` shows the same page), HTML only; offline, another copy of this build's or the offline page. */
const pagePlugin: WorkboxPlugin = {
  cacheKeyWillBeUsed: ({ request }) => Promise.resolve(pageKey(new URL(request.url))),
  cacheWillUpdate: ({ response }) => Promise.resolve(keepablePage(response) ? response : null),
  handlerDidError: async ({ request }) =>
    (await matchHere(pageKey(new URL(request.url)))) ?? (await matchPrecache(OFFLINE_PAGE)),
};
/** Content-hashed files: any copy is the right bytes, so one saved with a roadmap serves too. */
const anyCopy: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) =>
    cachedResponse ?? (await caches.match(request, { ignoreVary: true })),
  cacheWillUpdate: ({ response }) => Promise.resolve(keepable(response) ? response : null),
};
/** The rest of the site's own files: the network, kept as fetched (data a page reads offline too), else this build's copy. */
const thisBuildsCopy: WorkboxPlugin = {
  cacheWillUpdate: ({ response }) => Promise.resolve(keepable(response) ? response : null),
  handlerDidError: async ({ request }) => matchHere(pageKey(new URL(request.url))),
};

const origin = self.location.origin;
const byRule =
  (rule: ReturnType<typeof strategyFor>) =>
  ({ url, request }: { url: URL; request: Request }) =>
    strategyFor(url, origin, { navigate: request.mode === 'navigate', method: request.method }) === rule;
registerRoute(
  byRule('page'),
  new NetworkFirst({
    cacheName: names.pages,
    plugins: [pagePlugin, isolation, new ExpirationPlugin({ maxEntries: MAX_VISITED_PAGES }) as WorkboxPlugin],
  }),
);
registerRoute(
  byRule('cache-first'),
  new CacheFirst({
    cacheName: names.kept,
    matchOptions: { ignoreVary: true },
    plugins: [gzipPlugin(gzipped), anyCopy, isolation],
  }),
);
registerRoute(
  byRule('network-first'),
  new NetworkFirst({
    cacheName: names.data,
    matchOptions: { ignoreVary: true },
    plugins: [thisBuildsCopy, isolation, new ExpirationPlugin({ maxEntries: MAX_KEPT_DATA }) as WorkboxPlugin],
  }),
);

self.addEventListener('install', (event) => event.waitUntil(carryOver()));
self.addEventListener('activate', (event) => event.waitUntil(activate()));
self.addEventListener('message', (event) => {
  const { type, roadmap, kind } = (event.data ?? {}) as { type?: string; roadmap?: string; kind?: unknown };
  const reply = (message: object) => event.ports[0]?.postMessage(message);
  const failed = (error: Error) => reply({ error: error.message });
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  // A lab started before this worker controlled its page: its engine was fetched without it.
  else if (type === 'keep-engine')
    event.waitUntil(
      keepEngineFiles(engineFilesToKeep(__ATLAS_LAB_ENGINES__, kind, origin), names.kept, gzipped).then(reply, failed),
    );
  else if (type === 'save-roadmap' && roadmap)
    event.waitUntil(
      saveRoadmap(roadmap, names, gzipped, reply).then(
        () => roadmapStatus(roadmap, names).then(reply),
        (error: Error) => caches.delete(names.roadmap(roadmap)).then(() => failed(error)),
      ),
    );
  else if (type === 'remove-roadmap' && roadmap)
    event.waitUntil(caches.delete(names.roadmap(roadmap)).then(() => reply({ saved: false })));
  else if (type === 'roadmap-status' && roadmap) event.waitUntil(roadmapStatus(roadmap, names).then(reply));
});

async function activate() {
  await carryOver(); // roadmaps saved with the old worker while this one waited
  for (const key of await caches.keys())
    if (key.startsWith(CACHE_PREFIX) && !key.startsWith(names.prefix)) await caches.delete(key);
  await keepOpenPages();
  await self.clients.claim();
}

/**
 * The pages open as this worker takes over were fetched without it (on a first visit, the page that registered it),
 * so they are kept now, as if visited with the worker: the page a learner arrived on opens offline too.
 */
async function keepOpenPages() {
  const pages = await caches.open(names.pages);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  await Promise.allSettled(
    windows.map(async (client) => {
      const url = new URL(client.url);
      if (strategyFor(url, origin, { navigate: true }) !== 'page' || (await pages.match(pageKey(url), MATCH))) return;
      const response = await fetch(pageKey(url), { cache: 'no-cache' });
      if (keepablePage(response)) await pages.put(pageKey(url), response);
    }),
  );
}

/** Refills this build's caches with what older builds kept: visited pages and saved roadmaps, fresh from the network. */
async function carryOver() {
  const mine = new Set((await caches.keys()).filter((key) => key.startsWith(names.prefix)));
  const pages = await caches.open(names.pages);
  for (const key of await caches.keys()) {
    if (!key.startsWith(CACHE_PREFIX) || key.startsWith(names.prefix)) continue;
    const roadmap = roadmapOfCache(key);
    if (roadmap && !mine.has(names.roadmap(roadmap))) {
      await saveRoadmap(roadmap, names, gzipped).catch(() => caches.delete(names.roadmap(roadmap)));
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
