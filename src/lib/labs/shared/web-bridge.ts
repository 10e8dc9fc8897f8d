/**
 * The host's side of the engine's Web APIs (src/lib/labs/engine/web-host.ts): lends `globalThis.__atlasWebHost`,
 * whose functions parse URLs with the host's own WHATWG URL and hash and sign with its WebCrypto. The WebCrypto
 * calls return promises into the engine, settled when the host's promise settles; `running` holds those still
 * going, so a runner's job loop waits for them before it decides nothing can settle. Every function answers the
 * engine without throwing: the engine's code could be handed odd values by a learner's handler.
 */
import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle } from 'quickjs-emscripten-core';
import type { HostError, UrlParts } from '../engine/web-host.ts';

const PARTS = [
  'href',
  'origin',
  'protocol',
  'username',
  'password',
  'host',
  'hostname',
  'port',
  'pathname',
  'search',
  'hash',
] as const;
type HostFunction = (...args: QuickJSHandle[]) => QuickJSHandle;

const SETTABLE = new Set<string>(PARTS.filter((part) => part !== 'origin'));

const partsOf = (url: URL) => {
  const parts: Partial<UrlParts> = {};
  for (const part of PARTS) parts[part] = url[part];
  return JSON.stringify(parts);
};

function hostError(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  const kind =
    typeof DOMException === 'function' && e instanceof DOMException
      ? 'DOMException'
      : ['TypeError', 'RangeError', 'SyntaxError'].includes(e.constructor.name)
        ? e.constructor.name
        : 'Error';
  return JSON.stringify({ kind, name: e.name, message: e.message } satisfies HostError);
}

const subtle = () => {
  const api = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!api) throw new DOMException('crypto.subtle needs a page served over HTTPS', 'NotSupportedError');
  return api;
};

export class WebBridge {
  /** WebCrypto calls the engine awaits. */
  readonly running = new Set<Promise<void>>();
  private readonly open = new Set<QuickJSDeferredPromise>();
  private readonly keys: CryptoKey[] = [];
  private closed = false;

  private readonly ctx: QuickJSContext;

  constructor(ctx: QuickJSContext) {
    this.ctx = ctx;
  }

  private text(handle: QuickJSHandle | undefined): string {
    return handle && this.ctx.typeof(handle) === 'string' ? this.ctx.getString(handle) : '';
  }

  private bytes(handle: QuickJSHandle | undefined): Uint8Array<ArrayBuffer> {
    if (!handle || this.ctx.typeof(handle) !== 'object') return new Uint8Array(0);
    const view = this.ctx.getArrayBuffer(handle);
    try {
      return new Uint8Array(view.value);
    } finally {
      view.dispose();
    }
  }

  private algorithm(handle: QuickJSHandle | undefined): AlgorithmIdentifier {
    return JSON.parse(this.text(handle)) as AlgorithmIdentifier;
  }

