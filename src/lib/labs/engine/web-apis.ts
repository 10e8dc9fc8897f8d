/**
 * The Web APIs a lab's code may use that the engine lacks, defined on the global object as browsers and Node
 * define them: TextEncoder, TextDecoder, btoa, atob, DOMException (encoding.ts) and crypto.subtle, handed to the
 * host's WebCrypto (web-crypto.ts). The first thing both the code and the API lab scripts load.
 */
import { atob, btoa, DOMException, TextDecoder, TextEncoder } from './encoding.ts';
import { defineGlobal } from './globals.ts';
import { CryptoKey, subtle } from './web-crypto.ts';

if (typeof globalThis.DOMException !== 'function') defineGlobal('DOMException', DOMException);
defineGlobal('TextEncoder', TextEncoder);
defineGlobal('TextDecoder', TextDecoder);
defineGlobal('btoa', btoa);
defineGlobal('atob', atob);
defineGlobal('CryptoKey', CryptoKey);
defineGlobal('crypto', Object.freeze({ subtle }));
