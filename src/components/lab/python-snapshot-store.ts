/**
 * Where the Python workers keep the memory snapshot of Pyodide just after start-up (python-interpreter.ts) between
 * visits: the page's Cache Storage, gzipped by the browser's own CompressionStream (about 31 MB in memory, 6 MB
 * kept). The key names Pyodide's build folder, so another build's snapshot is never read, and writing one removes
 * the others. Nothing here goes over the network. A cache that cannot be opened (a private window, a full disk) keeps
 * nothing: every start then takes the snapshot anew.
 */
import type { SnapshotStore } from '../../lib/labs/python/index.ts';

const CACHE = 'python-memory-snapshot';

export function snapshotStore(indexURL: string): SnapshotStore {
  const key = new URL(`${indexURL}memory-snapshot.gz`, self.location.href).href;
  return {
    async read() {
      const kept = await (await caches.open(CACHE)).match(key);
      if (!kept?.body) return undefined;
      const plain = new Response(kept.body.pipeThrough(new DecompressionStream('gzip')));
      return new Uint8Array(await plain.arrayBuffer());
    },
    async write(snapshot) {
      const cache = await caches.open(CACHE);
      for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
      const gzipped = new Blob([snapshot as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new CompressionStream('gzip'));
      await cache.put(key, new Response(gzipped, { headers: { 'content-type': 'application/octet-stream' } }));
    },
  };
}
