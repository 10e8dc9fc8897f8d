/** fast-check generators shared by the unit tests. */
import fc from 'fast-check';
import type { Review } from '../../src/lib/review-state';

/** A calendar date between 2000 and 2100, as YYYY-MM-DD. */
export const date = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10));

/** Any valid stored review schedule. */
export const review: fc.Arbitrary<Review> = fc.record({
  ease: fc.integer({ min: 1300, max: 5000 }).map((n) => n / 1000),
  interval: fc.integer({ min: 0, max: 36_500 }),
  reps: fc.integer({ min: 0, max: 200 }),
  due: date,
  reviewed: date,
});
