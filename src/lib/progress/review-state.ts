/**
 * One card's stored review state (FSRS, scheduled by src/lib/progress/spaced-repetition.ts through ts-fsrs) and
 * its validation. Kept apart from the scheduler so every page that reads progress does not also load the
 * scheduling library; the due counts that lists and sessions show are in review-due.ts.
 */
import { isDate } from '../../core/format/dates.ts';

// The day arithmetic lives in dates.ts; browser scripts that read progress take it from here with the state.
export { addDays, isDate, localDate } from '../../core/format/dates.ts';

/** FSRS bounds: stability in days (ts-fsrs's S_MIN and S_MAX), difficulty 1 (easiest) to 10. */
export const MIN_STABILITY = 0.001;
export const MAX_STABILITY = 36_500;

export interface Review {
  /** FSRS stability: days until recall falls to 90 %, MIN_STABILITY to MAX_STABILITY. */
  stability: number;
  /** FSRS difficulty, 1 to 10. */
  difficulty: number;
  /** Reviews of this card. */
  reps: number;
  /** Times it was forgotten ("again" after the first review). */
  lapses: number;
  /** YYYY-MM-DD: the day the card is next due. */
  due: string;
  /** YYYY-MM-DD: the day of the last review. */
  reviewed: string;
}

/**
 * The state of a topic the learner marks done: what ts-fsrs gives a new card rated "good" (stability w2, the
 * difficulty of a first "good", due in three days); a unit test holds it to the library.
 */
export const MARKED_DONE = { stability: 2.3065, difficulty: 2.11810397, days: 3 } as const;

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 1e6;

/** Validates one stored review; undefined when it is not a well-formed FSRS state. */
export function toReview(value: unknown): Review | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { stability: s, difficulty: d, reps, lapses, due, reviewed } = value as Record<string, unknown>;
  const ok =
    typeof s === 'number' &&
    s >= MIN_STABILITY &&
    s <= MAX_STABILITY &&
    typeof d === 'number' &&
    d >= 1 &&
    d <= 10 &&
    isCount(reps) &&
    isCount(lapses) &&
    isDate(due) &&
    isDate(reviewed);
  return ok ? { stability: s, difficulty: d, reps, lapses, due, reviewed } : undefined;
}
