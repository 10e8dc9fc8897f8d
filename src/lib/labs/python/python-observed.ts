/**
 * What a Python lab's tests `observe` (python/helpers.py), judged outside the learner's interpreter. A test that
 * compares the learner's code with a model records each value instead of asserting it; the lab's reference solution
 * runs the same tests first, on an interpreter of its own, and its values are the expected ones. So the tests hold
 * no model and no expected value for learner code to walk to (through a helper's `__globals__` or
 * `object.__subclasses__()`): only data crosses, as text built from exact built-in types.
 */
import { clip } from '../shared/lab-spec.ts';
import { PYTHON_RUN_WORDS, type PythonRunWords } from './python-words.ts';
import { fill } from '../../../core/format/fill.ts';

/** One test's observations, in order: [label, the value as text]. */
export type Observed = [label: string, value: string][];

/** Whether a lab's tests observe values, so its reference solution must run first. */
export const observes = (tests: string) => /\bobserve\(/.test(tests);

/**
 * Why the learner's observations differ from the reference's, at the first that does: the label, the learner's
 * value and the reference's. Undefined when they agree. A test that `ended` early (it failed) is judged on what it
 * observed before, and its own failure says the rest.
 */
export function firstDifference(
  actual: Observed,
  expected: Observed,
  ended = false,
  words: PythonRunWords = PYTHON_RUN_WORDS,
): string | undefined {
  for (const [index, [label, value]] of expected.entries()) {
    const got = actual[index];
    if (!got && ended) return undefined;
    if (!got) return clip(fill(words.observedEnded, { label, expected: value }));
    if (got[0] !== label || got[1] !== value) {
      const named = got[0] === label ? label : fill(words.observedAs, { label, other: got[0] });
      return clip(fill(words.observedDiffers, { label: named, actual: got[1], expected: value }));
    }
  }
  if (actual.length > expected.length) return clip(fill(words.observedMore, { label: actual[expected.length]![0] }));
  return undefined;
}

const references = new Map<string, Promise<Observed[]>>();

/**
 * The reference's observations of a lab (keyed by its tests and solution), computed once by `compute` on whichever
 * engine first asks: each worker runs the same interpreter and harness. A computation that failed is forgotten.
 */
export function rememberedReference(tests: string, reference: string, compute: () => Promise<Observed[]>) {
  const key = `${tests}\u0000${reference}`;
  let found = references.get(key);
  if (!found) {
    found = compute();
    references.set(key, found);
    found.catch(() => references.delete(key));
  }
  return found;
}
