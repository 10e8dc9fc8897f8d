/**
 * Fetching a lab engine's files with a count of the bytes received, for the page's progress bar. Sizes come from
 * the build (src/lib/labs-node/engine-files.ts): they are the files' own bytes, which is what a body counts once a
 * host's gzip is undone, so the bar says "3.1 of 16.4 MB" of the files whatever the host compressed.
 */

/** One file an engine fetches: its URL and its size in the build (and, gzipped, the size of what it holds). */
export interface EngineFile {
  url: string;
  bytes: number;
  unpacked?: number;
}

/**
 * A file as its response's body will count it: a host that sends a gzipped file with Content-Encoding has the
 * browser undo the gzip on the way, so the body is as long as what the file holds.
 */
export const asSent = (file: EngineFile, response: Response): EngineFile =>
  file.unpacked !== undefined && response.headers.has('Content-Encoding') ? { ...file, bytes: file.unpacked } : file;

/** How far a download is: bytes received of all files, and their total. */
export interface Progress {
  loaded: number;
  total: number;
}

/** Reports at most this many times per download, plus the last: each report is a message to the page. */
const REPORTS = 100;

/** A counter of bytes received across several files, reporting each hundredth of the total and the end. */
export function progressCounter(files: readonly EngineFile[], report: (progress: Progress) => void) {
  let total = files.reduce((sum, file) => sum + file.bytes, 0);
  let loaded = 0;
  let reported = 0;
  report({ loaded, total });
  return (bytes: number) => {
    loaded += bytes;
    // A host that sends a file bigger than the build's (a .tar.gz decompressed on the way) stretches the total.
    total = Math.max(total, loaded);
    if (loaded - reported >= total / REPORTS || loaded === total) {
      reported = loaded;
      report({ loaded, total });
    }
  };
}

/** Reads a response's body to its end, counting each chunk; its bytes, joined. */
export async function readCounting(response: Response, count: (bytes: number) => void): Promise<Uint8Array> {
  if (!response.ok || !response.body) throw new Error(`${response.url}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    count(read.value.length);
  }
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Compiles a WebAssembly file as it arrives, counting its bytes on a copy of the body: compiled from the fetched
 * response itself, the browser keeps its compiled code in the HTTP cache for the next start.
 */
export async function compileCounting(response: Response, count: (bytes: number) => void): Promise<WebAssembly.Module> {
  const counted = readCounting(response.clone(), count);
  const [module] = await Promise.all([WebAssembly.compileStreaming(response), counted]);
  return module;
}
