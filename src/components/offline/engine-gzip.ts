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

/** The path of `url` when the build stored a gzipped copy of it and this browser can decompress it, else undefined. */
function copiedPath(url: string, gzipped: ReadonlySet<string>): string | undefined {
  // A roadmap's list names its files by path: relative to the worker's own origin.
  const { pathname } = new URL(url, globalThis.location.href);
  return gzipped.has(pathname) && canDecompress() ? pathname : undefined;
}

/** The file at `path` from the answer to its copy: decompressed, or, where the copy did not come, the file itself. */
function fromCopy(path: string, copy: Response | undefined, init?: RequestInit): Promise<Response> {
  return copy?.ok && !copy.redirected ? Promise.resolve(decompressed(path, copy)) : fetch(path, init);
}

/** Fetches `url` through its gzipped copy when `gzipped` lists its path, else as it is. */
export async function fetchEngineFile(url: string, gzipped: ReadonlySet<string>, init?: RequestInit) {
  const path = copiedPath(url, gzipped);
  if (!path) return fetch(url, init);
  return fromCopy(path, await fetch(`${path}.gz`, init).catch(() => undefined), init);
}

/** Workbox: the files `gzipped` lists are fetched as their copies, the answer decompressed; kept under their own URL. */
export function gzipPlugin(gzipped: ReadonlySet<string>): WorkboxPlugin {
  return {
    requestWillFetch: ({ request }) => {
      const path = copiedPath(request.url, gzipped);
      return Promise.resolve(path ? new Request(`${path}.gz`) : request);
    },
    fetchDidSucceed: ({ request, response }) => {
      const path = new URL(request.url).pathname.replace(/\.gz$/, '');
      return path.length < new URL(request.url).pathname.length && copiedPath(path, gzipped)
        ? fromCopy(path, response)
        : Promise.resolve(response);
    },
  };
}
