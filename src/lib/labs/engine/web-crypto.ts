/**
 * `crypto.subtle` inside the engine: `digest`, `importKey`, `sign` and `verify`, each handed to the host's WebCrypto
 * (web-host.ts), so every algorithm, check and error is the platform's. Keys stay in the host; the engine's
 * CryptoKey carries the host's description and a number only this module can read. There is deliberately no
 * `crypto.getRandomValues`: labs pass randomness in, so runs are repeatable.
 */
import { DOMException, toBytes } from './encoding.ts';
import { type HostError, webHost } from './web-host.ts';
import { builtinJson } from './globals.ts';

const ERRORS: Record<string, new (message: string) => Error> = { TypeError, RangeError, SyntaxError, Error };

/** The host's rejection, thrown again as the same kind of error. */
function rethrow(reason: unknown): never {
  let error: HostError;
  try {
    error = builtinJson.parse(String(reason)) as HostError;
  } catch {
    throw new Error(String(reason));
  }
  if (error.kind === 'DOMException') throw new DOMException(error.message, error.name);
  throw new (ERRORS[error.kind] ?? Error)(error.message);
}

/** An algorithm (a name or an object of names and numbers) as JSON for the host. */
function algorithmJson(algorithm: unknown): string {
  return builtinJson.stringify(algorithm, (_key, value: unknown) => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      throw new DOMException('Algorithm parameters made of bytes are not available here', 'NotSupportedError');
    }
    return value;
  });
}

const keyIds = new WeakMap<object, number>();

export class CryptoKey {
  constructor() {
    throw new TypeError('Illegal constructor: make keys with crypto.subtle.importKey');
  }
}

interface KeyDescription {
  id: number;
  type: string;
  extractable: boolean;
  algorithm: unknown;
  usages: string[];
}

function newKey(json: string): CryptoKey {
  const { id, type, extractable, algorithm, usages } = builtinJson.parse(json) as KeyDescription;
  const key = Object.create(CryptoKey.prototype) as CryptoKey;
  Object.defineProperties(key, {
    type: { value: type, enumerable: true },
    extractable: { value: extractable, enumerable: true },
    algorithm: { value: algorithm, enumerable: true },
    usages: { value: usages, enumerable: true },
  });
  keyIds.set(key, id);
  return key;
}

function keyId(key: unknown): number {
  const id = typeof key === 'object' && key !== null ? keyIds.get(key) : undefined;
  if (id === undefined) throw new TypeError('key is not a CryptoKey from crypto.subtle.importKey');
  return id;
}

const buffer = (data: unknown, what: string) => toBytes(data, what).buffer;

export const subtle = Object.freeze({
  async digest(algorithm: unknown, data: unknown): Promise<ArrayBuffer> {
    return webHost.digest(algorithmJson(algorithm), buffer(data, 'digest data')).catch(rethrow);
  },
  async importKey(
    format: unknown,
    keyData: unknown,
    algorithm: unknown,
    extractable: unknown,
    usages: unknown,
  ): Promise<CryptoKey> {
    const data = format === 'jwk' ? builtinJson.stringify(keyData) : buffer(keyData, 'importKey keyData');
    const json = await webHost
      .importKey(String(format), data, algorithmJson(algorithm), Boolean(extractable), builtinJson.stringify(usages))
      .catch(rethrow);
    return newKey(json);
  },
  async sign(algorithm: unknown, key: unknown, data: unknown): Promise<ArrayBuffer> {
    return webHost.sign(algorithmJson(algorithm), keyId(key), buffer(data, 'sign data')).catch(rethrow);
  },
  async verify(algorithm: unknown, key: unknown, signature: unknown, data: unknown): Promise<boolean> {
    const given = buffer(signature, 'verify signature');
    return webHost.verify(algorithmJson(algorithm), keyId(key), given, buffer(data, 'verify data')).catch(rethrow);
  },
});
