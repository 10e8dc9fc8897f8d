// IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no Node APIs, astro:content or zod here.
/**
 * A transfer link carries everything in the store to another device without an account: the export file's JSON
 * (progress-store.ts), deflated with CompressionStream, checksummed (CRC-32 of the JSON) and base64url-encoded
 * into the URL fragment, which browsers never send to a server: "/progress/#transfer=1.<crc32 hex>.<data>".
 * Decoding never throws: damaged, truncated, oversized or foreign data is rejected with a reason.
 */
import { crc32, fromBase64Url, pipe, toBase64Url } from './link-pack.ts';
import { EXPORT_KIND, type Progress, toProgress } from './progress-store.ts';

export const TRANSFER_PREFIX = '#transfer=';
const CODE_VERSION = '1';
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
export async function encodeTransfer(progress: Progress, exportedAt: Date): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ kind: EXPORT_KIND, exportedAt: exportedAt.toISOString(), ...progress }));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  if (!(packed instanceof Uint8Array)) throw new Error('This browser could not compress the progress.');
  return `${CODE_VERSION}.${crc32(json)}.${toBase64Url(packed)}`;
}

/** Reads a transfer code (the fragment after "#transfer="), checking every layer before trusting the next. */
export async function decodeTransfer(code: string): Promise<TransferDecode> {
  if (typeof code !== 'string' || code.length === 0) return { ok: false, reason: 'the link is empty' };
  if (code.length > MAX_TRANSFER_LINK) return { ok: false, reason: 'the link is larger than any this site makes' };
  const parts = code.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'the link is incomplete' };
  const [version, check, data] = parts as [string, string, string];
  if (version !== CODE_VERSION) return { ok: false, reason: 'the link was made by another version of the site, or is not a transfer link' };
  if (!/^[0-9a-f]{8}$/.test(check)) return { ok: false, reason: 'the link is damaged' };
  const packed = fromBase64Url(data);
  if (!packed || packed.length === 0) return { ok: false, reason: 'the link is damaged' };
  const json = await pipe(packed, new DecompressionStream('deflate-raw'), MAX_UNPACKED);
  if (json === 'too large') return { ok: false, reason: 'the link unpacks to more data than this site ever stores' };
  if (!json) return { ok: false, reason: 'the link is truncated or damaged' };
  if (crc32(json) !== check) return { ok: false, reason: 'the link was changed or damaged on the way (its checksum does not match)' };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { ok: false, reason: 'the link does not hold readable data' };
  }
  const { kind, exportedAt } = (value ?? {}) as { kind?: unknown; exportedAt?: unknown };
  if (kind !== EXPORT_KIND || typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) return { ok: false, reason: 'the link does not hold Backend Atlas progress' };
  const parsed = toProgress(value);
  return parsed.ok ? { ok: true, progress: parsed.progress, exportedAt } : { ok: false, reason: `its progress is unusable: ${parsed.reason}` };
}
