/**
 * The Fetch API types an API lab's handler uses, written in JavaScript and evaluated inside the JavaScript engine
 * after WEB_APIS (src/lib/labs/web-apis.ts): `Headers`, `Request`, `Response`, and `URL` and `URLSearchParams`
 * (url-apis.ts), as the
 * Fetch and URL standards define them for what a server handler does — bodies are text or bytes (no streams,
 * Blob or FormData), a URL is an absolute http(s) URL or a path against a base. Checked against Node's own in
 * tests/unit/labs/fetch-apis.test.ts.
 */
import { URL_APIS } from './url-apis.ts';

export const FETCH_APIS =
  URL_APIS +
  String.raw`
(() => {
  const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
  const TOKEN = /^[!#$%&'*+.^_|~0-9A-Za-z-]+$/;

  class Headers {
    #map = new Map(); // lower-case name → list of values
    constructor(init) {
      if (init == null) return;
      if (init instanceof Headers) { for (const [k, v] of init) this.append(k, v); return; }
      if (typeof init !== 'object') throw new TypeError('Headers: init must be an object, an array of pairs or Headers');
      if (Array.isArray(init) || typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const list = [...pair];
          if (list.length !== 2) throw new TypeError('Headers: each header must be a [name, value] pair');
          this.append(list[0], list[1]);
        }
      } else for (const key of Object.keys(init)) this.append(key, init[key]);
    }
    static #name(name) {
      const text = String(name);
      if (!TOKEN.test(text)) throw new TypeError('Headers: "' + text + '" is not a valid header name');
      return text.toLowerCase();
    }
    static #value(value) {
      const text = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
      if (/[\0\r\n]/.test(text)) throw new TypeError('Headers: a header value may not contain a line break');
      return text;
    }
    append(name, value) {
      const key = Headers.#name(name), list = this.#map.get(key);
      if (list) list.push(Headers.#value(value)); else this.#map.set(key, [Headers.#value(value)]);
    }
    set(name, value) { this.#map.set(Headers.#name(name), [Headers.#value(value)]); }
    get(name) {
      const list = this.#map.get(Headers.#name(name));
      return list ? list.join(', ') : null;
    }
    getSetCookie() { return [...(this.#map.get('set-cookie') ?? [])]; }
    has(name) { return this.#map.has(Headers.#name(name)); }
    delete(name) { this.#map.delete(Headers.#name(name)); }
    *entries() {
      for (const key of [...this.#map.keys()].sort()) {
        if (key === 'set-cookie') for (const value of this.#map.get(key)) yield [key, value];
        else yield [key, this.#map.get(key).join(', ')];
      }
    }
    *keys() { for (const [key] of this.entries()) yield key; }
    *values() { for (const [, value] of this.entries()) yield value; }
    forEach(fn, thisArg) { for (const [key, value] of this.entries()) fn.call(thisArg, value, key, this); }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return 'Headers'; }
  }

  // A body is kept as bytes; reading it once marks it used, as the Fetch standard says.
  // A body read as a stream here is only passed on whole, as in new Response(other.body, other): a stand-in that
  // carries the bytes, not a ReadableStream.
  class BodyStream {
    #bytes;
    constructor(bytes) { this.#bytes = bytes; }
    static _bytes(stream) { return stream.#bytes; }
    get locked() { return false; }
    getReader() { throw new TypeError('Reading a body as a stream is not available here: use await request.text(), json() or arrayBuffer()'); }
    get [Symbol.toStringTag]() { return 'ReadableStream'; }
  }
  const toBody = (body, headers) => {
    if (body == null) return null;
    if (body instanceof BodyStream) return BodyStream._bytes(body);
    if (typeof body === 'string') {
      if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
      return new TextEncoder().encode(body);
    }
    if (body instanceof URLSearchParams) {
      if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
      return new TextEncoder().encode(body.toString());
    }
    if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
    if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
    if (typeof body === 'object') {
      throw new TypeError('This body type is not supported here: send a string (JSON.stringify(data)), bytes, URLSearchParams, or use Response.json(data)');
    }
    return toBody(String(body), headers);
  };
  const readers = (Base) => class extends Base {
    #bytes; #used = false;
    _setBody(bytes) { this.#bytes = bytes; }
    _bytes() { return this.#bytes; }
    get body() { return this.#bytes === null ? null : new BodyStream(this.#bytes); }
    get bodyUsed() { return this.#used; }
    #take() {
      if (this.#used) return Promise.reject(new TypeError('Body has already been used: read it once (await request.text()) and keep the result'));
      this.#used = true;
      return Promise.resolve(this.#bytes ?? new Uint8Array(0));
    }
    arrayBuffer() { return this.#take().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)); }
    bytes() { return this.#take().then((b) => new Uint8Array(b)); }
    text() { return this.#take().then((b) => new TextDecoder().decode(b)); }
    json() { return this.text().then((t) => JSON.parse(t)); }
    blob() { return Promise.reject(new TypeError('Blob is not available here: use text(), json() or arrayBuffer()')); }
    formData() { return Promise.reject(new TypeError('FormData is not available here: parse the body with new URLSearchParams(await request.text())')); }
  };

  const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];
  class Request extends readers(Object) {
    #method; #url; #headers;
    constructor(input, init = {}) {
      super();
      const from = input instanceof Request ? input : null;
      this.#url = from ? from.url : new URL(String(input)).href;
      const method = String(init.method ?? (from ? from.method : 'GET'));
      if (!TOKEN.test(method)) throw new TypeError('Request: "' + method + '" is not a valid method');
      this.#method = METHODS.includes(method.toUpperCase()) ? method.toUpperCase() : method;
      this.#headers = new Headers(init.headers ?? (from ? from.headers : undefined));
      const body = init.body !== undefined ? toBody(init.body, this.#headers) : from ? from._bytes() : null;
      if (body !== null && (this.#method === 'GET' || this.#method === 'HEAD'))
        throw new TypeError('Request with GET/HEAD method cannot have a body');
      this._setBody(body);
    }
    get method() { return this.#method; }
    get url() { return this.#url; }
    get headers() { return this.#headers; }
    get signal() { return { aborted: false, addEventListener() {}, removeEventListener() {} }; }
    clone() {
      if (this.bodyUsed) throw new TypeError('Request.clone: the body has already been used');
      return new Request(this);
    }
    get [Symbol.toStringTag]() { return 'Request'; }
  }

  const NULL_BODY = [101, 103, 204, 205, 304];
  const REASONS = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 409: 'Conflict', 410: 'Gone', 412: 'Precondition Failed', 413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 428: 'Precondition Required', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
  class Response extends readers(Object) {
    #status; #statusText; #headers;
    constructor(body = null, init = {}) {
      super();
      const status = init.status === undefined ? 200 : Number(init.status);
      if (!Number.isInteger(status) || status < 200 || status > 599)
        throw new RangeError('Response: status ' + init.status + ' is outside 200–599 (informational 1xx responses cannot be constructed)');
      this.#status = status;
      this.#statusText = init.statusText === undefined ? '' : String(init.statusText);
      this.#headers = new Headers(init.headers);
      if (body !== null && body !== undefined && NULL_BODY.includes(status))
        throw new TypeError('Response: a ' + status + ' response cannot have a body (pass null)');
      this._setBody(toBody(body, this.#headers));
    }
    static json(data, init = {}) {
      const text = JSON.stringify(data);
      if (text === undefined) throw new TypeError('Response.json: the value cannot be turned into JSON');
      const headers = new Headers(init.headers);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      return new Response(text, { ...init, headers });
    }
    static redirect(url, status = 302) {
      if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError('Response.redirect: ' + status + ' is not a redirect status');
      return new Response(null, { status, headers: { location: new URL(String(url), 'http://lab.test/').href } });
    }
    static error() { throw new TypeError('Response.error() makes a network error, which a handler cannot send: return a 5xx response'); }
    get status() { return this.#status; }
    get statusText() { return this.#statusText; }
    get ok() { return this.#status >= 200 && this.#status < 300; }
    get headers() { return this.#headers; }
    get type() { return 'default'; }
    get url() { return ''; }
    get redirected() { return false; }
    clone() {
      if (this.bodyUsed) throw new TypeError('Response.clone: the body has already been used');
      const copy = new Response(null, { status: this.#status, statusText: this.#statusText, headers: this.#headers });
      copy._setBody(this._bytes());
      return copy;
    }
    get [Symbol.toStringTag]() { return 'Response'; }
  }
  Response._reason = (status) => REASONS[status] ?? '';

  define('Headers', Headers);
  define('Request', Request);
  define('Response', Response);
})();
`;