  /**
   * A promise for the engine, settled with `toHandle(value)` or the host's error. `start` reads its arguments now
   * (their handles live only during the call) and returns the work to wait for.
   */
  private later<T>(start: () => Promise<T>, toHandle: (value: T) => QuickJSHandle): QuickJSHandle {
    const deferred = this.ctx.newPromise();
    this.open.add(deferred);
    const settle = (ok: boolean, make: () => QuickJSHandle) => {
      if (this.closed) return;
      this.open.delete(deferred);
      const value = make();
      if (ok) deferred.resolve(value);
      else deferred.reject(value);
      value.dispose();
    };
    let work: Promise<T>;
    try {
      work = start();
    } catch (error) {
      work = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const done = work.then(
      (value) => settle(true, () => toHandle(value)),
      (error: unknown) => settle(false, () => this.ctx.newString(hostError(error))),
    );
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
    return deferred.handle;
  }

  private buffer = (value: ArrayBuffer) => this.ctx.newArrayBuffer(value);

  private key(handle: QuickJSHandle | undefined): CryptoKey {
    const key = this.keys[handle && this.ctx.typeof(handle) === 'number' ? this.ctx.getNumber(handle) : -1];
    if (!key) throw new TypeError('key is not a CryptoKey from crypto.subtle.importKey');
    return key;
  }

  private importKey(format: string, data: Uint8Array<ArrayBuffer> | JsonWebKey, args: QuickJSHandle[]) {
    const [algorithm, extractable, usages] = [
      this.algorithm(args[2]),
      args[3] !== undefined && this.ctx.dump(args[3]) === true,
      this.text(args[4]),
    ];
    const keyUsages = JSON.parse(usages) as KeyUsage[];
    const imported =
      format === 'jwk'
        ? subtle().importKey('jwk', data as JsonWebKey, algorithm, extractable, keyUsages)
        : subtle().importKey(format as 'raw', data as Uint8Array<ArrayBuffer>, algorithm, extractable, keyUsages);
    return imported.then((key) => {
      this.keys.push(key);
      const { type, algorithm: described, usages: granted } = key;
      return JSON.stringify({
        id: this.keys.length - 1,
        type,
        extractable: key.extractable,
        algorithm: described,
        usages: granted,
      });
    });
  }

  /** URL and form parsing by the host's own URL and URLSearchParams, and its string collation: answered at once. */
  private urlFunctions(): Record<string, HostFunction> {
    const { ctx } = this;
    const text = (handle: QuickJSHandle | undefined) => this.text(handle);
    return {
      parseUrl: (input, base) => {
        const url = URL.parse(text(input), base && ctx.typeof(base) === 'string' ? ctx.getString(base) : undefined);
        return url ? ctx.newString(partsOf(url)) : ctx.undefined;
      },
      setUrl: (href, part, value) => {
        const url = URL.parse(text(href));
        const name = text(part);
        if (!url || !SETTABLE.has(name)) return ctx.undefined;
        // The setters ignore what they cannot use, except href, which throws on what is not a URL.
        (url as unknown as Record<string, string>)[name] = text(value);
        return ctx.newString(partsOf(url));
      },
      parseForm: (form) => ctx.newString(JSON.stringify([...new URLSearchParams(text(form))])),
      // The platform's collation: QuickJS's own localeCompare compares code points, where browsers and Node use ICU.
      localeCompare: (a, b, locales, options) => {
        const json = (handle: QuickJSHandle | undefined) =>
          handle && ctx.typeof(handle) === 'string' ? (JSON.parse(ctx.getString(handle)) as unknown) : undefined;
        return ctx.newNumber(
          text(a).localeCompare(text(b), json(locales) as string[] | undefined, json(options) as Intl.CollatorOptions),
        );
      },
      serializeForm: (pairs) =>
        ctx.newString(new URLSearchParams(JSON.parse(text(pairs)) as [string, string][]).toString()),
    };
  }

  /** WebCrypto: promises for the engine. */
  private cryptoFunctions(): Record<string, HostFunction> {
    const { ctx } = this;
    return {
      digest: (algorithm, data) =>
        this.later(() => subtle().digest(this.algorithm(algorithm), this.bytes(data)), this.buffer),
      importKey: (...args) => {
        const format = this.text(args[0]);
        const data = () => (format === 'jwk' ? (JSON.parse(this.text(args[1])) as JsonWebKey) : this.bytes(args[1]));
        return this.later(
          () => this.importKey(format, data(), args),
          (json) => ctx.newString(json),
        );
      },
      sign: (algorithm, key, data) =>
        this.later(() => subtle().sign(this.algorithm(algorithm), this.key(key), this.bytes(data)), this.buffer),
      verify: (algorithm, key, signature, data) =>
        this.later(
          () => subtle().verify(this.algorithm(algorithm), this.key(key), this.bytes(signature), this.bytes(data)),
          (ok) => (ok ? ctx.true : ctx.false),
        ),
    };
  }

  /** Lends `globalThis.__atlasWebHost`, which the engine's Web APIs take as they load. */
  lend(): void {
    const { ctx } = this;
    const host = ctx.newObject();
    for (const [name, fn] of Object.entries({ ...this.urlFunctions(), ...this.cryptoFunctions() })) {
      const handle = ctx.newFunction(name, (...args) => {
        try {
          return fn(...args);
        } catch {
          return ctx.undefined;
        }
      });
      ctx.setProp(host, name, handle);
      handle.dispose();
    }
    ctx.setProp(ctx.global, '__atlasWebHost', host);
    host.dispose();
  }

  /** Waits for the WebCrypto calls still running (their answers are dropped), then frees what the engine was lent. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.running);
    for (const deferred of this.open) deferred.dispose();
  }
}
