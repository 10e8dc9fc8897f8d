/**
 * A transfer link carries everything in the store to another device without an account: the export file's JSON
 * (progress-store.ts), deflated with CompressionStream, checksummed (CRC-32 of the JSON) and base64url-encoded
 * into the URL fragment, which browsers never send to a server: "/progress/#transfer=1.<crc32 hex>.<data>".
 * Decoding never throws: damaged, truncated, oversized or foreign data is rejected with a reason.
 */
import { packLink, unpackLink } from './link-pack.ts';
import { type Progress, toProgress } from './progress-store.ts';
import { EXPORT_KIND } from './export-file.ts';

export const TRANSFER_PREFIX = '#transfer=';
/** Longest link accepted or made: Chromium's limit on a URL is 2 MB. */
export const MAX_TRANSFER_LINK = 2_000_000;
/** Most bytes a link may unpack to: the store at its bounds (1 MB of notes, escaped) fits well within it. */
const MAX_UNPACKED = 8_000_000;
/**
 * Longest link a QR code holds: version 40 with the lowest error correction (L) stores 2,953 bytes in byte mode.
 * Longer links are offered as a file instead.
 */
export const QR_LIMIT = 2953;

export type TransferDecode = { ok: true; progress: Progress; exportedAt: string } | { ok: false; reason: string };

/** The code for a transfer link's fragment (after "#transfer="). */
export const encodeTransfer = (progress: Progress, exportedAt: Date): Promise<string> =>
  packLink(JSON.stringify({ kind: EXPORT_KIND, exportedAt: exportedAt.toISOString(), ...progress }));

/** Reads a transfer code (the fragment after "#transfer="), checking every layer before trusting the next. */
export async function decodeTransfer(code: string): Promise<TransferDecode> {
  const unpacked = await unpackLink(code, { maxCode: MAX_TRANSFER_LINK, maxUnpacked: MAX_UNPACKED });
  if (!unpacked.ok) return unpacked;
  const value = unpacked.value;
  const { kind, exportedAt } = (value ?? {}) as { kind?: unknown; exportedAt?: unknown };
  if (kind !== EXPORT_KIND || typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt)))
    return { ok: false, reason: 'the link does not hold Backend Atlas progress' };
  const parsed = toProgress(value);
  return parsed.ok
    ? { ok: true, progress: parsed.progress, exportedAt }
    : { ok: false, reason: `its progress is unusable: ${parsed.reason}` };
}
