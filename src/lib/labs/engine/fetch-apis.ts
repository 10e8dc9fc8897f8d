/**
 * The Fetch and URL APIs an API lab's handler uses, defined on the global object after the Web APIs: Headers,
 * Request, Response (headers.ts, request.ts, response.ts), URL and URLSearchParams (url.ts, parsed by the host).
 */
import './web-apis.ts';
import { defineGlobal } from './globals.ts';
import { Headers } from './headers.ts';
import { Request } from './request.ts';
import { Response } from './response.ts';
import { URL, URLSearchParams } from './url.ts';

defineGlobal('URLSearchParams', URLSearchParams);
defineGlobal('URL', URL);
defineGlobal('Headers', Headers);
defineGlobal('Request', Request);
defineGlobal('Response', Response);
