/**
 * The empty cluster the lab engines start PGlite on: the data directory `initdb` makes, as a gzipped tar, made by the
 * build (src/lib/labs-node/empty-cluster.ts). Loading it takes a fraction of the seconds `initdb` needs in the page.
 */

/** A gzip stream's first two bytes. A host may send the file already decompressed, as a plain tar. */
const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The cluster as PGlite's `loadDataDir` reads it (its type says whether it is gzipped), or undefined when it cannot be
 * had: the pool then runs `initdb` (pglite-databases.ts).
 */
export async function clusterBlob(bytes: () => Promise<Uint8Array>): Promise<Blob | undefined> {
  const cluster = await bytes().catch(() => undefined);
  if (!cluster?.length) return undefined;
  return new Blob([cluster as Uint8Array<ArrayBuffer>], {
    type: isGzip(cluster) ? 'application/gzip' : 'application/x-tar',
  });
}
