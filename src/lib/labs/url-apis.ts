/**
 * `URL` and `URLSearchParams` for an API lab's handler, in JavaScript for the engine (part of FETCH_APIS,
 * src/lib/labs/fetch-apis.ts): absolute http(s) URLs and paths against a base, the query string read and written
 * as application/x-www-form-urlencoded. Checked against Node's own in tests/unit/labs/fetch-apis.test.ts.
 */
export const URL_APIS = String.raw`
(() => {
  const define = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
  const iterate = (entries) => entries[Symbol.iterator]();

  const decodeForm = (text) => {
    const out = [];
    for (const part of String(text).split('&')) {
      if (!part) continue;
      const at = part.indexOf('=');
      const [k, v] = at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
      const decode = (s) => { s = s.replace(/\+/g, ' '); try { return decodeURIComponent(s); } catch { return s; } };
      out.push([decode(k), decode(v)]);
    }
    return out;
  };
  const encodeForm = (s) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

  class URLSearchParams {
    #list = [];
    #onChange = null;
    constructor(init = '') {
      if (init instanceof URLSearchParams) this.#list = [...init];
      else if (typeof init === 'object' && init !== null) {
        const pairs = typeof init[Symbol.iterator] === 'function' ? [...init].map((p) => [...p]) : Object.keys(init).map((k) => [k, init[k]]);
        for (const pair of pairs) {
          if (pair.length !== 2) throw new TypeError('URLSearchParams: each pair must have two items');
          this.#list.push([String(pair[0]), String(pair[1])]);
        }
      } else this.#list = decodeForm(String(init).replace(/^\?/, ''));
    }
    static _attach(params, onChange) { params.#onChange = onChange; return params; }
    static _replace(params, text) { params.#list = decodeForm(text); }
    #changed() { if (this.#onChange) this.#onChange(this.toString()); }
    get size() { return this.#list.length; }
    append(name, value) { this.#list.push([String(name), String(value)]); this.#changed(); }
    delete(name, value) {
      this.#list = this.#list.filter(([k, v]) => k !== String(name) || (value !== undefined && v !== String(value)));
      this.#changed();
    }
    get(name) { const hit = this.#list.find(([k]) => k === String(name)); return hit ? hit[1] : null; }
    getAll(name) { return this.#list.filter(([k]) => k === String(name)).map(([, v]) => v); }
    has(name, value) { return this.#list.some(([k, v]) => k === String(name) && (value === undefined || v === String(value))); }
    set(name, value) {
      const key = String(name), at = this.#list.findIndex(([k]) => k === key);
      if (at < 0) this.#list.push([key, String(value)]);
      else this.#list = this.#list.filter(([k], i) => k !== key || i === at).map((p, i) => (i === at ? [key, String(value)] : p));
      this.#changed();
    }
    sort() { this.#list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this.#changed(); }
    entries() { return iterate(this.#list.map((p) => [...p])); }
    keys() { return iterate(this.#list.map(([k]) => k)); }
    values() { return iterate(this.#list.map(([, v]) => v)); }
    forEach(fn, thisArg) { for (const [k, v] of this.#list) fn.call(thisArg, v, k, this); }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return this.#list.map(([k, v]) => encodeForm(k) + '=' + encodeForm(v)).join('&'); }
    get [Symbol.toStringTag]() { return 'URLSearchParams'; }
  }

  const DEFAULT_PORT = { 'http:': '80', 'https:': '443' };
  const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*:)\/\/(?:([^\/?#@]*)@)?([^\/?#:]*|\[[^\]]*\])(?::(\d*))?([^?#]*)(\?[^#]*)?(#.*)?$/;
  const removeDots = (path) => {
    const out = [];
    const parts = path.split('/');
    parts.forEach((seg, i) => {
      if (seg === '..' || seg.toLowerCase() === '%2e%2e') { if (out.length > 1) out.pop(); if (i === parts.length - 1) out.push(''); }
      else if (seg === '.' || seg.toLowerCase() === '%2e') { if (i === parts.length - 1) out.push(''); }
      else out.push(seg);
    });
    const joined = out.join('/');
    return joined.startsWith('/') ? joined : '/' + joined;
  };
  const encodePath = (path) => path.replace(/[^\x21-\x7e]|["<>\x60{}^ ]/g, (c) => encodeURIComponent(c));
  const encodeQuery = (query) => query.replace(/[^\x21-\x7e]|["<>#' ]/g, (c) => (c === '#' ? c : encodeURIComponent(c)));

  class URL {
    #protocol; #username; #password; #hostname; #port; #pathname; #search; #hash; #params;
    constructor(input, base) {
      const text = String(input).trim();
      let m = ABSOLUTE.exec(text);
      if (!m) {
        if (base === undefined) throw new TypeError('Invalid URL: ' + text + ' (a path needs a base: new URL(path, request.url))');
        const root = new URL(base);
        if (text.startsWith('//')) m = ABSOLUTE.exec(root.protocol + text);
        else {
          const [, path = '', query, hash] = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(text);
          let pathname = root.pathname, search = root.search;
          if (path.startsWith('/')) { pathname = path; search = query ?? ''; }
          else if (path) { pathname = root.pathname.replace(/[^\/]*$/, '') + path; search = query ?? ''; }
          else if (query !== undefined) search = query;
          m = ABSOLUTE.exec(root.origin + removeDots(pathname) + search + (hash ?? ''));
        }
        if (!m) throw new TypeError('Invalid URL: ' + text);
      }
      const [, protocol, auth, host, port, path, query, hash] = m;
      this.#protocol = protocol.toLowerCase();
      if (!/^https?:$/.test(this.#protocol)) throw new TypeError('Invalid URL: only http and https URLs are supported here, not ' + text);
      if (!host) throw new TypeError('Invalid URL: ' + text + ' has no host');
      const [user = '', pass = ''] = auth ? auth.split(':') : [];
      this.#username = user; this.#password = pass;
      this.#hostname = host.toLowerCase();
      this.#port = port && port !== DEFAULT_PORT[this.#protocol] ? String(Number(port)) : '';
      this.#pathname = encodePath(removeDots(path || '/'));
      this.#search = query && query.length > 1 ? encodeQuery(query) : '';
      this.#hash = hash && hash.length > 1 ? hash : '';
      this.#params = URLSearchParams._attach(new URLSearchParams(this.#search), (text) => { this.#search = text ? '?' + text : ''; });
    }
    static canParse(input, base) { try { new URL(input, base); return true; } catch { return false; } }
    static parse(input, base) { try { return new URL(input, base); } catch { return null; } }
    get protocol() { return this.#protocol; }
    get username() { return this.#username; }
    get password() { return this.#password; }
    get hostname() { return this.#hostname; }
    get port() { return this.#port; }
    get host() { return this.#hostname + (this.#port ? ':' + this.#port : ''); }
    get origin() { return this.#protocol + '//' + this.host; }
    get pathname() { return this.#pathname; }
    set pathname(value) { this.#pathname = encodePath(removeDots(String(value).startsWith('/') ? String(value) : '/' + value)); }
    get search() { return this.#search; }
    set search(value) {
      const text = String(value).replace(/^\?/, '');
      this.#search = text ? '?' + encodeQuery(text) : '';
      URLSearchParams._replace(this.#params, text);
    }
    get searchParams() { return this.#params; }
    get hash() { return this.#hash; }
    set hash(value) { const text = String(value).replace(/^#/, ''); this.#hash = text ? '#' + text : ''; }
    get href() {
      const auth = this.#username ? this.#username + (this.#password ? ':' + this.#password : '') + '@' : '';
      return this.#protocol + '//' + auth + this.host + this.#pathname + this.#search + this.#hash;
    }
    toString() { return this.href; }
    toJSON() { return this.href; }
    get [Symbol.toStringTag]() { return 'URL'; }
  }

  define('URLSearchParams', URLSearchParams);
  define('URL', URL);
})();
`;
