/**
 * What question lists and review sessions show without the scheduler: the four ratings, whether a card is due,
 * and the due counts. Apart from review-state.ts, which every page that reads progress loads, so those pages do
 * not carry it.
 */
import type { Review } from './review-state.ts';

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof RATINGS)[number];

/** An interval in words: "1 day", "3 days". */
export const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

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
