/**
 * `Headers` inside the engine, as the Fetch standard and Node define it: names are tokens, compared without case;
 * values are byte strings with the surrounding whitespace removed; iteration is sorted, `set-cookie` kept apart.
 * Checked against Node's own in tests/unit/labs/fetch-differential.test.ts.
 */
import { needs } from './globals.ts';

export const TOKEN = /^[!#$%&'*+.^_|~0-9A-Za-z-]+$/;

function headerName(name: unknown): string {
  const text = String(name);
  if (!TOKEN.test(text)) throw new TypeError(`Headers: "${text}" is not a valid header name`);
  return text.toLowerCase();
}

function headerValue(value: unknown): string {
  const text = String(value);
  if (/[^\0-\xff]/.test(text)) throw new TypeError(`Headers: the value "${text}" has a character beyond byte 255`);
  const trimmed = text.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  if (/[\0\r\n]/.test(trimmed)) throw new TypeError('Headers: a header value may not contain a line break');
  return trimmed;
}

export class Headers {
  /** Lower-case name → its values. */
  readonly #map = new Map<string, string[]>();
  #immutable = false;
  constructor(...args: unknown[]) {
    const init = args[0];
    if (init === undefined) return;
    if (init instanceof Headers) {
      for (const [k, v] of init) this.append(k, v);
      return;
    }
    if (typeof init !== 'object' || init === null) {
      throw new TypeError('Headers: init must be an object, an array of pairs or Headers');
    }
    if (typeof (init as Iterable<unknown>)[Symbol.iterator] !== 'function') {
      for (const key of Object.keys(init)) this.append(key, (init as Record<string, unknown>)[key]);
      return;
    }
    for (const pair of init as Iterable<unknown>) {
      const list = typeof pair === 'object' && pair !== null ? [...(pair as Iterable<unknown>)] : [];
      if (list.length !== 2) throw new TypeError('Headers: each header must be a [name, value] pair');
      this.append(list[0], list[1]);
    }
  }
  /** Makes headers immutable, as a redirect's or an error response's are. */
  static _freeze(headers: Headers): Headers {
    headers.#immutable = true;
    return headers;
  }
  #change(): void {
    if (this.#immutable) throw new TypeError('Headers: these headers are immutable');
  }
  append(...args: unknown[]): void {
    needs(2, args.length, 'Headers.append');
    const [key, value] = [headerName(args[0]), headerValue(args[1])];
    this.#change();
    const list = this.#map.get(key);
    if (list) list.push(value);
    else this.#map.set(key, [value]);
  }
  set(...args: unknown[]): void {
    needs(2, args.length, 'Headers.set');
    const [key, value] = [headerName(args[0]), headerValue(args[1])];
    this.#change();
    this.#map.set(key, [value]);
  }
  get(...args: unknown[]): string | null {
    needs(1, args.length, 'Headers.get');
    return this.#map.get(headerName(args[0]))?.join(', ') ?? null;
  }
  getSetCookie(): string[] {
    return [...(this.#map.get('set-cookie') ?? [])];
  }
  has(...args: unknown[]): boolean {
    needs(1, args.length, 'Headers.has');
    return this.#map.has(headerName(args[0]));
  }
  delete(...args: unknown[]): void {
    needs(1, args.length, 'Headers.delete');
    const key = headerName(args[0]);
    this.#change();
    this.#map.delete(key);
  }
  *entries(): IterableIterator<[string, string]> {
    for (const key of [...this.#map.keys()].sort()) {
      const values = this.#map.get(key) ?? [];
      if (key === 'set-cookie') for (const value of values) yield [key, value];
      else yield [key, values.join(', ')];
    }
  }
  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }
  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }
  forEach(fn: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) fn.call(thisArg, value, key, this);
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  get [Symbol.toStringTag]() {
    return 'Headers';
  }
}
