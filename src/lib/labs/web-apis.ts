/**
 * Web APIs a lab's code may use that the JavaScript engine does not have, written in JavaScript and evaluated
 * before the harness (src/lib/labs/code-harness.ts).
 *
 * What it defines, as browsers and Node do: `TextEncoder` and `TextDecoder` (UTF-8 only), `btoa` and `atob`
 * (throwing an InvalidCharacterError `DOMException` on bad input), and `crypto.subtle` with the subset labs use:
 * `digest('SHA-256', data)`, `importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, extractable, usages)`,
 * `sign('HMAC', key, data)` and `verify('HMAC', key, signature, data)`, each returning a Promise of an ArrayBuffer
 * (a boolean for verify) and taking bytes, never strings. There is deliberately no `crypto.getRandomValues`:
 * labs pass randomness in, so runs are repeatable. Checked against Node's crypto in tests/unit/labs/web-apis.test.ts.
 */
export const WEB_APIS = String.raw`
(() => {
  const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
  if (typeof globalThis.DOMException !== 'function') {
    define('DOMException', class DOMException extends Error {
      constructor(message = '', name = 'Error') { super(message); Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true }); }
    });
  }
  const domError = (name, message) => new DOMException(message, name);
  const toBytes = (data, what) => {
    if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    throw new TypeError(what + ' must be an ArrayBuffer or a typed array such as Uint8Array, not ' + (data === null ? 'null' : typeof data) + ' (encode a string with new TextEncoder().encode(text))');
  };

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') {
      const text = String(input), out = [];
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

  class TextDecoder {
    #fatal; #ignoreBOM;
    constructor(label = 'utf-8', options = {}) {
      if (!['utf-8', 'utf8', 'unicode-1-1-utf-8'].includes(String(label).trim().toLowerCase())) {
        throw new RangeError('The encoding label provided (' + label + ') is not supported here: only utf-8 is');
      }
      this.#fatal = Boolean(options && options.fatal);
      this.#ignoreBOM = Boolean(options && options.ignoreBOM);
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    decode(input) {
      const bytes = input === undefined ? new Uint8Array(0) : toBytes(input, 'TextDecoder.decode input');
      const points = [];
      const bad = () => {
        if (this.#fatal) throw new TypeError('The encoded data was not valid for encoding utf-8');
        points.push(0xfffd);
      };
      let cp = 0, needed = 0, seen = 0, lower = 0x80, upper = 0xbf;
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        if (needed === 0) {
          if (b < 0x80) points.push(b);
          else if (b >= 0xc2 && b <= 0xdf) { needed = 1; cp = b & 0x1f; }
          else if (b >= 0xe0 && b <= 0xef) { needed = 2; cp = b & 0xf; if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; }
          else if (b >= 0xf0 && b <= 0xf4) { needed = 3; cp = b & 0x7; if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; }
          else bad();
          continue;
        }
        if (b < lower || b > upper) { // the sequence broke off: replace it, then read this byte afresh
          cp = needed = seen = 0; lower = 0x80; upper = 0xbf;
          bad(); i--;
          continue;
        }
        lower = 0x80; upper = 0xbf;
        cp = (cp << 6) | (b & 0x3f);
        if (++seen === needed) { points.push(cp); cp = needed = seen = 0; }
      }
      if (needed) bad();
      if (!this.#ignoreBOM && points[0] === 0xfeff) points.shift();
      let text = '';
      for (let i = 0; i < points.length; i += 8192) text += String.fromCodePoint(...points.slice(i, i + 8192));
      return text;
    }
  }

  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function btoa(data) {
    if (arguments.length === 0) throw new TypeError('btoa needs 1 argument');
    const text = String(data);
    let out = '';
    for (let i = 0; i < text.length; i += 3) {
      const c = [0, 1, 2].map((k) => (i + k < text.length ? text.charCodeAt(i + k) : 0));
      if (c.some((x) => x > 0xff)) throw domError('InvalidCharacterError', 'The string to be encoded contains characters outside of the Latin1 range.');
      const n = (c[0] << 16) | (c[1] << 8) | c[2], left = text.length - i;
      out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + (left > 1 ? ALPHABET[(n >> 6) & 63] : '=') + (left > 2 ? ALPHABET[n & 63] : '=');
    }
    return out;
  }
  function atob(data) {
    if (arguments.length === 0) throw new TypeError('atob needs 1 argument');
    let text = String(data).replace(/[\t\n\f\r ]/g, '');
    if (text.length % 4 === 0) text = text.replace(/==?$/, '');
    if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) throw domError('InvalidCharacterError', 'The string to be decoded is not correctly encoded.');
    let out = '', bits = 0, count = 0;
    for (const ch of text) {
      bits = (bits << 6) | ALPHABET.indexOf(ch);
      count += 6;
      if (count >= 8) { count -= 8; out += String.fromCharCode((bits >> count) & 0xff); }
    }
    return out;
  }

  const K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ];
  const ror = (x, n) => (x >>> n) | (x << (32 - n));
  /** SHA-256 (FIPS 180-4) of a Uint8Array, as a Uint8Array of 32 bytes. */
  const sha256 = (bytes) => {
    const size = Math.ceil((bytes.length + 9) / 64) * 64;
    const m = new Uint8Array(size);
    m.set(bytes);
    m[bytes.length] = 0x80;
    const view = new DataView(m.buffer);
    view.setUint32(size - 8, Math.floor((bytes.length * 8) / 0x100000000));
    view.setUint32(size - 4, (bytes.length * 8) >>> 0);
    const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    const W = new Uint32Array(64);
    for (let block = 0; block < size; block += 64) {
      for (let t = 0; t < 16; t++) W[t] = view.getUint32(block + t * 4);
      for (let t = 16; t < 64; t++) {
        const x = W[t - 15], y = W[t - 2];
        W[t] = (ror(x, 7) ^ ror(x, 18) ^ (x >>> 3)) + (ror(y, 17) ^ ror(y, 19) ^ (y >>> 10)) + W[t - 7] + W[t - 16];
      }
      let [a, b, c, d, e, f, g, h] = H;
      for (let t = 0; t < 64; t++) {
        const t1 = (h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
        const t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      [a, b, c, d, e, f, g, h].forEach((v, i) => { H[i] += v; });
    }
    const out = new Uint8Array(32);
    H.forEach((v, i) => new DataView(out.buffer).setUint32(i * 4, v));
    return out;
  };
  /** HMAC (RFC 2104) with SHA-256: keys longer than a 64-byte block are hashed first. */
  const hmacSha256 = (key, message) => {
    const block = new Uint8Array(64);
    block.set(key.length > 64 ? sha256(key) : key);
    const inner = new Uint8Array(64 + message.length), outer = new Uint8Array(96);
    inner.set(block.map((b) => b ^ 0x36));
    inner.set(message, 64);
    outer.set(block.map((b) => b ^ 0x5c));
    outer.set(sha256(inner), 64);
    return sha256(outer);
  };

  const nameOf = (algorithm) => String(algorithm && typeof algorithm === 'object' ? algorithm.name : algorithm).toUpperCase();
  const requireSha256 = (algorithm) => {
    if (nameOf(algorithm) !== 'SHA-256') throw domError('NotSupportedError', 'Only SHA-256 is available here, not ' + (algorithm && algorithm.name ? algorithm.name : algorithm));
  };
  const secrets = new WeakMap();
  class CryptoKey {
    constructor() { throw new TypeError('Illegal constructor: make keys with crypto.subtle.importKey'); }
  }
  const useKey = (algorithm, key, usage) => {
    if (!secrets.has(key)) throw new TypeError('key is not a CryptoKey from crypto.subtle.importKey');
    if (nameOf(algorithm) !== 'HMAC') throw domError('NotSupportedError', 'Only HMAC is available for sign and verify here');
    if (!key.usages.includes(usage)) throw domError('InvalidAccessError', 'The key was imported without the "' + usage + '" usage');
    return secrets.get(key);
  };
  const subtle = {
    async digest(algorithm, data) {
      requireSha256(algorithm);
      return sha256(toBytes(data, 'digest data')).buffer;
    },
    async importKey(format, keyData, algorithm, extractable, usages) {
      if (format !== 'raw') throw domError('NotSupportedError', 'Only the "raw" key format is available here, not ' + format);
      if (nameOf(algorithm) !== 'HMAC') throw domError('NotSupportedError', 'Only HMAC keys are available here');
      requireSha256(algorithm.hash);
      const bytes = toBytes(keyData, 'importKey keyData');
      if (bytes.length === 0) throw domError('DataError', 'HMAC key data must not be empty');
      if (!Array.isArray(usages) || usages.length === 0 || usages.some((u) => u !== 'sign' && u !== 'verify')) {
        throw new SyntaxError('HMAC key usages must be a non-empty list of "sign" and "verify"');
      }
      const key = Object.create(CryptoKey.prototype);
      const algo = Object.freeze({ name: 'HMAC', hash: Object.freeze({ name: 'SHA-256' }), length: bytes.length * 8 });
      Object.defineProperties(key, {
        type: { value: 'secret', enumerable: true }, extractable: { value: Boolean(extractable), enumerable: true },
        algorithm: { value: algo, enumerable: true }, usages: { value: Object.freeze([...usages]), enumerable: true },
      });
      secrets.set(key, bytes);
      return key;
    },
    async sign(algorithm, key, data) {
      return hmacSha256(useKey(algorithm, key, 'sign'), toBytes(data, 'sign data')).buffer;
    },
    async verify(algorithm, key, signature, data) {
      const expected = hmacSha256(useKey(algorithm, key, 'verify'), toBytes(data, 'verify data'));
      const given = toBytes(signature, 'verify signature');
      let diff = given.length ^ expected.length;
      for (let i = 0; i < expected.length; i++) diff |= expected[i] ^ (given[i] ?? 0);
      return diff === 0;
    },
  };

  define('TextEncoder', TextEncoder);
  define('TextDecoder', TextDecoder);
  define('btoa', btoa);
  define('atob', atob);
  define('CryptoKey', CryptoKey);
  define('crypto', Object.freeze({ subtle: Object.freeze(subtle) }));
})();
`;
