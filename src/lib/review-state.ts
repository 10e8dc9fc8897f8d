/**
 * One question's stored flashcard state (SM-2, scheduled by src/lib/spaced-repetition.ts) and its validation.
 * Kept apart from the scheduler so every page that reads progress does not also load the scheduling code.
 */

export const MIN_EASE = 1.3;
export const MAX_EASE = 5;
export const MAX_INTERVAL = 36_500;

export interface Review {
  /** The SM-2 easiness factor, MIN_EASE to MAX_EASE. */
  ease: number;
  /** Days from the last review to the next, 0 to MAX_INTERVAL. */
  interval: number;
  /** Successful reviews in a row. */
  reps: number;
  /** YYYY-MM-DD: the day the card is next due. */
  due: string;
  /** YYYY-MM-DD: the day of the last review. */
  reviewed: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** Validates one stored review; undefined when it is not a well-formed SM-2 state. */
export function toReview(value: unknown): Review | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { ease, interval, reps, due, reviewed } = value as Record<string, unknown>;
  const ok =
    typeof ease === 'number' &&
    ease >= MIN_EASE &&
    ease <= MAX_EASE &&
    Number.isInteger(interval) &&
    (interval as number) >= 0 &&
    (interval as number) <= MAX_INTERVAL &&
    Number.isInteger(reps) &&
    (reps as number) >= 0 &&
    isDate(due) &&
    isDate(reviewed);
  return ok ? { ease, interval: interval as number, reps: reps as number, due, reviewed } : undefined;
}
