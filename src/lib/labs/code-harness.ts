/**
 * The scripts that run inside the JavaScript engine around the learner's code (src/lib/labs/code-lab.ts):
 *
 * - HARNESS, before anything else: gives a lab's tests `test(name, fn)`, `assert` (with `assert.model` and
 *   `assert.asyncModel`, model-based runs on fast-check) and `createClock` (a fake clock), prints values for
 *   "expected … got …" messages, and sends each result to the host through functions the host lends it
 *   (`__atlasHost`), which it takes and deletes before the learner's code runs. Results never travel back through
 *   objects the learner's code can reach.
 * - LOCKDOWN, after the harness: freezes every built-in reachable from the global object, so learner code cannot
 *   replace `Promise.prototype.then`, add `Array.prototype.toJSON` or empty `Array.prototype.forEach` under the
 *   tests. Assigning an own property whose name a frozen prototype also has (`this.name = …` in an Error subclass)
 *   still works, as in Hardened JavaScript: those inherited properties become accessors that define the own one.
 */
import { WEB_APIS } from './web-apis.ts';

export const HARNESS =
  WEB_APIS +
  String.raw`
(() => {
  const host = globalThis.__atlasHost;
  delete globalThis.__atlasHost;
  const report = host.report, named = host.named, logLine = host.log;
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
  const safeShow = (value) => { try { return show(value); } catch { return '(a value that cannot be shown)'; } };

  class AssertionError extends Error {}
  const fail = (message, detail) => { throw new AssertionError(message + (detail ? ': ' + detail : '')); };
  const expectedGot = (expected, actual) => 'expected ' + safeShow(expected) + ', got ' + safeShow(actual);

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
  const describe = (error) => (error instanceof AssertionError ? error.message : (error && error.name ? error.name + ': ' + error.message : 'threw ' + safeShow(error)));

  /** fast-check, when the lab's tests use it (the host loads it and hands it over with useFastCheck). */
  let fc;
  const needFastCheck = () => { if (!fc) throw new Error('fast-check is not loaded for this lab'); return fc; };
  /** "set(\"a\", 1), get(\"a\")": the commands that ran, as the learner reads them. */
  const steps = (commands) => String(commands).replace(/ \/\*replayPath=.*\*\/$/, '').replace(/\),(?=\S)/g, '), ');
  const modelFailure = (result, what) => {
    if (!result.failed) return;
    const sequence = steps(result.counterexample[0]);
    fail(what, 'the shortest failing sequence is ' + (sequence || '(no step)') + ' — ' + describe(result.errorInstance));
  };

  const assert = {
    equal(actual, expected, what = 'value') { if (!is(actual, expected)) fail(what, expectedGot(expected, actual)); },
    notEqual(actual, unexpected, what = 'value') { if (is(actual, unexpected)) fail(what, 'expected anything but ' + safeShow(unexpected)); },
    deepEqual(actual, expected, what = 'value') { if (!deepEqual(actual, expected)) fail(what, expectedGot(expected, actual)); },
    ok(value, what = 'expected a true value') { if (!value) fail(what, 'got ' + safeShow(value)); },
    close(actual, expected, tolerance, what = 'value') {
      if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= tolerance)) fail(what, 'expected ' + safeShow(expected) + ' ± ' + tolerance + ', got ' + safeShow(actual));
    },
    throws(fn, expected, what = 'expected it to throw') {
      let threw = false, error;
      try { fn(); } catch (e) { threw = true; error = e; }
      if (!threw) fail(what, 'it returned normally');
      if (!matches(error, expected)) fail(what, 'it threw ' + safeShow(error) + ', expected ' + safeShow(expected));
    },
    async rejects(promiseOrFn, expected, what = 'expected it to reject') {
      let rejected = false, error;
      try { await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn); } catch (e) { rejected = true; error = e; }
      if (!rejected) fail(what, 'it resolved');
      if (!matches(error, expected)) fail(what, 'it rejected with ' + safeShow(error) + ', expected ' + safeShow(expected));
    },
    /**
     * Random sequences of commands run against a model and the learner's code (fast-check's modelRun), with a
     * fixed seed: a failure names the shortest failing sequence fast-check finds.
     */
    model(commands, setup, { numRuns = 100, seed = 1, size = 'medium', what = 'over random operations' } = {}) {
      const fc = needFastCheck();
      const property = fc.property(fc.commands(commands, { size, disableReplayLog: true }), (cmds) => { fc.modelRun(setup, cmds); });
      modelFailure(fc.check(property, { seed, numRuns }), what);
    },
    async asyncModel(commands, setup, { numRuns = 100, seed = 1, size = 'medium', what = 'over random operations' } = {}) {
      const fc = needFastCheck();
      const property = fc.asyncProperty(fc.commands(commands, { size, disableReplayLog: true }), async (cmds) => { await fc.asyncModelRun(setup, cmds); });
      modelFailure(await fc.check(property, { seed, numRuns }), what);
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
  let logged = 0;
  globalThis.console = {
    log: (...args) => {
      if (logged >= 200) return;
      logged++;
      const line = args.map((a) => (typeof a === 'string' ? a : safeShow(a))).join(' ');
      logLine(line.length > 2000 ? line.slice(0, 2000) + '… (' + (line.length - 2000) + ' more characters)' : line);
    },
  };
  console.error = console.warn = console.info = console.debug = console.log;

  globalThis.__atlasHarness = {
    /** What the tests' function receives: test, assert, createClock and, when loaded, fc. */
    api: () => [(name, fn) => { named(tests.length, String(name)); tests.push(fn); }, assert, createClock, fc],
    useFastCheck(library) { fc = library; },
    run() {
      tests.forEach((fn, i) => {
        const settle = (passed, message) => report(i, passed, message === undefined ? undefined : String(message));
        try {
          const value = fn();
          if (value instanceof Promise) value.then(() => settle(true), (e) => settle(false, describe(e)));
          else settle(true);
        } catch (e) { settle(false, describe(e)); }
      });
    },
  };
})();
`;

