import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date, review } from '../arbitraries.ts';
import {
  isDate,
  MAX_EASE,
  MAX_INTERVAL,
  MIN_EASE,
  type Review,
  toReview,
} from '../../../src/lib/progress/review-state.ts';
import {
  addDays,
  isDue,
  localDate,
  nextDue,
  RATINGS,
  reviewCounts,
  schedule,
} from '../../../src/lib/progress/spaced-repetition.ts';

const rating = fc.constantFrom(...RATINGS);
/** A card's state after any sequence of ratings, starting new. */
const history = fc.tuple(fc.array(rating, { maxLength: 30 }), date).map(([ratings, start]) => {
  let state: Review | undefined;
  let day = start;
  for (const r of ratings) {
    state = schedule(state, r, day);
    day = state.due;
  }
  return { state, day };
});

describe('SM-2 scheduling', () => {
  it('follows SM-2 for a new card: 1 day, then 6 days, then interval × ease', () => {
    const first = schedule(undefined, 'good', '2026-11-23');
    expect(first).toEqual({ ease: 2.5, interval: 1, reps: 1, due: '2026-11-24', reviewed: '2026-11-23' });
    const second = schedule(first, 'good', '2026-11-24');
    expect(second).toMatchObject({ interval: 6, reps: 2, due: '2026-11-30' });
    expect(schedule(second, 'good', '2026-11-30')).toMatchObject({ interval: 15, reps: 3, due: '2026-12-15' });
    expect(schedule(second, 'easy', '2026-11-30')).toMatchObject({ ease: 2.6, interval: 16 });
    expect(schedule(second, 'hard', '2026-11-30')).toMatchObject({ ease: 2.36, interval: 14 });
    expect(schedule(second, 'again', '2026-11-30')).toMatchObject({
      ease: 2.18,
      interval: 1,
      reps: 0,
      due: '2026-12-01',
    });
  });

  it('never gives a negative or zero interval, and keeps ease within its bounds', () => {
    fc.assert(
      fc.property(fc.option(review, { nil: undefined }), rating, date, (previous, r, today) => {
        const next = schedule(previous, r, today);
        expect(next.interval).toBeGreaterThanOrEqual(1);
        expect(next.interval).toBeLessThanOrEqual(MAX_INTERVAL);
        expect(next.ease).toBeGreaterThanOrEqual(MIN_EASE);
        expect(next.ease).toBeLessThanOrEqual(MAX_EASE);
        expect(next.due).toBe(addDays(today, next.interval));
        expect(next.reviewed).toBe(today);
        expect(toReview(next)).toEqual(next);
      }),
      { numRuns: 2000 },
    );
  });

  it('a "good" or "easy" rating never schedules earlier than the previous interval', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          review,
          history.filter((h) => !!h.state).map((h) => h.state!),
        ),
        fc.constantFrom('good', 'easy' as const),
        date,
        (previous, r, today) => {
          expect(schedule(previous, r, today).interval).toBeGreaterThanOrEqual(previous.interval);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a better rating never gives a shorter interval or a lower ease, and a success adds one to the streak', () => {
    fc.assert(
      fc.property(fc.option(review, { nil: undefined }), date, (previous, today) => {
        const next = RATINGS.map((r) => schedule(previous, r, today));
        for (let i = 1; i < next.length; i++) {
          expect(next[i]!.interval, RATINGS[i]).toBeGreaterThanOrEqual(next[i - 1]!.interval);
          expect(next[i]!.ease, RATINGS[i]).toBeGreaterThanOrEqual(next[i - 1]!.ease);
          expect(next[i]!.reps, RATINGS[i]).toBe((previous?.reps ?? 0) + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('"again" resets the streak to one day', () => {
    fc.assert(
      fc.property(review, date, (previous, today) => {
        expect(schedule(previous, 'again', today)).toMatchObject({ interval: 1, reps: 0, due: addDays(today, 1) });
      }),
    );
  });

  it('counts due, new and reviewed questions', () => {
    const r = schedule(undefined, 'good', '2026-11-23');
    const reviews = { a: r, b: { ...r, due: '2026-11-30' } };
    expect(isDue(r, '2026-11-23')).toBe(false);
    expect(isDue(r, '2026-11-24')).toBe(true);
    expect(isDue(undefined, '2026-11-24')).toBe(false);
    expect(reviewCounts(reviews, ['a', 'b', 'c'], '2026-11-24')).toEqual({ total: 3, due: 1, fresh: 1, reviewed: 2 });
    expect(nextDue(reviews, ['b', 'a', 'c'])).toBe('2026-11-24');
    expect(nextDue(reviews, ['c'])).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads only real calendar dates and adds days across months and years', () => {
    expect(isDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-1', '', 20261123, null]) expect(isDate(bad)).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('takes today from the local calendar, not UTC', () => {
    const lateEvening = new Date(2026, 10, 23, 23, 30);
    expect(localDate(lateEvening)).toBe('2026-11-23');
  });

  it('reads a stored schedule back unchanged, keeping only its five fields, and anything out of bounds as nothing', () => {
    fc.assert(
      fc.property(review, fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }), (r, extra) => {
        expect(toReview({ ...extra, ...JSON.parse(JSON.stringify(r)) })).toEqual(r);
      }),
    );
    const broken = fc.oneof(
      fc.record({
        ease: fc.oneof(
          fc.double({ max: MIN_EASE - 0.001 }),
          fc.double({ min: MAX_EASE + 0.001 }),
          fc.constant(Number.NaN),
        ),
      }),
      fc.record({
        interval: fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: MAX_INTERVAL + 1 }), fc.constant(1.5)),
      }),
      fc.record({ reps: fc.oneof(fc.integer({ max: -1 }), fc.constant(0.5), fc.constant('1')) }),
      fc.record({ due: fc.string().filter((d) => !isDate(d)) }),
      fc.record({ reviewed: fc.constantFrom('2026-02-30', '2026-1-1', '', null) }),
    );
    fc.assert(
      fc.property(review, broken, (r, change) => {
        expect(toReview({ ...r, ...change })).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    for (const value of [null, undefined, 7, 'x', [], [1, 2, 3, 4, 5]]) expect(toReview(value)).toBeUndefined();
  });
});
