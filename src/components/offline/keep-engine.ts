/**
 * The service worker's side of `keep-engine` (service-worker.ts): a lab started before the worker controlled its page
 * fetched its engine without it, so the page asks for it to be kept now. Most files come from the HTTP cache, where
 * the engine's own fetches left them; the rest (chunks this engine did not load yet) from the network, the large ones
 * by their gzipped copies (engine-gzip.ts).
 */
import { fetchEngineFile } from './engine-gzip.ts';

/**
 * Copies are looked up ignoring Vary: servers send `Vary: Origin`, and a module script's request carries an Origin
 * header that the worker's own precaching fetch did not, so the precached copy would never match.
 */
export const MATCH: CacheQueryOptions = { ignoreSearch: true, ignoreVary: true };

/**
 * Keeps `urls` (checked by engineFilesToKeep, src/lib/offline/cache-rules.ts) in the cache `cacheName`. The
 * WebAssembly goes in last: the page reads it as "this engine is kept" (src/components/lab/engine-cached.ts).
 */
export async function keepEngineFiles(
  urls: readonly string[],
  cacheName: string,
  gzipped: ReadonlySet<string>,
): Promise<{ kept: boolean }> {
  if (urls.length === 0) return { kept: false };
  const cache = await caches.open(cacheName);
  const keep = async (url: string) => {
    if (await cache.match(url, MATCH)) return;
    // The copy the engine's own fetch left in the HTTP cache, else the network (a large file by its gzipped copy).
    const cached = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => undefined);
    const response = cached?.ok ? cached : await fetchEngineFile(url, gzipped);
    if (!response.ok || response.redirected) throw new Error(`Keeping ${url} failed: ${response.status}`);
    await cache.put(url, response);
  };
  await Promise.all(urls.filter((url) => !url.endsWith('.wasm')).map(keep));
  await Promise.all(urls.filter((url) => url.endsWith('.wasm')).map(keep));
  return { kept: true };
}
