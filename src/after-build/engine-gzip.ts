/**
 * The lab engines' large files, also stored gzipped beside themselves (`<file>.gz`): a host that sends files as they
 * are (no compression, as many object stores and some CDNs do) would send Pyodide's and PGlite's WebAssembly and
 * data at two to eight times their gzip size. The service worker fetches the `.gz` and hands the page the file
 * decompressed (src/components/offline/engine-gzip.ts), so a lab's start costs about its gzip size on any host. A
 * file is stored so only where that saves a fifth or more: Python's standard library is a zip already.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Below this size a file is not worth a second copy: the engines' scripts and small chunks. */
const MIN_BYTES = 256 * 1024;
/** The gzip copy must be at most this share of the file. */
const MAX_RATIO = 0.8;

/** Writes `<file>.gz` beside each large engine file that compresses well; returns their paths and sizes. */
export function gzipEngineFiles(dist: string, engineFiles: Iterable<string>): Map<string, number> {
  const written = new Map<string, number>();
  for (const path of [...new Set(engineFiles)].sort()) {
    const file = join(dist, path);
    if (statSync(file).size < MIN_BYTES) continue;
    const data = readFileSync(file);
    const gzipped = gzipSync(data);
    if (gzipped.length > data.length * MAX_RATIO) continue;
    writeFileSync(`${file}.gz`, gzipped);
    written.set(path, gzipped.length);
  }
  return written;
}
