/**
 * The script a code lab's engine runs first (src/lib/labs/code/code-lab.ts): the Web APIs, then the harness. It gives a
 * lab's tests `test(name, fn)`, `assert` (assert.ts) and `createClock` (clock.ts), prints values for "expected …
 * got …" messages, and sends each result to the host through the functions the host lends (`__atlasHost`), which
 * it takes before the learner's code runs: results never travel back through objects the learner's code can reach.
 * The host takes `__atlasHarness` the same way. `__atlasWords` are assert's words in the page's language.
 */
import './web-apis.ts';
import { assert, describe, fastCheck, useFastCheck } from './assert.ts';
import { createClock } from './clock.ts';
import { takeGlobal } from './globals.ts';
import { type AssertWords, useAssertWords } from './harness-words.ts';
import { safeShow } from './show.ts';

interface Host {
  report(index: number, passed: boolean, message?: string): void;
  named(index: number, name: string): void;
  started(index: number): void;
  log(line: string): void;
}
const host = takeGlobal<Host>('__atlasHost');
// The words of the page's language, lent like the host (code-lab.ts): English when none came.
useAssertWords(takeGlobal<AssertWords | undefined>('__atlasWords'));

type Test = () => unknown;
const tests: Test[] = [];
let logged = 0;
const log = (...args: unknown[]) => {
  if (logged >= 200) return;
  logged++;
  const line = args.map((a) => (typeof a === 'string' ? a : safeShow(a))).join(' ');
  host.log(line.length > 2000 ? `${line.slice(0, 2000)}… (${line.length - 2000} more characters)` : line);
};
globalThis.console = { log, error: log, warn: log, info: log, debug: log } as unknown as Console;

const test = (name: unknown, fn: Test) => {
  host.named(tests.length, String(name));
  tests.push(fn);
};

(globalThis as Record<string, unknown>).__atlasHarness = {
  /** What the tests' function receives: test, assert, createClock and, when loaded, fc. */
  api: () => [test, assert, createClock, fastCheck()],
  useFastCheck,
  run() {
    tests.forEach((fn, i) => {
      const settle = (passed: boolean, message?: string) => host.report(i, passed, message);
      host.started(i);
      try {
        const value = fn();
        if (value instanceof Promise)
          value.then(
            () => settle(true),
            (e: unknown) => settle(false, describe(e)),
          );
        else settle(true);
      } catch (e) {
        settle(false, describe(e));
      }
    });
  },
};
