/**
 * The script that runs inside the JavaScript engine around an API lab's handler (src/lib/labs/api-lab.ts), after
 * WEB_APIS and FETCH_APIS. It takes the functions the host lends (`__atlasApiHost`: query, log, done) and deletes
 * them from the global object before the learner's code runs, then defines `__atlasApi.start(module, request,
 * env, now)`, which the host calls once per request:
 *
 * - loads the learner's module (sucrase has turned `export default` into `exports.default`);
 * - builds the `Request`, and `env`: the lab's strings, `env.now()`, and `env.db` — `query(sql, params)` and
 *   `transaction(fn)` — whose statements the host runs on PGlite, resolving the promise it handed out;
 * - sets the clock that `Date.now()` and `new Date()` read;
 * - calls `fetch(request, env, ctx)` and reports the `Response` (status, headers, body as text) or the error,
 *   through `done`, once. Values cross as JSON strings only: dates as `{ "$date": iso }`.
 */
export const API_SANDBOX = String.raw`
(() => {
  const host = globalThis.__atlasApiHost;
  delete globalThis.__atlasApiHost;
  const hostQuery = host.query, logLine = host.log, done = host.done;
  const stringify = JSON.stringify, parse = JSON.parse;

  const RealDate = Date;
  let clock = 0;
  function ClockDate(...args) {
    if (!new.target) return new RealDate(clock).toString();
    return args.length ? new RealDate(...args) : new RealDate(clock);
  }
  ClockDate.prototype = RealDate.prototype;
  ClockDate.now = () => clock;
  ClockDate.parse = RealDate.parse;
  ClockDate.UTC = RealDate.UTC;
  globalThis.Date = ClockDate;

  const show = (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return value.name + ': ' + value.message;
    try { return stringify(value, (k, v) => (typeof v === 'bigint' ? v + 'n' : v)) ?? String(value); } catch { return String(value); }
  };
  const log = (...args) => logLine(args.map(show).join(' '));
  globalThis.console = { log, info: log, warn: log, error: log, debug: log };

  const revive = (key, value) =>
    value !== null && typeof value === 'object' && typeof value.$date === 'string' && Object.keys(value).length === 1 ? new RealDate(value.$date) : value;
  const encodeParam = (value, i) => {
    if (value === undefined) return null; // as node-postgres sends it
    if (typeof value === 'bigint') return String(value);
    if (typeof value === 'function' || typeof value === 'symbol') throw new TypeError('env.db.query: parameter $' + (i + 1) + ' is a ' + typeof value);
    if (value instanceof RealDate) return { $date: value.toISOString() };
    return value;
  };

  class DatabaseError extends Error {
    constructor(info) {
      super(info.message);
      this.name = 'DatabaseError';
      for (const key of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema']) if (info[key] !== undefined) this[key] = info[key];
      this.severity = 'ERROR';
    }
  }

  const db = Object.freeze({
    query(sql, params = []) {
      if (typeof sql !== 'string') return Promise.reject(new TypeError('env.db.query: the first argument is the SQL, as a string'));
      if (!Array.isArray(params)) return Promise.reject(new TypeError('env.db.query: parameters are an array, e.g. env.db.query(sql, [id])'));
      let encoded;
      try { encoded = stringify(params.map(encodeParam)); } catch (error) { return Promise.reject(error); }
      return hostQuery(sql, encoded).then(
        (json) => parse(json, revive),
        (json) => { throw new DatabaseError(parse(json)); },
      );
    },
    async transaction(fn) {
      if (typeof fn !== 'function') throw new TypeError('env.db.transaction takes a function: env.db.transaction(async (db) => { … })');
      await db.query('BEGIN');
      let result;
      try {
        result = await fn(db);
      } catch (error) {
        try { await db.query('ROLLBACK'); } catch {}
        throw error;
      }
      await db.query('COMMIT');
      return result;
    },
  });

  const report = (outcome) => done(stringify(outcome));
  const failure = (error) => {
    if (error instanceof Error) return { error: { name: error.name, message: String(error.message), stack: String(error.stack ?? '') } };
    return { error: { name: 'Error', message: 'Your handler threw ' + show(error) + ' (throw an Error, or return a Response)' } };
  };
  const handlerOf = (exports) => {
    const candidates = [exports && exports.default, exports];
    for (const c of candidates) if (c && typeof c.fetch === 'function') return (request, env, ctx) => c.fetch(request, env, ctx);
    if (exports && typeof exports.default === 'function') return exports.default;
    throw new TypeError('Export your handler: export default { async fetch(request, env) { … } }');
  };
  const toOutcome = (response) => {
    if (!(response instanceof Response)) {
      const got = response === undefined ? 'undefined (a missing return?)' : response instanceof Promise ? 'a Promise (a missing await?)' : show(response);
      throw new TypeError('fetch must return a Response, got ' + got);
    }
    const bytes = response._bytes();
    return {
      response: {
        status: response.status,
        statusText: response.statusText || Response._reason(response.status),
        headers: [...response.headers],
        body: bytes ? new TextDecoder().decode(bytes) : '',
      },
    };
  };

  globalThis.__atlasApi = {
    start(load, requestJson, envJson, now) {
      clock = now;
      try {
        const module = { exports: {} };
        load(module.exports, (name) => {
          throw new Error('import "' + name + '" is not available here: a handler gets everything it needs through request and env');
        }, module);
        const handler = handlerOf(module.exports);
        const data = parse(requestJson);
        const request = new Request('http://lab.test' + data.path, {
          method: data.method,
          headers: data.headers,
          body: data.body === null ? undefined : data.body,
        });
        const env = Object.freeze({ ...parse(envJson), db, now: () => clock });
        const ctx = Object.freeze({ waitUntil() {}, passThroughOnException() {} });
        Promise.resolve()
          .then(() => handler(request, env, ctx))
          .then(toOutcome)
          .then(report, (error) => report(failure(error)));
      } catch (error) {
        report(failure(error));
      }
    },
  };
})();
`;
