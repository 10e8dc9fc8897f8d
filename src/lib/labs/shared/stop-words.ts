/**
 * What a learner reads when a run or a request ends early: at a time or memory limit, or at their own word. A module
 * of its own, so the pages that only list labs (lab-facets.ts through lab-spec.ts) do not carry these words.
 */
import { fill } from '../../../core/format/fill.ts';
import type { RunWords } from './lab-kind.ts';
import { REQUEST_LIMIT_MS, REQUEST_MEMORY_MB, RUN_LIMIT_MS, type StopLimit } from './lab-spec.ts';

/**
 * The words, in English: templates whose {name} slots the engine host fills. A page in another language gives the host its own (the dictionary's `labView.stop`, src/i18n/dictionary/).
 */
export const STOP_WORDS = {
  /** They stopped it themselves: the host restarts the engine then too. */
  learner: 'You stopped it before it finished, so it was not checked to its end. The engine was restarted.',
  memory:
    'Stopped: your handler used all the memory one request may use ({mb} MB). Look for something that grows without end (a loop that keeps adding to a list, a string that keeps doubling).',
  request:
    'Stopped after {seconds} seconds, the limit of one request: your handler, or a statement Postgres ran for it, was still running. Look for a loop that never ends, an await on work that never finishes (a promise or a coroutine), or a statement that waits or scans far too much (pg_sleep, a huge generate_series).',
  run: 'Stopped after {seconds} seconds, the limit of one run: {yours} still running. Look for work that never ends (a loop whose condition stays true, a recursive query without a stopping condition) or grows too fast (a scan of a list inside a loop).',
  /** Whose work was still running, by the kind's answer. */
  yours: { statements: 'your statements were', code: 'your code was', design: 'your design was' },
  stillRunning: 'Postgres was still running your statement "{sql}".',
  restarted: 'The engine was restarted.',
  failed: 'The engine failed ({why}), so it was restarted{fresh}. Run again.',
  noAnswer: 'no answer',
  freshDatabase: ' with a fresh database',
  /** A code or Python lab's test that the limit stopped in, and one the run never reached. */
  stoppedHere: 'Stopped here: this test was still running at the {seconds}-second limit.',
  notStarted: 'The run was stopped before this test started.',
};
export type StopWords = typeof STOP_WORDS;

/** What a learner reads when they stopped a run (or a request) themselves: the host restarts the engine then too. */
export const LEARNER_STOPPED = STOP_WORDS.learner;

/** What a learner reads when a run is stopped, naming the limit that stopped it: one wording for the engine and the host. */
export function stoppedMessage(
  what: RunWords['answer'],
  limit: StopLimit = 'run',
  words: StopWords = STOP_WORDS,
): string {
  if (limit === 'memory') return fill(words.memory, { mb: REQUEST_MEMORY_MB });
  if (limit === 'request') return fill(words.request, { seconds: REQUEST_LIMIT_MS / 1000 });
  return fill(words.run, { seconds: RUN_LIMIT_MS / 1000, yours: words.yours[what] });
}
