/**
 * The words a code lab's `assert` (assert.ts) and the values it shows (show.ts) say: templates whose {name} slots the
 * engine fills. The host lends them with every run, in the page's language (src/lib/labs/code/code-words.ts holds
 * the English ones; a page in another language hands its dictionary's `codeRun` with the lab's spec), and the harness
 * takes them before the learner's code runs (code-harness.ts), so nothing the learner's code does reaches them.
 */
export interface AssertWords {
  readonly expectedGot: string;
  readonly anythingBut: string;
  readonly got: string;
  readonly closeTo: string;
  readonly returned: string;
  readonly threw: string;
  readonly resolved: string;
  readonly rejected: string;
  readonly shortest: string;
  readonly noStep: string;
  readonly value: string;
  readonly trueValue: string;
  readonly toThrow: string;
  readonly toReject: string;
  readonly randomOperations: string;
  readonly threwValue: string;
  readonly forgotAwait: string;
  readonly cannotShow: string;
}

let words: AssertWords | undefined;
/** The harness's words for this run (code-harness.ts sets them from the host's before the learner's code runs). */
export const useAssertWords = (own: AssertWords | undefined) => (words = own);
export function assertWords(): AssertWords {
  if (!words) throw new Error('the host lent the harness no words');
  return words;
}
