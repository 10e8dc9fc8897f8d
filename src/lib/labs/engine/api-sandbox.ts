/**
 * The script around an API lab's handler (src/lib/labs/api/api-request.ts evaluates it in a new engine per request):
 * the Web and Fetch APIs, then the sandbox. It takes the functions the host lends (`__atlasApiHost`: query, log,
 * done) before the learner's code runs, and defines `__atlasApi.start(load, request, env, now)`, which the host
 * takes and calls once: it loads the learner's module (sucrase has turned `export default` into
 * `exports.default`), builds the Request and `env` (the lab's strings, `env.now()`, `env.db`: api-db.ts), sets the
 * clock that `Date.now()` and `new Date()` read, calls `fetch(request, env, ctx)` and reports the Response (status,
 * headers, body as text) or the error through `done`, once, as JSON.
 */
import './fetch-apis.ts';
import { database, type HostQuery } from './api-db.ts';
import { TextDecoder } from './encoding.ts';
import { takeGlobal } from './globals.ts';
import { Request } from './request.ts';
import { Response } from './response.ts';
import { REASONS } from './statuses.ts';

const host = takeGlobal<{ query: HostQuery; log: (line: string) => void; done: (json: string) => void }>(
  '__atlasApiHost',
);
const { parse, stringify } = JSON;

const RealDate = Date;
let clock = 0;
/** Date as the handler sees it: the lab's clock for `Date.now()` and `new Date()`, the real Date otherwise. */
function ClockDate(this: unknown, ...args: unknown[]) {
  if (!new.target) return new RealDate(clock).toString();
  return args.length ? new RealDate(...(args as [string])) : new RealDate(clock);
}
ClockDate.prototype = RealDate.prototype;
ClockDate.now = () => clock;
ClockDate.parse = RealDate.parse;
ClockDate.UTC = RealDate.UTC;
globalThis.Date = ClockDate as unknown as DateConstructor;

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
const log = (...args: unknown[]) => host.log(args.map(show).join(' '));
globalThis.console = { log, info: log, warn: log, error: log, debug: log } as unknown as Console;

const db = database(host.query, (line) => host.log(line));
const report = (outcome: object) => host.done(stringify(outcome));

function failure(error: unknown) {
  if (error instanceof Error) {
    return { error: { name: error.name, message: String(error.message), stack: String(error.stack ?? '') } };
  }
  const message = `Your handler threw ${show(error)} (throw an Error, or return a Response)`;
  return { error: { name: 'Error', message } };
}

type Handler = (request: Request, env: object, ctx: object) => unknown;
function handlerOf(exports: Record<string, unknown>): Handler {
  for (const candidate of [exports.default, exports] as { fetch?: unknown }[]) {
    const handler = candidate?.fetch;
    if (typeof handler === 'function')
      return (request, env, ctx): unknown => handler.call(candidate, request, env, ctx);
  }
  if (typeof exports.default === 'function') return exports.default as Handler;
  throw new TypeError('Export your handler: export default { async fetch(request, env) { … } }');
}

function toOutcome(response: unknown) {
  if (!(response instanceof Response)) {
    const got =
      response === undefined
        ? 'undefined (a missing return?)'
        : response instanceof Promise
          ? 'a Promise (a missing await?)'
          : show(response);
    throw new TypeError(`fetch must return a Response, got ${got}`);
  }
  if (response.type === 'error') {
    throw new TypeError('Response.error() makes a network error, which a handler cannot send: return a 5xx response');
  }
  const bytes = response._bytes();
  return {
    response: {
      status: response.status,
      statusText: response.statusText || (REASONS[response.status] ?? ''),
      headers: [...response.headers],
      body: bytes ? new TextDecoder().decode(bytes) : '',
    },
  };
}

type Load = (exports: object, require: (name: string) => never, module: { exports: object }) => void;
const noImports = (name: string): never => {
  throw new Error(`import "${name}" is not available here: a handler gets everything it needs through request and env`);
};

(globalThis as Record<string, unknown>).__atlasApi = {
  start(load: Load, requestJson: string, envJson: string, now: number) {
    clock = now;
    try {
      const module = { exports: {} as Record<string, unknown> };
      load(module.exports, noImports, module);
      const handler = handlerOf(module.exports);
      const data = parse(requestJson) as { path: string; method: string; headers: unknown; body: string | null };
      const request = new Request(`http://lab.test${data.path}`, {
        method: data.method,
        headers: data.headers,
        body: data.body === null ? undefined : data.body,
      });
      const env = Object.freeze({ ...(parse(envJson) as object), db, now: () => clock });
      const ctx = Object.freeze({ waitUntil() {}, passThroughOnException() {} });
      Promise.resolve()
        .then(() => handler(request, env, ctx))
        .then(toOutcome)
        .then(report, (error: unknown) => report(failure(error)));
    } catch (error) {
      report(failure(error));
    }
  },
};
