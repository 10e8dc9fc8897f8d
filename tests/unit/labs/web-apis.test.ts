/**
 * The Web APIs the lab engine lacks (src/lib/labs/engine/web-apis.ts), evaluated in QuickJS as the labs run them
 * and compared with Node's own: digests and HMAC, which the engine hands to the host's WebCrypto, with node:crypto, TextEncoder/TextDecoder, btoa and atob with
 * Node's globals, including the inputs where implementations usually slip (block boundaries, long keys, malformed
 * UTF-8, bad base64).
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inEngine, inNode, type Outcome } from './engine-context.ts';

const HELPERS = `const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const bytes = (array) => new Uint8Array(array);`;

/** Runs `body` (the inside of an async function, with `hex(buffer)` and `bytes(array)` at hand) after the Web APIs; its value, or it throws "Name: message". */
async function run(body: string): Promise<unknown> {
  const out = await inEngine('web-apis', `${HELPERS}\n${body}`);
  if ('error' in out) throw new Error(`${out.error.name}: ${out.error.message}`);
  return out.value;
}

/** The kind of error (a DOMException's name) or the value, as the engine or Node gives it. */
const kind = (outcome: Outcome) =>
  'error' in outcome ? (outcome.error.type === 'DOMException' ? outcome.error.name : outcome.error.type) : outcome;

const ascii = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
const MESSAGES = [
  '',
  'abc',
  'The quick brown fox jumps over the lazy dog',
  'héllo wörld — 日本語 🎉',
  ascii(55),
  ascii(56),
  ascii(63),
  ascii(64),
  ascii(65),
  ascii(1000),
  '😀'.repeat(300),
];
const KEYS = ['k', 'whsec_test_secret', 'ключ — 鍵 🔑', ascii(63), ascii(64), ascii(65), ascii(200)];

