/**
 * How a lab engine's run or request ends early, for the engine host (engine-host.ts): at a time limit, at the
 * learner's word (the Stop button), or with the engine failed by the learner's code; and what the learner reads then.
 */
import type { RunWords } from './lab-kind.ts';
import { type RunError, type StopLimit } from './lab-spec.ts';
import { STOP_WORDS, type StopWords, stoppedMessage } from './stop-words.ts';
import { fill } from '../../../core/format/fill.ts';

/** A run the host stopped, the limit it ran out of, and the learner's statement the database was still running. */
export interface Stopped {
  stopped: StopLimit | 'learner';
  statement?: string;
}

/**
 * What a stopped run says: the learner stopped it, or their code ran out of time (the run's or one request's); the
 * engine was restarted.
 */
export const stoppedError = (words: RunWords, { stopped, statement }: Stopped, stop: StopWords = STOP_WORDS) => ({
  code: 'Stopped',
  message:
    stopped === 'learner'
      ? stop.learner
      : `${stoppedMessage(words.answer, stopped, stop)}${statement === undefined ? '' : ` ${stillRunning(statement, stop)}`} ${stop.restarted}`,
});

/** Names the learner's statement Postgres was still running, on one line and short enough to read. */
function stillRunning(statement: string, stop: StopWords): string {
  const sql = statement.replace(/\s+/g, ' ').replace(/;\s*$/, '');
  return fill(stop.stillRunning, { sql: sql.length > 160 ? `${sql.slice(0, 160)}…` : sql });
}

/**
 * Waits for the engine to be ready (it may be starting again, after a stop), unless the learner stops the request
 * first: then it is `stopped`, and never runs.
 */
export async function untilReady(
  ready: Promise<void>,
  id: number,
  stoppers: Map<number, () => boolean>,
): Promise<Stopped | undefined> {
  const stopped = new Promise<Stopped>((resolve) =>
    stoppers.set(id, () => (stoppers.delete(id), resolve({ stopped: 'learner' }), false)),
  );
  try {
    return await Promise.race([ready.then(() => undefined), stopped]);
  } catch (error) {
    stoppers.delete(id);
    throw error;
  }
}

/**
 * Ends every request, at the learner's word, then restarts the engine once if one was running: whether there was
 * anything to stop.
 */
export function stopAll(stoppers: Map<number, () => boolean>, restart: () => void): boolean {
  if (stoppers.size === 0) return false;
  const ended = [...stoppers.values()].map((end) => end());
  if (ended.some(Boolean)) restart();
  return true;
}

/** The engine's worker failed while the learner's code ran, with the engine's own words for why. */
export interface LearnerCrash {
  learnerCrash: string;
}

/**
 * What a learner reads when their code brought the engine down: what it ran out of, in their terms, and where to
 * look. Never "Run again": the same code would do the same.
 */
export function learnerCrashError(words: RunWords, { learnerCrash }: LearnerCrash): RunError {
  const yours = words.answer === 'statements' ? 'your statements do' : 'your code does';
  if (/maximum call stack|too much recursion|stack overflow/i.test(learnerCrash))
    return {
      code: 'RecursionError',
      message: `RecursionError: the browser's stack ran out, so the engine stopped and was restarted. Look for recursion that never reaches its base case, or data nested thousands of levels deep: functions written in C (repr, json.dumps, copy.deepcopy, comparisons) recurse through it and reach the end of the stack before Python's recursion limit does.`,
    };
  if (/out of memory|cannot enlarge memory|\boom\b|memoryerror/i.test(learnerCrash))
    return {
      code: 'MemoryError',
      message: `MemoryError: the engine's memory ran out, so it stopped and was restarted. Look for something that grows without end: a loop that keeps adding to a list, a string that keeps doubling, a result far larger than the task needs.`,
    };
  return {
    message: `the engine stopped (${learnerCrash}) and was restarted. Look at what ${yours} last before this; the tests after it did not run.`,
  };
}
