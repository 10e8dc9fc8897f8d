/**
 * One card's stored review state (SM-2, scheduled by src/lib/spaced-repetition.ts), its validation and the
 * calendar days it is counted in. Kept apart from the scheduler so every page that reads progress does not also
 * load the scheduling code.
 */

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

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today in the visitor's own time zone, as YYYY-MM-DD. */
export function localDate(now: Date): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

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