describe('crypto.subtle', () => {
  it.each(MESSAGES.map((m) => [m.length, m] as const))(
    'digest SHA-256 of a %i-character string matches node:crypto',
    async (_n, message) => {
      const got = await run(
        `return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(${JSON.stringify(message)})));`,
      );
      expect(got).toBe(createHash('sha256').update(message, 'utf8').digest('hex'));
    },
  );

  it('digest accepts an ArrayBuffer, a DataView and a subarray, and lower-case or object algorithm names', async () => {
    const got = await run(`
      const all = new TextEncoder().encode('xxabcxx');
      return [
        hex(await crypto.subtle.digest('sha-256', all.subarray(2, 5))),
        hex(await crypto.subtle.digest({ name: 'SHA-256' }, all.buffer.slice(2, 5))),
        hex(await crypto.subtle.digest('SHA-256', new DataView(all.buffer, 2, 3))),
      ];`);
    expect(got).toEqual(Array(3).fill(createHash('sha256').update('abc').digest('hex')));
  });

  it.each(KEYS.flatMap((key) => MESSAGES.slice(0, 5).map((m) => [key.length, m.length, key, m] as const)))(
    'HMAC-SHA256 with a %i-character key over a %i-character message matches node:crypto',
    async (_k, _m, key, message) => {
      const got = await run(`
        const enc = new TextEncoder();
        const key = await crypto.subtle.importKey('raw', enc.encode(${JSON.stringify(key)}), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
        const mac = await crypto.subtle.sign('HMAC', key, enc.encode(${JSON.stringify(message)}));
        return { mac: hex(mac), isBuffer: mac instanceof ArrayBuffer, verified: await crypto.subtle.verify('HMAC', key, mac, enc.encode(${JSON.stringify(message)})) };`);
      expect(got).toEqual({
        mac: createHmac('sha256', key).update(message, 'utf8').digest('hex'),
        isBuffer: true,
        verified: true,
      });
    },
  );

  it('verify rejects a changed message, a changed signature and a truncated one', async () => {
    const got = await run(`
      const enc = new TextEncoder();
      const key = await crypto.subtle.importKey('raw', enc.encode('secret'), { name: 'HMAC', hash: { name: 'SHA-256' } }, false, ['verify', 'sign']);
      const mac = new Uint8Array(await crypto.subtle.sign({ name: 'HMAC' }, key, enc.encode('body')));
      const flipped = mac.slice(); flipped[31] ^= 1;
      return [
        await crypto.subtle.verify('HMAC', key, mac, enc.encode('body!')),
        await crypto.subtle.verify('HMAC', key, flipped, enc.encode('body')),
        await crypto.subtle.verify('HMAC', key, mac.slice(0, 16), enc.encode('body')),
        await crypto.subtle.verify('HMAC', key, mac, enc.encode('body')),
      ];`);
    expect(got).toEqual([false, false, false, true]);
  });

  it('describes the key as WebCrypto does and keeps the secret out of it', async () => {
    const got = await run(`
      const key = await crypto.subtle.importKey('raw', bytes([1, 2, 3, 4]), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return { type: key.type, extractable: key.extractable, algorithm: key.algorithm, usages: key.usages, isKey: key instanceof CryptoKey, keys: Object.keys(key) };`);
    expect(got).toEqual({
      type: 'secret',
      extractable: false,
      algorithm: { name: 'HMAC', hash: { name: 'SHA-256' }, length: 32 },
      usages: ['sign'],
      isKey: true,
      keys: ['type', 'extractable', 'algorithm', 'usages'],
    });
  });

  it.each([
    ['a string instead of bytes', `crypto.subtle.digest('SHA-256', 'abc')`],
    ['an unknown hash', `crypto.subtle.digest('SHA-3', new Uint8Array([1]))`],
    [
      'an empty HMAC key',
      `crypto.subtle.importKey('raw', new Uint8Array([]), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])`,
    ],
    ['a JWK that is empty', `crypto.subtle.importKey('jwk', {}, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])`],
    [
      'a usage the key lacks',
      `crypto.subtle.importKey('raw', new Uint8Array([1]), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']).then((k) => crypto.subtle.sign('HMAC', k, new Uint8Array([1])))`,
    ],
    ['a plain object as key', `crypto.subtle.sign('HMAC', { type: 'secret' }, new Uint8Array([1]))`],
  ])('rejects %s as a promise, with the kind of error Node gives', async (_what, expression) => {
    const body = `let p; try { p = ${expression}; } catch (e) { return 'threw ' + e.name; } return await p;`;
    expect(kind(await inEngine('web-apis', body))).toEqual(kind(await inNode(body)));
    expect('error' in (await inNode(body))).toBe(true);
  });

  it('hashes with SHA-1, SHA-384 and SHA-512 and signs with HMAC-SHA-512, as the host does', async () => {
    const got = await run(`
      const data = new TextEncoder().encode('abc');
      const key = await crypto.subtle.importKey('raw', data, { name: 'HMAC', hash: 'SHA-512' }, false, ['sign']);
      return [hex(await crypto.subtle.digest('SHA-1', data)), hex(await crypto.subtle.digest('SHA-384', data)),
        hex(await crypto.subtle.digest('SHA-512', data)), hex(await crypto.subtle.sign('HMAC', key, data))];`);
    expect(got).toEqual([
      ...['sha1', 'sha384', 'sha512'].map((hash) => createHash(hash).update('abc').digest('hex')),
      createHmac('sha512', 'abc').update('abc').digest('hex'),
    ]);
  });

  it('has no getRandomValues: labs inject randomness', async () => {
    expect(await run(`return typeof crypto.getRandomValues;`)).toBe('undefined');
  });
});

