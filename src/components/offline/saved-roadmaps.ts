/**
 * Roadmaps saved for offline, the service worker's side (service-worker.ts answers the page's messages with these):
 * a roadmap's list and every file on it, kept in this build's caches (`names`); the lab engines' large files by
 * their gzipped copies (`gzipped`, engine-gzip.ts).
 */
import { type cacheNames, type RoadmapList, roadmapListUrl } from '../../lib/offline/cache-rules.ts';
import { fetchEngineFile } from './engine-gzip.ts';
import { MATCH } from './keep-engine.ts';

type CacheNames = ReturnType<typeof cacheNames>;

/** Fetches a roadmap's list and every file on it; the list itself goes in last, marking the copy complete. */
export async function saveRoadmap(
  roadmap: string,
  names: CacheNames,
  gzipped: ReadonlySet<string>,
  progress?: (message: object) => void,
) {
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
      const response = await fetchEngineFile(file.url, file.kind === 'engine' ? gzipped : new Set(), {
        cache: 'no-cache',
      });
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

export async function roadmapStatus(roadmap: string, names: CacheNames) {
  if (!(await caches.has(names.roadmap(roadmap)))) return { saved: false };
  const list = await (await caches.open(names.roadmap(roadmap))).match(roadmapListUrl(roadmap));
  if (!list) return { saved: false };
  const { files } = (await list.json()) as RoadmapList;
  return {
    saved: true,
    pages: files.filter((f) => f.kind === 'page').length,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
  };
}
