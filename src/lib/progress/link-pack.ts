/**
 * The layers every link that carries data in its fragment shares (transfer links, transfer-code.ts; roadmap links,
 * custom-roadmap/roadmap-link.ts): deflate with the platform's CompressionStream, a CRC-32 of the unpacked bytes,
 * and base64url without padding. Each decoder checks one layer before trusting the next.
 */

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

export function toBase64Url(bytes: Uint8Array): string {
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

/** Streams bytes through a (de)compressor; 'too large' past `limit` bytes out, undefined when the stream fails (damaged data). */
export async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array | 'too large' | undefined> {
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

const CODE_VERSION = '1';

/** "1.<crc32 hex>.<data>": the version, the checksum of the JSON text, and the text deflated and base64url-encoded. */
export async function packLink(json: string): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  if (!(packed instanceof Uint8Array)) throw new Error('This browser could not compress the data.');
  return `${CODE_VERSION}.${crc32(bytes)}.${toBase64Url(packed)}`;
}

export type Unpacked = { ok: true; value: unknown } | { ok: false; reason: string };

/** Reads a packed code back to its JSON value, checking every layer before trusting the next; never throws. */
export async function unpackLink(code: unknown, limits: { maxCode: number; maxUnpacked: number }): Promise<Unpacked> {
  if (typeof code !== 'string' || code.length === 0) return { ok: false, reason: 'the link is empty' };
  if (code.length > limits.maxCode) return { ok: false, reason: 'the link is larger than any this site makes' };
  const parts = code.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'the link is incomplete (was it cut off when it was copied?)' };
  const [version, check, data] = parts as [string, string, string];
  if (version !== CODE_VERSION)
    return { ok: false, reason: 'the link was made by another version of the site, or is not this kind of link' };
  if (!/^[0-9a-f]{8}$/.test(check)) return { ok: false, reason: 'the link is damaged' };
  const packed = fromBase64Url(data);
  if (!packed || packed.length === 0) return { ok: false, reason: 'the link is damaged' };
  const json = await pipe(packed, new DecompressionStream('deflate-raw'), limits.maxUnpacked);
  if (json === 'too large') return { ok: false, reason: 'the link unpacks to more data than this site ever stores' };
  if (!json) return { ok: false, reason: 'the link is truncated or damaged (was it cut off when it was copied?)' };
  if (crc32(json) !== check)
    return { ok: false, reason: 'the link was changed or damaged on the way (its checksum does not match)' };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) };
  } catch {
    return { ok: false, reason: 'the link does not hold readable data' };
  }
}
