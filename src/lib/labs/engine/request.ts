/**
 * `Request` inside the engine, as the Fetch standard and Node define it for a server handler: an absolute URL, a
 * method (the common ones upper-cased, CONNECT, TRACE and TRACK refused), headers and a body that GET and HEAD may
 * not have. Checked against Node's own in tests/unit/labs/fetch-differential.test.ts.
 */
import { Body, toBody } from './body.ts';
import { Headers, TOKEN } from './headers.ts';
import { URL } from './url.ts';

const NORMALIZED = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
const FORBIDDEN = ['CONNECT', 'TRACE', 'TRACK'];

/** The request options this runtime keeps, their defaults first, and the values each may take. */
const OPTIONS: Record<string, string[]> = {
  mode: ['cors', 'same-origin', 'no-cors'],
  credentials: ['same-origin', 'omit', 'include'],
  cache: ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'],
  redirect: ['follow', 'error', 'manual'],
};

interface RequestInit {
  method?: unknown;
  headers?: unknown;
  body?: unknown;
  [option: string]: unknown;
}

function methodOf(value: unknown): string {
  const method = String(value);
  if (!TOKEN.test(method)) throw new TypeError(`Request: "${method}" is not a valid method`);
  const upper = method.toUpperCase();
  if (FORBIDDEN.includes(upper)) throw new TypeError(`Request: the method ${method} is forbidden`);
  return NORMALIZED.includes(upper) ? upper : method;
}

function urlOf(input: unknown): string {
  const url = new URL(String(input));
  if (url.username || url.password) throw new TypeError('Request: a URL with credentials cannot make a request');
  return url.href;
}

export class Request extends Body {
  readonly #method: string;
  readonly #url: string;
  readonly #headers: Headers;
  readonly #options: Record<string, string> = {};
  constructor(...args: unknown[]) {
    super();
    if (args.length < 1) throw new TypeError('Request needs 1 argument, got 0');
    const [input, init = {}] = args as [unknown, RequestInit | undefined];
    const from = input instanceof Request ? input : null;
    if (from?.bodyUsed) throw new TypeError('Request: the request given has a body that was already read');
    this.#url = from ? from.url : urlOf(input);
    this.#method = init.method === undefined ? (from?.method ?? 'GET') : methodOf(init.method);
    for (const [name, values] of Object.entries(OPTIONS)) {
      const value = init[name] === undefined ? ((from && from.#options[name]) ?? values[0]!) : String(init[name]);
      if (!values.includes(value)) throw new TypeError(`Request: "${value}" is not a valid ${name}`);
      this.#options[name] = value;
    }
    this.#headers = new Headers(init.headers ?? from?.headers);
    const body = init.body !== undefined ? toBody(init.body, this.#headers) : (from?._bytes() ?? null);
    if (body !== null && (this.#method === 'GET' || this.#method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have a body');
    }
    this._setBody(body);
    if (init.body === undefined) from?._takenOver();
  }
  get method() {
    return this.#method;
  }
  get url() {
    return this.#url;
  }
  get headers() {
    return this.#headers;
  }
  get mode() {
    return this.#options.mode;
  }
  get credentials() {
    return this.#options.credentials;
  }
  get cache() {
    return this.#options.cache;
  }
  get redirect() {
    return this.#options.redirect;
  }
  get destination() {
    return '';
  }
  get referrer() {
    return 'about:client';
  }
  get referrerPolicy() {
    return '';
  }
  get integrity() {
    return '';
  }
  get keepalive() {
    return false;
  }
  get signal() {
    return { aborted: false, addEventListener() {}, removeEventListener() {} };
  }
  clone(): Request {
    if (this.bodyUsed) throw new TypeError('Request.clone: the body has already been used');
    const copy = new Request(this.#url, { method: this.#method, headers: this.#headers, ...this.#options });
    copy._setBody(this._bytes());
    return copy;
  }
  get [Symbol.toStringTag]() {
    return 'Request';
  }
}
