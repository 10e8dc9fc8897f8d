/**
 * One card's stored review state (SM-2, scheduled by src/lib/progress/spaced-repetition.ts), its validation and the
 * calendar days it is counted in. Kept apart from the scheduler so every page that reads progress does not also
 * load the scheduling code.
 */
import { isDate } from '../format/dates.ts';

// The day arithmetic lives in dates.ts; browser scripts that read progress take it from here with the state.
export { addDays, isDate, localDate } from '../format/dates.ts';

/** The SM-2 easiness factor of a card never reviewed. */
export const START_EASE = 2.5;
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
