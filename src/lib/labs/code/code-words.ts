/**
 * What a code lab's harness says of a run, in English: templates whose {name} slots are filled with the values a test
 * compared (shown as JavaScript shows them). A page in another language hands the engine its own (the dictionary's
 * `codeRun`, src/i18n/dictionary/) with the lab's spec. The engine (src/lib/labs/engine/assert.ts, code-harness.ts)
 * takes them before the learner's code runs; the host (code-lab.ts) says the rest. The lab's own test names and
 * messages come translated with its tests; JavaScript's own errors ("x is not a function") stay as the engine says them.
 */
import type { AssertWords } from '../engine/harness-words.ts';
import { ENDLESS } from '../shared/engine-run.ts';
import { STOP_WORDS, type StopWords } from '../shared/stop-words.ts';

export const CODE_RUN_WORDS = {
  /** assert's failures, after the test's own words and a colon (src/lib/labs/engine/assert.ts, show.ts). */
  assert: {
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
  } satisfies AssertWords,
  /** A run stopped at its time limit (the page's `labView.stop`). */
  stop: STOP_WORDS,
  /** A test without a result, and work left running that failed. */
  neverFinished:
    'Never finished: it waited on a promise that never settled (a missing await, resolve or clock.advance?).',
  didNotFinish: 'Did not finish before the run was stopped at {seconds} seconds.',
  leftover: 'Work your code left running failed: {message}. Look for a promise chain or recursion that never ends.',
  /** Work queued one promise job after another without end (the API labs say the same: engine-run.ts). */
  endless: ENDLESS.message,
};

export type CodeRunWords = { readonly [K in Exclude<keyof typeof CODE_RUN_WORDS, 'assert' | 'stop'>]: string } & {
  readonly assert: AssertWords;
  readonly stop: StopWords;
};
