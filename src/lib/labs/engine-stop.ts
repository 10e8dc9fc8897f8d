/**
 * How a lab engine's run or request ends early, for the engine host (engine-host.ts): at a time limit, or at the
 * learner's word (the Stop button), and what the learner reads then.
 */
import { LEARNER_STOPPED, type LabSpec, type StopLimit, stoppedMessage } from './lab-spec.ts';

/** A run the host stopped, the limit it ran out of, and the learner's statement the database was still running. */
export interface Stopped {
  stopped: StopLimit | 'learner';
  statement?: string;
}

/**
 * What a stopped run says: the learner stopped it, or their code ran out of time (the run's or one request's); the
 * engine was restarted.
 */
export const stoppedError = (lab: LabSpec, { stopped, statement }: Stopped) => ({
  code: 'Stopped',
  message:
    stopped === 'learner'
      ? LEARNER_STOPPED
      : `${stoppedMessage(lab.language === 'sql' ? 'statements' : 'code', stopped)}${statement === undefined ? '' : ` ${stillRunning(statement)}`} The engine was restarted.`,
});

/** Names the learner's statement Postgres was still running, on one line and short enough to read. */
function stillRunning(statement: string): string {
  const sql = statement.replace(/\s+/g, ' ').replace(/;\s*$/, '');
  return `Postgres was still running your statement "${sql.length > 160 ? `${sql.slice(0, 160)}…` : sql}".`;
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
