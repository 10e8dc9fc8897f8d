/**
 * Encoding APIs the engine lacks, as browsers and Node define them: `TextEncoder` and `TextDecoder` (UTF-8 only),
 * `btoa` and `atob` (an InvalidCharacterError `DOMException` on bad input), and `DOMException` itself. Checked
 * against Node's own in tests/unit/labs/web-apis.test.ts.
 */

/** The engine's DOMException: an Error with a name, as WebCrypto and atob throw. */
export class DOMException extends Error {
  constructor(message = '', name = 'Error') {
    super(message);
    Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true });
  }
}

/** A copy of bytes given as an ArrayBuffer or a view; a TypeError naming `what` otherwise. */
export function toBytes(data: unknown, what: string): Uint8Array<ArrayBuffer> {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (ArrayBuffer.isView(data)) {
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  }
  throw new TypeError(
    `${what} must be an ArrayBuffer or a typed array such as Uint8Array, not ${data === null ? 'null' : typeof data} (encode a string with new TextEncoder().encode(text))`,
  );
}

export class TextEncoder {
  get encoding() {
    return 'utf-8';
  }
  encode(input: unknown = ''): Uint8Array {
    const text = String(input);
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate becomes U+FFFD
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return new Uint8Array(out);
  }
}

/** UTF-8 bytes to code points, as the Encoding standard's decoder reads them; `bad` answers each broken sequence. */
function decodeUtf8(bytes: Uint8Array, bad: () => number): number[] {
  const points: number[] = [];
  let cp = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (needed === 0) {
      if (b < 0x80) points.push(b);
      else if (b >= 0xc2 && b <= 0xdf) [needed, cp] = [1, b & 0x1f];
      else if (b >= 0xe0 && b <= 0xef) {
        [needed, cp] = [2, b & 0xf];
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        [needed, cp] = [3, b & 0x7];
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
      } else points.push(bad());
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence broke off: replace it, then read this byte afresh.
      [cp, needed, seen, lower, upper] = [0, 0, 0, 0x80, 0xbf];
      points.push(bad());
      i--;
      continue;
    }
    [lower, upper] = [0x80, 0xbf];
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      points.push(cp);
      cp = needed = seen = 0;
    }
  }
  if (needed) points.push(bad());
  return points;
}

export class TextDecoder {
  readonly #fatal: boolean;
  readonly #ignoreBOM: boolean;
  constructor(label: unknown = 'utf-8', options?: { fatal?: unknown; ignoreBOM?: unknown }) {
    if (!['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(String(label).trim().toLowerCase())) {
      throw new RangeError(`The encoding label provided (${String(label)}) is not supported here: only utf-8 is`);
    }
    this.#fatal = Boolean(options?.fatal);
    this.#ignoreBOM = Boolean(options?.ignoreBOM);
  }
  get encoding() {
    return 'utf-8';
  }
  get fatal() {
    return this.#fatal;
  }
  get ignoreBOM() {
    return this.#ignoreBOM;
  }
  decode(input?: unknown): string {
    const bytes = input === undefined ? new Uint8Array(0) : toBytes(input, 'TextDecoder.decode input');
    const points = decodeUtf8(bytes, () => {
      if (this.#fatal) throw new TypeError('The encoded data was not valid for encoding utf-8');
      return 0xfffd;
    });
    if (!this.#ignoreBOM && points[0] === 0xfeff) points.shift();
    let text = '';
    for (let i = 0; i < points.length; i += 8192) text += String.fromCodePoint(...points.slice(i, i + 8192));
    return text;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function btoa(...args: unknown[]): string {
  if (args.length === 0) throw new TypeError('btoa needs 1 argument');
  const text = String(args[0]);
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const c = [0, 1, 2].map((k) => (i + k < text.length ? text.charCodeAt(i + k) : 0));
    if (c.some((x) => x > 0xff)) {
      throw new DOMException(
        'The string to be encoded contains characters outside of the Latin1 range.',
        'InvalidCharacterError',
      );
    }
    const n = (c[0]! << 16) | (c[1]! << 8) | c[2]!;
    const left = text.length - i;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
    out += (left > 1 ? ALPHABET[(n >> 6) & 63]! : '=') + (left > 2 ? ALPHABET[n & 63]! : '=');
  }
  return out;
}

export function atob(...args: unknown[]): string {
  if (args.length === 0) throw new TypeError('atob needs 1 argument');
  let text = String(args[0]).replace(/[\t\n\f\r ]/g, '');
  if (text.length % 4 === 0) text = text.replace(/==?$/, '');
  if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) {
    throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  let out = '';
  let bits = 0;
  let count = 0;
  for (const ch of text) {
    bits = (bits << 6) | ALPHABET.indexOf(ch);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += String.fromCharCode((bits >> count) & 0xff);
    }
  }
  return out;
}
