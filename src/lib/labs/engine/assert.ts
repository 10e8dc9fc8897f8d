/**
 * The `assert` a code lab's tests use: equal, notEqual, deepEqual (deep-equal.ts), ok, close, throws, rejects, and
 * model-based runs on fast-check (`model`, `asyncModel`) with a fixed seed. A failure throws an AssertionError whose
 * message says what was expected and what came.
 */
import { deepEqual } from './deep-equal.ts';
import { fill } from '../../../core/format/fill.ts';
import { assertWords as w } from './harness-words.ts';
import { safeShow } from './show.ts';

class AssertionError extends Error {}

const fail = (message: string, detail?: string): never => {
  throw new AssertionError(message + (detail ? `: ${detail}` : ''));
};
const expectedGot = (expected: unknown, actual: unknown) =>
  fill(w().expectedGot, { expected: safeShow(expected), actual: safeShow(actual) });

type Expected = RegExp | (new (...args: never[]) => unknown) | undefined;
const matches = (error: unknown, expected: Expected) =>
  expected === undefined ||
  (expected instanceof RegExp
    ? expected.test(String((error as { message?: unknown } | null)?.message))
    : typeof expected === 'function'
      ? error instanceof expected
      : false);

/** A test's failure as the learner reads it. */
export function describe(error: unknown): string {
  if (error instanceof AssertionError) return error.message;
  const e = error as { name?: unknown; message?: unknown } | null;
  return e?.name ? `${String(e.name)}: ${String(e.message)}` : fill(w().threwValue, { value: safeShow(error) });
}

/** The part of fast-check the model runs use (the host hands the library over with useFastCheck). */
interface FastCheck {
  property(arb: unknown, check: (cmds: unknown) => void): unknown;
  asyncProperty(arb: unknown, check: (cmds: unknown) => Promise<void>): unknown;
  commands(commands: unknown, options: object): unknown;
  modelRun(setup: unknown, cmds: unknown): void;
  asyncModelRun(setup: unknown, cmds: unknown): Promise<void>;
  check(property: unknown, options: object): ModelResult | Promise<ModelResult>;
}
interface ModelResult {
  failed: boolean;
  counterexample: unknown[] | null;
  errorInstance: unknown;
}
interface ModelOptions {
  numRuns?: number;
  seed?: number;
  size?: string;
  what?: string;
}

let fc: FastCheck | undefined;
export const useFastCheck = (library: FastCheck) => (fc = library);
export const fastCheck = () => fc;
const needFastCheck = () => fc ?? fail('fast-check is not loaded for this lab');

/** "set(\"a\", 1), get(\"a\")": the commands that ran, as the learner reads them. */
const steps = (commands: unknown) =>
  String(commands)
    .replace(/ \/\*replayPath=.*\*\/$/, '')
    .replace(/\),(?=\S)/g, '), ');
function modelFailure(result: ModelResult, what: string) {
  if (!result.failed) return;
  const sequence = steps(result.counterexample?.[0]);
  fail(what, fill(w().shortest, { steps: sequence || w().noStep, why: describe(result.errorInstance) }));
}

export const assert = {
  equal(actual: unknown, expected: unknown, what = w().value) {
    if (!Object.is(actual, expected)) fail(what, expectedGot(expected, actual));
  },
  notEqual(actual: unknown, unexpected: unknown, what = w().value) {
    if (Object.is(actual, unexpected)) fail(what, fill(w().anythingBut, { value: safeShow(unexpected) }));
  },
  deepEqual(actual: unknown, expected: unknown, what = w().value) {
    if (!deepEqual(actual, expected)) fail(what, expectedGot(expected, actual));
  },
  ok(value: unknown, what = w().trueValue) {
    if (!value) fail(what, fill(w().got, { value: safeShow(value) }));
  },
  close(actual: unknown, expected: number, tolerance: number, what = w().value) {
    if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= tolerance)) {
      fail(what, fill(w().closeTo, { expected: safeShow(expected), tolerance, actual: safeShow(actual) }));
    }
  },
  throws(fn: () => unknown, expected?: Expected, what = w().toThrow) {
    let [threw, error]: [boolean, unknown] = [false, undefined];
    try {
      fn();
    } catch (e) {
      [threw, error] = [true, e];
    }
    if (!threw) fail(what, w().returned);
    if (!matches(error, expected))
      fail(what, fill(w().threw, { error: safeShow(error), expected: safeShow(expected) }));
  },
  async rejects(promiseOrFn: unknown, expected?: Expected, what = w().toReject) {
    let [rejected, error]: [boolean, unknown] = [false, undefined];
    try {
      await (typeof promiseOrFn === 'function' ? (promiseOrFn as () => unknown)() : promiseOrFn);
    } catch (e) {
      [rejected, error] = [true, e];
    }
    if (!rejected) fail(what, w().resolved);
    if (!matches(error, expected))
      fail(what, fill(w().rejected, { error: safeShow(error), expected: safeShow(expected) }));
  },
  /**
   * Random sequences of commands run against a model and the learner's code (fast-check's modelRun), with a
   * fixed seed: a failure names the shortest failing sequence fast-check finds.
   */
  model(commands: unknown, setup: unknown, options: ModelOptions = {}) {
    const { numRuns = 100, seed = 1, size = 'medium', what = w().randomOperations } = options;
    const lib = needFastCheck();
    const arb = lib.commands(commands, { size, disableReplayLog: true });
    const property = lib.property(arb, (cmds) => lib.modelRun(setup, cmds));
    modelFailure(lib.check(property, { seed, numRuns }) as ModelResult, what);
  },
  async asyncModel(commands: unknown, setup: unknown, options: ModelOptions = {}) {
    const { numRuns = 100, seed = 1, size = 'medium', what = w().randomOperations } = options;
    const lib = needFastCheck();
    const arb = lib.commands(commands, { size, disableReplayLog: true });
    const property = lib.asyncProperty(arb, (cmds) => lib.asyncModelRun(setup, cmds));
    modelFailure(await lib.check(property, { seed, numRuns }), what);
  },
};
