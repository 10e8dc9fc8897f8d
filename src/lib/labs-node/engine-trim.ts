/**
 * Making PGlite's start smaller, at build time, without changing what a lab runs on (figures in docs/benchmarks.md,
 * "Measured choices"). Both keep every file where PGlite looks for it and only zero bytes no lab reads, so the
 * gzip a host sends shrinks while sizes and offsets stay as PGlite's own script expects them:
 * - the empty cluster's WAL before its last checkpoint (a loaded cluster replays only from the checkpoint's redo
 *   point; zeroes were there before Postgres wrote the records);
 * - the files of PGlite's file system bundle (pglite.data) that only `initdb` reads (the pages start from the
 *   cluster), or that serve what a lab never does: converting to another client encoding, building extensions,
 *   replication.
 */

/** Bytes of a WAL page, and of a WAL segment, as PGlite's Postgres is built. */
const WAL_PAGE = 8192;
const WAL_SEGMENT = 16 * 1024 * 1024;
/** Where pg_control keeps the last checkpoint's redo point (after system id, versions, state, time and location). */
const REDO_OFFSET = 40;

/** A file in a tar: its name and where its bytes are. */
export interface TarMember {
  name: string;
  start: number;
  size: number;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/\0[\s\S]*$/, '');

/** The files of a ustar archive (PGlite's dumpDataDir writes ustar, with long names split into a prefix). */
export function tarMembers(tar: Uint8Array): TarMember[] {
  const members: TarMember[] = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    const name = text(header.subarray(0, 100));
    if (!name) break;
    const prefix = text(header.subarray(345, 500));
    const size = parseInt(text(header.subarray(124, 136)).trim() || '0', 8);
    members.push({ name: prefix ? `${prefix}/${name}` : name, start: at + 512, size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return members;
}

/**
 * A copy of a data directory's tar with its WAL zeroed from the segment's second page to the page holding the last
 * checkpoint's redo point: recovery reads the segment's first page (its header) and the WAL from the redo point on.
 */
export function zeroWalBeforeRedo(tar: Uint8Array): Uint8Array {
  const members = tarMembers(tar);
  const control = members.find((m) => m.name.endsWith('global/pg_control'));
  if (!control) throw new Error('engine-trim: the cluster has no global/pg_control');
  const redo = new DataView(tar.buffer, tar.byteOffset + control.start, control.size).getBigUint64(REDO_OFFSET, true);
  // Timeline 1, then the segment number as Postgres names it: 2^32 bytes of WAL per middle part.
  const segment = Number(redo / BigInt(WAL_SEGMENT));
  const perLog = 2 ** 32 / WAL_SEGMENT;
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
  const name = `pg_wal/${hex(1)}${hex(Math.floor(segment / perLog))}${hex(segment % perLog)}`;
  const wal = members.find((m) => m.name.endsWith(name));
  if (!wal) throw new Error(`engine-trim: the cluster has no ${name}`);
  const redoPage = Math.floor(Number(redo % BigInt(WAL_SEGMENT)) / WAL_PAGE) * WAL_PAGE;
  const trimmed = new Uint8Array(tar); // a copy, even of a Buffer (whose slice() shares its bytes)
  if (redoPage > WAL_PAGE) trimmed.fill(0, wal.start + WAL_PAGE, wal.start + redoPage);
  return trimmed;
}

/** A file of PGlite's bundle, as its script lists it for Emscripten. */
export interface BundleFile {
  filename: string;
  start: number;
  end: number;
}

/** The bundle's file list, read from PGlite's script (its Emscripten loader lists every file with its offsets). */
export function bundleFiles(script: string): BundleFile[] {
  return [...script.matchAll(/filename:"([^"]+)",start:(\d+),end:(\d+)/g)].map((m) => ({
    filename: m[1]!,
    start: Number(m[2]),
    end: Number(m[3]),
  }));
}

/** Files no lab page reads: initdb's, encoding conversions, extension building (pgxs), replication. */
const UNREAD_FILES: readonly RegExp[] = [
  /^\/pglite\/lib\/postgresql\/\w+_and_\w+\.so$/,
  /^\/pglite\/lib\/postgresql\/(libpqwalreceiver|pgoutput)\.so$/,
  /^\/pglite\/lib\/postgresql\/pgxs\//,
  /^\/pglite\/share\/postgresql\/(postgres\.bki|information_schema\.sql|sql_features\.txt|errcodes\.txt)$/,
  /^\/pglite\/share\/postgresql\/(system_\w+|snowball_create)\.sql$/,
];

/** A copy of the bundle with the bytes of the files `unread` names zeroed; throws when it finds none of them. */
export function zeroUnreadFiles(data: Uint8Array, files: readonly BundleFile[], unread = UNREAD_FILES): Uint8Array {
  const zeroed = files.filter((file) => unread.some((pattern) => pattern.test(file.filename)));
  if (!zeroed.length) throw new Error('engine-trim: none of the unread files is in the bundle');
  const trimmed = new Uint8Array(data);
  for (const file of zeroed) trimmed.fill(0, file.start, file.end);
  return trimmed;
}
