/**
 * The service worker's side of the engines' gzipped copies (src/after-build/engine-gzip.ts): a request for one of
 * those files is answered from `<file>.gz`, decompressed here by the browser's DecompressionStream, so the network
 * carries the gzip size whether or not the host compresses. Without the copy (a host that dropped it) or a stream
 * to decompress with, the file itself is fetched.
 */
import type { WorkboxPlugin } from 'workbox-core/types.js';

const TYPES: Record<string, string> = {
  wasm: 'application/wasm',
  mjs: 'text/javascript',
  js: 'text/javascript',
  data: 'application/octet-stream',
};
const typeOf = (path: string) => TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream';

/**
 * The file as the page asked for it, from its gzipped copy's response. A host that sends the copy with
 * `Content-Encoding: gzip` (as sirv and some CDNs do for a `.gz` file) has had it decompressed by the browser already.
 */
function decompressed(path: string, gzipped: Response): Response {
  const body = gzipped.headers.has('Content-Encoding')
    ? gzipped.body!
    : gzipped.body!.pipeThrough(new DecompressionStream('gzip'));
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': typeOf(path) },
  });
}

const canDecompress = () => typeof DecompressionStream === 'function';

/** Fetches `url` through its gzipped copy when `gzipped` lists its path, else as it is. */
export async function fetchEngineFile(url: string, gzipped: ReadonlySet<string>, init?: RequestInit) {
  // A roadmap's list names its files by path: relative to the worker's own origin.
  const { pathname } = new URL(url, globalThis.location.href);
  if (gzipped.has(pathname) && canDecompress()) {
    const copyUrl = `${pathname}.gz`;
    const copy = await fetch(copyUrl, init).catch(() => undefined);
    if (copy?.ok && !copy.redirected) return decompressed(pathname, copy);
  }
  return fetch(url, init);
}

/** Workbox: the files `gzipped` lists are fetched as their copies, the answer decompressed; kept under their own URL. */
export function gzipPlugin(gzipped: ReadonlySet<string>): WorkboxPlugin {
  const listed = (request: Request) => gzipped.has(new URL(request.url).pathname) && canDecompress();
  return {
    requestWillFetch: ({ request }) =>
      Promise.resolve(listed(request) ? new Request(`${request.url.split('?')[0]}.gz`) : request),
    fetchDidSucceed: ({ request, response }) => {
      const path = new URL(request.url).pathname;
      if (!path.endsWith('.gz') || !gzipped.has(path.slice(0, -3)) || !response.ok) return Promise.resolve(response);
      return Promise.resolve(decompressed(path.slice(0, -3), response));
    },
  };
}
