/**
 * What the host lends the engine's Web APIs, as `globalThis.__atlasWebHost` (src/lib/labs/shared/web-bridge.ts): the
 * host's own WHATWG URL parser, WebCrypto and string collation, so URLs, digests, signatures and `localeCompare` are
 * the platform's, not ours. Only strings, booleans, numbers and ArrayBuffers cross; errors come back as the JSON of a
 * HostError.
 */
import { takeGlobal } from './globals.ts';

/** An error the host's API threw, to be thrown again inside the engine as the same kind. */
export interface HostError {
  /** 'DOMException', 'TypeError', 'RangeError', 'SyntaxError' or 'Error'. */
  kind: string;
  name: string;
  message: string;
}

/** A URL's parts as the host's URL reads them. */
export interface UrlParts {
  href: string;
  origin: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
}

interface WebHost {
  /** The parts of `input` (against `base`) as JSON, or undefined when it is not a valid URL. */
  parseUrl(input: string, base?: string): string | undefined;
  /** The parts once `part` of `href` is set to `value` (as its setter does), or undefined when that fails. */
  setUrl(href: string, part: string, value: string): string | undefined;
  /** An application/x-www-form-urlencoded string read into the JSON of its [name, value] pairs. */
  parseForm(text: string): string;
  /** The JSON of [name, value] pairs written as application/x-www-form-urlencoded. */
  serializeForm(pairs: string): string;
  /** The host's String.prototype.localeCompare; locales and options as JSON. Undefined when the host threw. */
  localeCompare(a: string, b: string, locales?: string, options?: string): number | undefined;
  /** crypto.subtle.digest; the algorithm as JSON. */
  digest(algorithm: string, data: ArrayBuffer): Promise<ArrayBuffer>;
  /** crypto.subtle.importKey; resolves with the JSON of the key's id and description. */
  importKey(
    format: string,
    keyData: ArrayBuffer | string,
    algorithm: string,
    extractable: boolean,
    usages: string,
  ): Promise<string>;
  /** crypto.subtle.sign with the key the host holds under `key`. */
  sign(algorithm: string, key: number, data: ArrayBuffer): Promise<ArrayBuffer>;
  /** crypto.subtle.verify with the key the host holds under `key`. */
  verify(algorithm: string, key: number, signature: ArrayBuffer, data: ArrayBuffer): Promise<boolean>;
}

/** Taken once, when the engine's scripts load, before any learner code runs. */
export const webHost = takeGlobal<WebHost>('__atlasWebHost');
