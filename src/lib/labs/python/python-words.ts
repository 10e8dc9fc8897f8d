/**
 * What a Python lab's harness says of a run, in English: templates whose {name} slots are filled with the values a
 * test compared (shown as Python's repr shows them). A page in another language hands the engine its own (the
 * dictionary's `pythonRun`, src/i18n/dictionary/) with the lab's spec. helpers.py and runner.py take `helpers` and
 * `runner` as JSON when the tests load; python-lab.ts and python-observed.ts say the rest. The lab's own test names
 * and labels come translated with its tests; Python's own errors ("KeyError: 'a'") stay as Python says them.
 */
import { STOP_WORDS, type StopWords } from '../shared/stop-words.ts';

export const PYTHON_RUN_WORDS = {
  /** helpers.py's failures: {label} is the test's own words for what it compared. */
  helpers: {
    expectedGot: '{label}: expected {expected}, got {actual}{note}',
    /** After expectedGot when the types differ: 1 and 1.0. */
    typeNote: ' ({actual}, not {expected})',
    expectedTrue: '{label}: expected True, got {actual}',
    raisedOther: '{label}: expected {expected}, got {error}',
    raisedNothing: '{label}: expected {expected} to be raised, nothing was',
    /** What a failure names when the test gave no words of its own. */
    value: 'value',
    condition: 'condition',
    call: 'call',
    reprRaised: '<an object whose repr raised {error}>',
  },
  /** runner.py's verdicts that no assertion gave. */
  runner: {
    waited: 'Did not finish: it waited for something that never happened before the time limit.',
    tampered: 'Your code changed the tests or their helpers while the test ran.',
  },
  memory: "Your code needed more than the lab's {mb} MB of memory.",
  /** A database lab's session (python-db-session.ts). */
  openTransaction:
    'Your code returned with a transaction still open, so its work was rolled back: a transaction your code begins must end, committed or rolled back, before it returns.',
  tooManyStatements: 'refused: more than {max} statements in one test',
  /** A value the tests observed, against what the lab's own solution observed at the same point (python-observed.ts). */
  observedEnded: '{label}: the test ended before this value was observed; a correct answer gives {expected}',
  observedDiffers: '{label}: got {actual}, a correct answer gives {expected}',
  observedAs: '{label} (observed as {other})',
  observedMore: '{label}: observed once more than a correct answer is',
  /** A run stopped at its time limit (the page's `labView.stop`). */
  stop: STOP_WORDS,
};

type Words<T> = { readonly [K in keyof T]: T[K] extends string ? string : Words<T[K]> };
export type PythonRunWords = Omit<Words<typeof PYTHON_RUN_WORDS>, 'stop'> & { readonly stop: StopWords };
