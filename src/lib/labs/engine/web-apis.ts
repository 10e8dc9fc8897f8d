/**
 * The Web APIs a lab's code may use that the engine lacks, defined on the global object as browsers and Node
 * define them: TextEncoder, TextDecoder, btoa, atob, DOMException (encoding.ts) and crypto.subtle, handed to the
 * host's WebCrypto (web-crypto.ts); and String.prototype.localeCompare by the host's collation. The first thing both the
 * code and the API lab scripts load.
 */
import { atob, btoa, DOMException, TextDecoder, TextEncoder } from './encoding.ts';
import { defineGlobal } from './globals.ts';
import { CryptoKey, subtle } from './web-crypto.ts';
import { webHost } from './web-host.ts';

if (typeof globalThis.DOMException !== 'function') defineGlobal('DOMException', DOMException);
defineGlobal('TextEncoder', TextEncoder);
defineGlobal('TextDecoder', TextDecoder);
defineGlobal('btoa', btoa);
defineGlobal('atob', atob);
defineGlobal('CryptoKey', CryptoKey);
defineGlobal('crypto', Object.freeze({ subtle }));

/**
 * `localeCompare` as browsers and Node compare: by the host's collation (ICU), where QuickJS's own compares code
 * points. So an answer that sorts with it ("audit" before "Zip") is graded as it would run on the platform.
 */
Object.defineProperty(String.prototype, 'localeCompare', {
  value: function localeCompare(this: unknown, that: unknown, locales?: unknown, options?: unknown): number {
    if (this === null || this === undefined)
      throw new TypeError('String.prototype.localeCompare called on null or undefined');
    const json = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
    const order = webHost.localeCompare(String(this), String(that), json(locales), json(options));
    if (order === undefined) throw new RangeError('Incorrect locale information provided');
    return order;
  },
  writable: true,
  configurable: true,
});
