/**
 * `Response` inside the engine, as the Fetch standard and Node define it: a status from 200 to 599 (none of a
 * body's for 204, 205 and 304), `Response.json`, `Response.redirect` to an absolute URL with a redirect status, and
 * `Response.error()`, which a handler cannot send (the sandbox says so). Checked against Node's own in
 * tests/unit/labs/fetch-differential.test.ts.
 */
import { Body, toBody } from './body.ts';
import { Headers } from './headers.ts';
import { URL } from './url.ts';
import { builtinJson } from './globals.ts';

const NULL_BODY = [101, 103, 204, 205, 304];
const REDIRECT = [301, 302, 303, 307, 308];

interface ResponseInit {
  status?: unknown;
  statusText?: unknown;
  headers?: unknown;
}

/** The status as WebIDL reads an `unsigned short` (truncated, modulo 65536), then checked. */
function statusOf(value: unknown): number {
  if (value === undefined) return 200;
  const number = Math.trunc(Number(value));
  const status = Number.isFinite(number) ? ((number % 65536) + 65536) % 65536 : 0;
  if (status < 200 || status > 599) {
    throw new RangeError(
      `Response: status ${String(value)} is outside 200–599 (informational 1xx responses cannot be constructed)`,
    );
  }
  return status;
}

function statusTextOf(value: unknown): string {
  if (value === undefined) return '';
  const text = String(value);
  if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(text)) throw new TypeError(`Response: "${text}" is not a valid statusText`);
  return text;
}

export class Response extends Body {
  #status = 0;
  #statusText = '';
  #headers: Headers;
  #type = 'default';
  constructor(body: unknown = null, init: ResponseInit = {}) {
    super();
    this.#status = statusOf(init.status);
    this.#statusText = statusTextOf(init.statusText);
    this.#headers = new Headers(init.headers);
    if (body !== null && body !== undefined && NULL_BODY.includes(this.#status)) {
      throw new TypeError(`Response: a ${this.#status} response cannot have a body (pass null)`);
    }
    this._setBody(toBody(body, this.#headers));
  }
  static json(data: unknown, init: ResponseInit = {}): Response {
    const text = builtinJson.stringify(data);
    if (text === undefined) throw new TypeError('Response.json: the value cannot be turned into JSON');
    const headers = new Headers(init.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return new Response(text, { ...init, headers });
  }
  static redirect(url: unknown, status: unknown = 302): Response {
    const location = URL.parse(url);
    if (location === null) {
      throw new TypeError(
        `Response.redirect: ${String(url)} is not an absolute URL (use new URL(path, request.url).href)`,
      );
    }
    const code = statusOf(status);
    if (!REDIRECT.includes(code)) throw new RangeError(`Response.redirect: ${String(status)} is not a redirect status`);
    const response = new Response(null, { status: code, headers: { location: location.href } });
    Headers._freeze(response.#headers);
    return response;
  }
  static error(): Response {
    const response = new Response(null, { status: 200 });
    [response.#status, response.#type] = [0, 'error'];
    Headers._freeze(response.#headers);
    return response;
  }
  get status() {
    return this.#status;
  }
  get statusText() {
    return this.#statusText;
  }
  get ok() {
    return this.#status >= 200 && this.#status < 300;
  }
  get headers() {
    return this.#headers;
  }
  get type() {
    return this.#type;
  }
  get url() {
    return '';
  }
  get redirected() {
    return false;
  }
  clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: the body has already been used');
    const copy = new Response(null, { status: this.#status || 200, statusText: this.#statusText });
    [copy.#status, copy.#type, copy.#headers] = [this.#status, this.#type, new Headers(this.#headers)];
    copy._setBody(this._bytes());
    return copy;
  }
  get [Symbol.toStringTag]() {
    return 'Response';
  }
}
