/**
 * The test harness that runs inside the JavaScript engine, before the learner's code. It gives a lab's tests
 * `test(name, fn)`, `assert` and `createClock` (a fake clock for tasks about time), and prints values for
 * "expected … got …" messages. It hands itself to the host as `__atlasHarness` and the host deletes that global
 * before the learner's code runs, so learner code cannot replace the tests or the way they are judged.
 */
import { WEB_APIS } from './web-apis.ts';

export const HARNESS =
  WEB_APIS +
  String.raw`
(() => {
  // The built-ins the judging relies on, taken before the learner's code can replace them.
  const is = Object.is, keysOf = Object.keys, protoOf = Object.getPrototypeOf, hasOwn = Object.prototype.hasOwnProperty;
  const show = (value, depth = 0) => {
    if (typeof value === 'string') return depth === 0 && value.length > 200 ? JSON.stringify(value.slice(0, 200)) + '…' : JSON.stringify(value);
    if (typeof value === 'bigint') return value + 'n';
    if (typeof value === 'function') return value.name ? '[function ' + value.name + ']' : '[function]';
    if (typeof value === 'symbol') return value.toString();
    if (value === null || typeof value !== 'object') return is(value, -0) ? '-0' : String(value);
    if (depth > 3) return Array.isArray(value) ? '[…]' : '{…}';
    if (value instanceof Error) return value.name + ': ' + value.message;
    if (value instanceof Map) return 'Map(' + value.size + ') {' + [...value].slice(0, 20).map(([k, v]) => show(k, depth + 1) + ' => ' + show(v, depth + 1)).join(', ') + '}';
    if (value instanceof Set) return 'Set(' + value.size + ') {' + [...value].slice(0, 20).map((v) => show(v, depth + 1)).join(', ') + '}';
    if (Array.isArray(value)) return '[' + value.slice(0, 30).map((v) => show(v, depth + 1)).join(', ') + (value.length > 30 ? ', …' : '') + ']';
    if (value instanceof RegExp) return String(value);
    if (value instanceof Date) return 'Date(' + (Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()) + ')';
    if (value instanceof Promise) return 'Promise {…} (did you forget await?)';
    const keys = keysOf(value);
    const name = value.constructor && value.constructor !== Object ? value.constructor.name + ' ' : '';
    return name + '{' + keys.slice(0, 20).map((k) => k + ': ' + show(value[k], depth + 1)).join(', ') + (keys.length > 20 ? ', …' : '') + '}';
  };

  class AssertionError extends Error {}
  const fail = (message, detail) => { throw new AssertionError(message + (detail ? ': ' + detail : '')); };
  const expectedGot = (expected, actual) => 'expected ' + show(expected) + ', got ' + show(actual);

  const deepEqual = (a, b) => {
    if (is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (protoOf(a) !== protoOf(b)) return false;
    if (a instanceof Date) return a.getTime() === b.getTime();
    if (a instanceof Map || a instanceof Set) {
      if (a.size !== b.size) return false;
      if (a instanceof Set) return [...a].every((v) => b.has(v));
      return [...a].every(([k, v]) => b.has(k) && deepEqual(v, b.get(k)));
    }
    const ka = keysOf(a), kb = keysOf(b);
    return ka.length === kb.length && ka.every((k) => hasOwn.call(b, k) && deepEqual(a[k], b[k]));
  };

  const matches = (error, expected) =>
    expected === undefined ||
    (expected instanceof RegExp ? expected.test(String(error && error.message)) : typeof expected === 'function' ? error instanceof expected : false);

  const assert = {
    equal(actual, expected, what = 'value') { if (!is(actual, expected)) fail(what, expectedGot(expected, actual)); },
    notEqual(actual, unexpected, what = 'value') { if (is(actual, unexpected)) fail(what, 'expected anything but ' + show(unexpected)); },
    deepEqual(actual, expected, what = 'value') { if (!deepEqual(actual, expected)) fail(what, expectedGot(expected, actual)); },
    ok(value, what = 'expected a true value') { if (!value) fail(what, 'got ' + show(value)); },
    close(actual, expected, tolerance, what = 'value') {
      if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= tolerance)) fail(what, 'expected ' + show(expected) + ' ± ' + tolerance + ', got ' + show(actual));
    },
    throws(fn, expected, what = 'expected it to throw') {
      let threw = false, error;
      try { fn(); } catch (e) { threw = true; error = e; }
      if (!threw) fail(what, 'it returned normally');
      if (!matches(error, expected)) fail(what, 'it threw ' + show(error) + ', expected ' + show(expected));
    },
    async rejects(promiseOrFn, expected, what = 'expected it to reject') {
      let rejected = false, error;
      try { await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn); } catch (e) { rejected = true; error = e; }
      if (!rejected) fail(what, 'it resolved');
      if (!matches(error, expected)) fail(what, 'it rejected with ' + show(error) + ', expected ' + show(expected));
    },
  };

  /** A clock that moves only when a test moves it: now(), sleep(ms) resolves when advance() passes its time. */
  const createClock = (start = 0) => {
    let now = start, seq = 0;
    const timers = [];
    const clock = {
      now: () => now,
      sleep: (ms) => new Promise((resolve) => timers.push({ at: now + Math.max(0, ms), seq: seq++, resolve })),
      setTimeout: (fn, ms) => { const t = { at: now + Math.max(0, ms || 0), seq: seq++, resolve: fn }; timers.push(t); return t; },
      clearTimeout: (t) => { const i = timers.indexOf(t); if (i >= 0) timers.splice(i, 1); },
      /** Moves time forward, firing due timers in time order; returns a promise settled after their callbacks ran. */
      async advance(ms) {
        const end = now + ms;
        for (;;) {
          timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
          const next = timers[0];
          if (!next || next.at > end) break;
          timers.shift();
          now = next.at;
          next.resolve();
          for (let i = 0; i < 20; i++) await null;
        }
        now = end;
      },
      pending: () => timers.length,
    };
    return clock;
  };

  const tests = [];
  const results = [];
  const logs = [];
  const describe = (error) => (error instanceof AssertionError ? error.message : (error && error.name ? error.name + ': ' + error.message : 'threw ' + show(error)));

  globalThis.console = {
    log: (...args) => {
      if (logs.length >= 200) return;
      const line = args.map((a) => (typeof a === 'string' ? a : show(a))).join(' ');
      logs.push(line.length > 2000 ? line.slice(0, 2000) + '… (' + (line.length - 2000) + ' more characters)' : line);
    },
  };
  console.error = console.warn = console.info = console.log;

  globalThis.__atlasHarness = {
    api: [(name, fn) => tests.push({ name, fn }), assert, createClock],
    run() {
      tests.forEach(({ name, fn }, i) => {
        const settle = (passed, message) => { results[i] = message === undefined ? { name, passed } : { name, passed, message }; };
        try {
          const value = fn();
          if (value && typeof value.then === 'function') value.then(() => settle(true), (e) => settle(false, describe(e)));
          else settle(true);
        } catch (e) { settle(false, describe(e)); }
      });
    },
    names: () => tests.map((t) => t.name),
    results: () => results,
    logs: () => logs,
  };
})();
`;
