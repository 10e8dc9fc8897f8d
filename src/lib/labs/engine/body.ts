/**
 * What Request and Response share (the Fetch standard's Body mixin): a body kept as bytes, read once as text, JSON,
 * bytes or an ArrayBuffer. Bodies are text or bytes here: no streams, Blob or FormData.
 */
import { TextDecoder, TextEncoder } from './encoding.ts';
import type { Headers } from './headers.ts';
import { URLSearchParams } from './url.ts';
import { builtinJson } from './globals.ts';

/**
 * A body read as a stream here is only passed on whole, as in `new Response(other.body, other)`: a stand-in that
 * carries the bytes, not a ReadableStream.
 */
export class BodyStream {
  readonly #bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }
  static _bytes(stream: BodyStream): Uint8Array {
    return stream.#bytes;
  }
  get locked() {
    return false;
  }
  getReader(): never {
    throw new TypeError(
      'Reading a body as a stream is not available here: use await request.text(), json() or arrayBuffer()',
    );
  }
  get [Symbol.toStringTag]() {
    return 'ReadableStream';
  }
}

const copy = (view: ArrayBufferView) =>
  new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer);

/** A body given to a constructor, as bytes; sets the content type a string or URLSearchParams implies. */
export function toBody(body: unknown, headers: Headers): Uint8Array | null {
  if (body === null || body === undefined) return null;
  if (body instanceof BodyStream) return BodyStream._bytes(body);
  const typed = (type: string, text: string) => {
    if (!headers.has('content-type')) headers.set('content-type', type);
    return new TextEncoder().encode(text);
  };
  if (typeof body === 'string') return typed('text/plain;charset=UTF-8', body);
  if (body instanceof URLSearchParams) return typed('application/x-www-form-urlencoded;charset=UTF-8', String(body));
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  if (ArrayBuffer.isView(body)) return copy(body);
  // Runtimes send String(body), "[object Object]": this says what was meant instead.
  if (typeof body === 'object') {
    throw new TypeError(
      'This body type is not supported here: send a string (JSON.stringify(data)), bytes, URLSearchParams, or use Response.json(data)',
    );
  }
  return typed('text/plain;charset=UTF-8', String(body));
}

export class Body {
  #bytes: Uint8Array | null = null;
  #used = false;
  protected _setBody(bytes: Uint8Array | null): void {
    this.#bytes = bytes;
  }
  /** The body's bytes, unread: for clone and for the sandbox that sends the response. */
  _bytes(): Uint8Array | null {
    return this.#bytes;
  }
  /** Marks the body used: a request made from another takes its body over, as the standard says. */
  protected _takenOver(): void {
    this.#used = this.#bytes !== null;
  }
  get body(): BodyStream | null {
    return this.#bytes === null ? null : new BodyStream(this.#bytes);
  }
  get bodyUsed(): boolean {
    return this.#used;
  }
  #take(): Promise<Uint8Array> {
    if (this.#used) {
      return Promise.reject(
        new TypeError('Body has already been used: read it once (await request.text()) and keep the result'),
      );
    }
    this.#used = true;
    return Promise.resolve(this.#bytes ?? new Uint8Array(0));
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().then((b) => copy(b).buffer);
  }
  bytes(): Promise<Uint8Array> {
    return this.#take().then(copy);
  }
  text(): Promise<string> {
    return this.#take().then((b) => new TextDecoder().decode(b));
  }
  json(): Promise<unknown> {
    return this.text().then((t) => builtinJson.parse(t) as unknown);
  }
  blob(): Promise<never> {
    return Promise.reject(new TypeError('Blob is not available here: use text(), json() or arrayBuffer()'));
  }
  formData(): Promise<never> {
    return Promise.reject(
      new TypeError('FormData is not available here: parse the body with new URLSearchParams(await request.text())'),
    );
  }
}