/**
 * Freezes the built-ins, the web APIs and the harness's console before the learner's code runs; the global object
 * itself stays open, since the learner's code defines its own globals.
 */
export const LOCKDOWN = String.raw`
(() => {
  const { getOwnPropertyNames, getOwnPropertySymbols, getOwnPropertyDescriptor, defineProperty, freeze, getPrototypeOf, isFrozen } = Object;
  // Inherited data properties that code commonly assigns as its own (the "override mistake" of frozen prototypes).
  const tame = (object, names) => {
    for (const name of names) {
      const desc = object && getOwnPropertyDescriptor(object, name);
      if (!desc || !('value' in desc) || !desc.configurable) continue;
      const value = desc.value;
      defineProperty(object, name, {
        get() { return value; },
        set(next) {
          if (this === object) throw new TypeError('Cannot assign to read only property ' + String(name) + ' of a built-in');
          defineProperty(this, name, { value: next, writable: true, enumerable: true, configurable: true });
        },
        enumerable: desc.enumerable,
        configurable: false,
      });
    }
  };
  const errors = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError]
    .concat(typeof AggregateError === 'function' ? [AggregateError] : [], typeof DOMException === 'function' ? [DOMException] : []);
  tame(Object.prototype, ['constructor', 'toString', 'valueOf', 'toLocaleString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']);
  for (const E of errors) tame(E.prototype, ['name', 'message', 'constructor', 'toString']);
  tame(Function.prototype, ['toString', 'constructor']);
  tame(Array.prototype, ['toString', 'constructor']);
  tame(Promise.prototype, ['constructor']);
  const hidden = [
    getPrototypeOf(function* () {}), getPrototypeOf(async function () {}), getPrototypeOf(async function* () {}),
    getPrototypeOf([][Symbol.iterator]()), getPrototypeOf(new Map()[Symbol.iterator]()), getPrototypeOf(new Set()[Symbol.iterator]()),
    getPrototypeOf(''[Symbol.iterator]()), getPrototypeOf(/a/[Symbol.matchAll]('')), getPrototypeOf(Int8Array),
    getPrototypeOf((function* () {})()), getPrototypeOf((async function* () {})()),
  ];
  const seen = new Set();
  const todo = [...hidden];
  for (const name of getOwnPropertyNames(globalThis)) {
    if (name === 'globalThis') continue;
    const desc = getOwnPropertyDescriptor(globalThis, name);
    if (desc && 'value' in desc) todo.push(desc.value);
  }
  while (todo.length > 0) {
    const value = todo.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || value === globalThis || seen.has(value)) continue;
    seen.add(value);
    todo.push(getPrototypeOf(value));
    for (const key of [...getOwnPropertyNames(value), ...getOwnPropertySymbols(value)]) {
      const desc = getOwnPropertyDescriptor(value, key);
      if (!desc) continue;
      if ('value' in desc) todo.push(desc.value);
      else todo.push(desc.get, desc.set);
    }
  }
  for (const value of seen) if (!isFrozen(value)) freeze(value);
})();
`;
