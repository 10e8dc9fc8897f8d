/**
 * What a code lab's `assert` (assert.ts) and the values it shows (show.ts) say, in English: templates whose {name}
 * slots the engine fills. A page in another language hands its own to the host with the lab's spec (the dictionary's
 * `codeRun.assert`, through src/lib/labs/code/code-words.ts); the harness takes them before the learner's code runs
 * (code-harness.ts), so nothing the learner's code does reaches them.
 */
export const ASSERT_WORDS = {
  expectedGot: 'expected {expected}, got {actual}',
  anythingBut: 'expected anything but {value}',
  got: 'got {value}',
  closeTo: 'expected {expected} ± {tolerance}, got {actual}',
  returned: 'it returned normally',
  threw: 'it threw {error}, expected {expected}',
  resolved: 'it resolved',
  rejected: 'it rejected with {error}, expected {expected}',
  shortest: 'the shortest failing sequence is {steps} — {why}',
  noStep: '(no step)',
  /** What a failure names when the test gave no words of its own. */
  value: 'value',
  trueValue: 'expected a true value',
  toThrow: 'expected it to throw',
  toReject: 'expected it to reject',
  randomOperations: 'over random operations',
  /** A thrown value that is not an Error. */
  threwValue: 'threw {value}',
  forgotAwait: 'Promise {…} (did you forget await?)',
  cannotShow: '(a value that cannot be shown)',
};
export type AssertWords = { readonly [K in keyof typeof ASSERT_WORDS]: string };

let words: AssertWords = ASSERT_WORDS;
/** The harness's words for this run (code-harness.ts sets them from the host's before the learner's code runs). */
export const useAssertWords = (own: AssertWords | undefined) => (words = own ?? ASSERT_WORDS);
export const assertWords = () => words;

/** A template with its {name} slots filled. */
export const fillWords = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
