/**
 * Flashcard scheduling by SM-2 (P. Woźniak, SuperMemo 2, 1987). Pure functions, no DOM, no clock: callers pass
 * "today" as a local calendar date (YYYY-MM-DD), so a card is due on a day, not at an hour.
 *
 * Per question the learner keeps { ease, interval, reps, due, reviewed }:
 *   ease      the easiness factor EF, starting at 2.5, never below 1.3 (SM-2) and never above 5 (ours, see below);
 *   interval  days until the next review (0 only before the first review);
 *   reps      successful reviews in a row (reset by a failed one);
 *   due       the date of the next review; reviewed: the date of the last one.
 *
 * The four buttons map to SM-2 response qualities q (0–5): again → 2 (failed), hard → 3, good → 4, easy → 5.
 * After a rating:
 *   EF' = max(1.3, EF + 0.1 − (5 − q) × (0.08 + (5 − q) × 0.02))   (good keeps EF, easy +0.1, hard −0.14, again −0.32)
 *   q < 3 (again): reps = 0, interval = 1 day; the session also shows the card once more at its end (SM-2's
 *                  "repeat the items that failed the same day").
 *   q ≥ 3:         reps = 0 → 1 day, reps = 1 → 6 days, otherwise round(interval × EF'); then reps + 1.
 * Our parameters beyond SM-2: good and easy never shorten the current interval (a card imported with a long
 * interval but few reps keeps it); EF is capped at 5 and the interval at 36,500 days so stored dates stay sane.
 */

import { addDays, MAX_EASE, MAX_INTERVAL, MIN_EASE, type Review, START_EASE } from './review-state.ts';

// The day helpers (dates.ts) and the starting ease are also exported with the stored state (review-state.ts), so pages
// that only read progress need not load the scheduler.
export { addDays, localDate, START_EASE } from './review-state.ts';

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof RATINGS)[number];

/** SM-2 response quality of each button. */
const QUALITY: Record<Rating, number> = { again: 2, hard: 3, good: 4, easy: 5 };

/** The state after rating a card today; `previous` is undefined for a card never reviewed. */
export function schedule(previous: Review | undefined, rating: Rating, today: string): Review {
  const q = QUALITY[rating];
  const old = previous ?? { ease: START_EASE, interval: 0, reps: 0 };
  const ease = Math.min(MAX_EASE, Math.max(MIN_EASE, old.ease + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)));
  let interval: number;
  let reps: number;
  if (q < 3) {
    interval = 1;
    reps = 0;
  } else {
    interval = old.reps === 0 ? 1 : old.reps === 1 ? 6 : Math.round(old.interval * ease);
    if (q >= 4) interval = Math.max(interval, old.interval);
    reps = old.reps + 1;
  }
  interval = Math.min(MAX_INTERVAL, Math.max(1, interval));
  return { ease: Math.round(ease * 1000) / 1000, interval, reps, due: addDays(today, interval), reviewed: today };
}

/** Whether a card is due today: never reviewed cards are "new", not due. */
export const isDue = (review: Review | undefined, today: string): boolean => !!review && review.due <= today;

/** How many of the given questions are due today, new (never reviewed), and reviewed at all. */
export function reviewCounts(reviews: Readonly<Record<string, Review>>, ids: readonly string[], today: string) {
  const counts = { total: ids.length, due: 0, fresh: 0, reviewed: 0 };
  for (const id of ids) {
    const review = reviews[id];
    if (!review) counts.fresh++;
    else {
      counts.reviewed++;
      if (isDue(review, today)) counts.due++;
    }
  }
  return counts;
}

/** The earliest next review among the given questions, if any was reviewed. */
export function nextDue(reviews: Readonly<Record<string, Review>>, ids: readonly string[]): string | undefined {
  let next: string | undefined;
  for (const id of ids) {
    const due = reviews[id]?.due;
    if (due && (!next || due < next)) next = due;
  }
  return next;
}
