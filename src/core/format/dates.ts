/**
 * Calendar days written YYYY-MM-DD, as the content's dates, the review schedule and the study plan use them:
 * day arithmetic in UTC so a day never shifts with the reader's time zone or a change of summer time.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day of a moment, YYYY-MM-DD. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The day `days` after a YYYY-MM-DD day (before it when negative). */
export const addDays = (day: string, days: number): string =>
  isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** Today in the visitor's own time zone, as YYYY-MM-DD. */
export const localDate = (now: Date): string => isoDay(new Date(now.getTime() - now.getTimezoneOffset() * 60_000));

/** True for a real calendar day written YYYY-MM-DD (no 2026-02-30). */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && isoDay(new Date(time)) === value;
}
