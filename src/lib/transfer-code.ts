// IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no Node APIs, astro:content or zod here.
/**
 * A transfer link carries everything in the store to another device without an account: the export file's JSON
 * (progress-store.ts), deflated with CompressionStream, checksummed (CRC-32 of the JSON) and base64url-encoded
 * into the URL fragment, which browsers never send to a server: "/progress/#transfer=1.<crc32 hex>.<data>".
 * Decoding never throws: damaged, truncated, oversized or foreign data is rejected with a reason.
 */
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

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (the one zip and PNG use), as 8 hex digits. */
export function crc32(bytes: Uint8Array): string {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += ALPHABET[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

/** base64url without padding; undefined for any character outside the alphabet or an impossible length. */
function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of text) {
    const six = ALPHABET.indexOf(char);
    if (six < 0) return undefined;
    value = ((value << 6) | six) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | 'too large' | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return 'too large';
      }
      chunks.push(value);
    }
  } catch {
    return undefined;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

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
