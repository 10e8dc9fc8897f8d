/**
 * `URL` and `URLSearchParams` inside the engine, parsed and written by the host's own WHATWG URL (web-host.ts): every
 * edge the standard defines (IPv6 hosts, credentials, ports, backslashes, percent-encoding) is the platform's.
 * Strings cross as USVStrings (a lone surrogate becomes U+FFFD first, as the standard converts them). Checked
 * against Node's own in tests/unit/labs/fetch-differential.test.ts.
 */
import { builtinJson, needs } from './globals.ts';
import { type UrlParts, webHost } from './web-host.ts';

const usv = (value: unknown) => String(value).toWellFormed();

type Pairs = [string, string][];

export class URLSearchParams {
  #list: Pairs = [];
  #onChange: ((text: string) => void) | undefined;
  constructor(init: unknown = '') {
    if (init instanceof URLSearchParams) this.#list = init.#list.map(([k, v]) => [k, v]);
    else if (typeof init === 'object' && init !== null) this.#list = URLSearchParams.#pairsOf(init);
    else this.#list = URLSearchParams.#parse(usv(init).replace(/^\?/, ''));
  }
  static #pairsOf(init: object): Pairs {
    if (typeof (init as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      return Object.keys(init).map((k) => [usv(k), usv((init as Record<string, unknown>)[k])]);
    }
    return [...(init as Iterable<unknown>)].map((pair) => {
      const list = typeof pair === 'object' && pair !== null ? [...(pair as Iterable<unknown>)] : [];
      if (list.length !== 2) throw new TypeError('URLSearchParams: each pair must have exactly two items');
      return [usv(list[0]), usv(list[1])];
    });
  }
  static #parse(text: string): Pairs {
    return builtinJson.parse(webHost.parseForm(text)) as Pairs;
  }
  /** Links the list to a URL: each change writes the URL's query, and the URL replaces the list when it changes. */
  static _link(params: URLSearchParams, onChange: (text: string) => void): void {
    params.#onChange = onChange;
  }
  static _replace(params: URLSearchParams, query: string): void {
    params.#list = URLSearchParams.#parse(query.replace(/^\?/, ''));
  }
  #changed() {
    this.#onChange?.(this.toString());
  }
  get size() {
    return this.#list.length;
  }
  append(...args: unknown[]) {
    needs(2, args.length, 'URLSearchParams.append');
    this.#list.push([usv(args[0]), usv(args[1])]);
    this.#changed();
  }
  delete(...args: unknown[]) {
    needs(1, args.length, 'URLSearchParams.delete');
    const [name, value] = [usv(args[0]), args[1] === undefined ? undefined : usv(args[1])];
    this.#list = this.#list.filter(([k, v]) => k !== name || (value !== undefined && v !== value));
    this.#changed();
  }
  get(...args: unknown[]): string | null {
    needs(1, args.length, 'URLSearchParams.get');
    const name = usv(args[0]);
    return this.#list.find(([k]) => k === name)?.[1] ?? null;
  }
  getAll(...args: unknown[]): string[] {
    needs(1, args.length, 'URLSearchParams.getAll');
    const name = usv(args[0]);
    return this.#list.filter(([k]) => k === name).map(([, v]) => v);
  }
  has(...args: unknown[]): boolean {
    needs(1, args.length, 'URLSearchParams.has');
    const [name, value] = [usv(args[0]), args[1] === undefined ? undefined : usv(args[1])];
    return this.#list.some(([k, v]) => k === name && (value === undefined || v === value));
  }
  set(...args: unknown[]) {
    needs(2, args.length, 'URLSearchParams.set');
    const [name, value] = [usv(args[0]), usv(args[1])];
    const at = this.#list.findIndex(([k]) => k === name);
    if (at < 0) this.#list.push([name, value]);
    else
      this.#list = this.#list.filter(([k], i) => k !== name || i === at).map((p, i) => (i === at ? [name, value] : p));
    this.#changed();
  }
  sort() {
    // By UTF-16 code units, stable, as the standard sorts.
    this.#list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#changed();
  }
  *entries(): IterableIterator<[string, string]> {
    for (let i = 0; i < this.#list.length; i++) yield [...this.#list[i]!];
  }
  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): IterableIterator<string> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(fn: (value: string, key: string, parent: URLSearchParams) => void, thisArg?: unknown) {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  toString(): string {
    return webHost.serializeForm(builtinJson.stringify(this.#list));
  }
  get [Symbol.toStringTag]() {
    return 'URLSearchParams';
  }
}

const invalid = (input: string, base: unknown) =>
  new TypeError(
    `Invalid URL: ${input}${base === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(input) ? ' (a path needs a base: new URL(path, request.url))' : ''}`,
  );

export class URL {
  #parts: UrlParts;
  readonly #params: URLSearchParams;
  constructor(...args: unknown[]) {
    needs(1, args.length, 'URL');
    const [input, base] = [usv(args[0]), args[1] === undefined ? undefined : usv(args[1])];
    const json = webHost.parseUrl(input, base);
    if (json === undefined) throw invalid(input, base);
    this.#parts = builtinJson.parse(json) as UrlParts;
    this.#params = new URLSearchParams(this.#parts.search);
    URLSearchParams._link(this.#params, (text) => this.#set('search', text, true));
  }
  static canParse(input: unknown, base?: unknown): boolean {
    return webHost.parseUrl(usv(input), base === undefined ? undefined : usv(base)) !== undefined;
  }
  static parse(input: unknown, base?: unknown): URL | null {
    return URL.canParse(input, base) ? new URL(input, base) : null;
  }
  /** Sets a part through the host's setter of that name; the search params follow unless they made the change. */
  #set(part: keyof UrlParts, value: unknown, fromParams = false) {
    const json = webHost.setUrl(this.#parts.href, part, usv(value));
    if (json === undefined) throw new TypeError(`Invalid URL: ${usv(value)}`);
    this.#parts = builtinJson.parse(json) as UrlParts;
    if (!fromParams) URLSearchParams._replace(this.#params, this.#parts.search);
  }
  get href() {
    return this.#parts.href;
  }
  set href(value: string) {
    this.#set('href', value);
  }
  get origin() {
    return this.#parts.origin;
  }
  get protocol() {
    return this.#parts.protocol;
  }
  set protocol(value: string) {
    this.#set('protocol', value);
  }
  get username() {
    return this.#parts.username;
  }
  set username(value: string) {
    this.#set('username', value);
  }
  get password() {
    return this.#parts.password;
  }
  set password(value: string) {
    this.#set('password', value);
  }
  get host() {
    return this.#parts.host;
  }
  set host(value: string) {
    this.#set('host', value);
  }
  get hostname() {
    return this.#parts.hostname;
  }
  set hostname(value: string) {
    this.#set('hostname', value);
  }
  get port() {
    return this.#parts.port;
  }
  set port(value: string) {
    this.#set('port', value);
  }
  get pathname() {
    return this.#parts.pathname;
  }
  set pathname(value: string) {
    this.#set('pathname', value);
  }
  get search() {
    return this.#parts.search;
  }
  set search(value: string) {
    this.#set('search', value);
  }
  get searchParams() {
    return this.#params;
  }
  get hash() {
    return this.#parts.hash;
  }
  set hash(value: string) {
    this.#set('hash', value);
  }
  toString() {
    return this.#parts.href;
  }
  toJSON() {
    return this.#parts.href;
  }
  get [Symbol.toStringTag]() {
    return 'URL';
  }
}