describe('TextEncoder and TextDecoder', () => {
  const STRINGS = [
    '',
    'plain ASCII',
    'é',
    '€ and ✓',
    '日本語',
    '🎉 emoji 👩‍👩‍👧',
    'lone \uD800 high',
    'lone \uDC00 low',
    'end \uD83D',
  ];
  it.each(STRINGS.map((s) => [JSON.stringify(s), s]))(
    'encodes %s as Node does and decodes it back',
    async (_shown, text) => {
      const got = await run(
        `const b = new TextEncoder().encode(${JSON.stringify(text)}); return { bytes: [...b], text: new TextDecoder().decode(b), isU8: b instanceof Uint8Array };`,
      );
      const bytes = new TextEncoder().encode(text);
      expect(got).toEqual({ bytes: [...bytes], text: new TextDecoder().decode(bytes), isU8: true });
    },
  );

  const MALFORMED = [
    [0xff],
    [0xc0, 0x80],
    [0xe0, 0x80, 0x80],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xe2, 0x82],
    [0x61, 0xe2, 0x82, 0x62],
    [0xf0, 0x9f, 0x98],
    [0xef, 0xbb, 0xbf, 0x68, 0x69],
    [0x80, 0x80, 0x41],
  ];
  it.each(MALFORMED.map((b) => [b.map((x) => x.toString(16)).join(' '), b]))(
    'decodes the bytes %s with U+FFFD where Node does',
    async (_shown, input) => {
      expect(await run(`return new TextDecoder().decode(bytes(${JSON.stringify(input)}));`)).toBe(
        new TextDecoder().decode(new Uint8Array(input)),
      );
    },
  );

  it('keeps a BOM with ignoreBOM, throws with fatal, and rejects other encodings', async () => {
    expect(
      await run(`return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes([0xef, 0xbb, 0xbf, 0x41]));`),
    ).toBe('\uFEFFA');
    await expect(run(`return new TextDecoder('utf-8', { fatal: true }).decode(bytes([0x41, 0xff]));`)).rejects.toThrow(
      /TypeError/,
    );
    await expect(run(`return new TextDecoder('latin1');`)).rejects.toThrow(/RangeError/);
    expect(await run(`return new TextDecoder('UTF8').decode(new Uint16Array([0x6968]));`)).toBe('hi');
  });
});

describe('btoa and atob', () => {
  const BINARY = [
    '',
    'f',
    'fo',
    'foo',
    'foob',
    'fooba',
    'foobar',
    '\x00\xff\xfe\x80 binary',
    String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)),
  ];
  it.each(BINARY.map((s) => [JSON.stringify(s).slice(0, 30), s]))(
    'btoa(%s) matches Node and atob reverses it',
    async (_shown, text) => {
      expect(await run(`const e = btoa(${JSON.stringify(text)}); return [e, atob(e)];`)).toEqual([btoa(text), text]);
    },
  );

  it.each(['Zm9v', 'Zm9vYg', 'Zm9vYg==', 'Zm9vYmE=', ' Zm9v\nYmFy\t', 'Zm9vYh==', 'YQ'])(
    'atob(%j) matches Node',
    async (input) => {
      expect(await run(`return atob(${JSON.stringify(input)});`)).toBe(atob(input));
    },
  );

  it.each(['Zm9vY', 'Zm9v=', 'Zm9vYg=', 'Zm9v!', 'Zm-_', 'Zm9vYg===', '=Zm9'])(
    'atob(%j) throws InvalidCharacterError like Node',
    async (input) => {
      expect(() => atob(input)).toThrow();
      await expect(run(`return atob(${JSON.stringify(input)});`)).rejects.toThrow(
        /InvalidCharacterError: The string to be decoded is not correctly encoded/,
      );
    },
  );

  it('btoa throws on characters outside Latin-1, as Node does', async () => {
    expect(() => btoa('日本')).toThrow();
    await expect(run(`return btoa('日本');`)).rejects.toThrow(/InvalidCharacterError: .*Latin1/);
    expect(
      await run(`try { btoa('✓'); } catch (e) { return [e instanceof DOMException, e instanceof Error, e.name]; }`),
    ).toEqual([true, true, 'InvalidCharacterError']);
  });
});
