import fc from 'fast-check';
import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { date, review } from '../arbitraries.ts';
import {
  addDays,
  isDate,
  localDate,
  MARKED_DONE,
  MAX_STABILITY,
  MIN_STABILITY,
  type Review,
  toReview,
} from '../../../src/lib/progress/review-state.ts';
import { isDue, nextDue, RATINGS, reviewCounts } from '../../../src/lib/progress/review-due.ts';
import {
  daysBetween,
  isDueBy,
  nextIntervals,
  recallOn,
  schedule,
  TARGET_RECALL,
} from '../../../src/lib/progress/spaced-repetition.ts';

const rating = fc.constantFrom(...RATINGS);
/** A card's state after any sequence of ratings, starting new, each on the day the card fell due. */
const history = fc.tuple(fc.array(rating, { maxLength: 30 }), date).map(([ratings, start]) => {
  let state: Review | undefined;
  let day = start;
  for (const r of ratings) {
    state = schedule(state, r, day);
    day = state.due;
  }
  return { state, day };
});
const reviewed = fc.oneof(
  review,
  history.filter((h) => !!h.state).map((h) => h.state!),
);

describe('FSRS scheduling', () => {
  it('gives a new card four different intervals, again < hard < good < easy', () => {
    expect(nextIntervals(undefined, '2026-11-23')).toEqual({ again: 1, hard: 2, good: 3, easy: 8 });
    const first = schedule(undefined, 'good', '2026-11-23');
    expect(first).toEqual({
      stability: 2.3065,
      difficulty: 2.11810397,
      reps: 1,
      lapses: 0,
      due: '2026-11-26',
      reviewed: '2026-11-23',
    });
    // Reviewed on the due day and rated good again, the interval grows.
    expect(daysBetween('2026-11-26', schedule(first, 'good', '2026-11-26').due)).toBeGreaterThan(3);
  });

  it('schedules as ts-fsrs does in whole days, without fuzz', () => {
    const f = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));
    const now = new Date('2026-11-23T00:00:00Z');
    const { card } = f.next(createEmptyCard(now), now, Rating.Easy);
    expect(schedule(undefined, 'easy', '2026-11-23')).toMatchObject({
      stability: card.stability,
      difficulty: card.difficulty,
      due: card.due.toISOString().slice(0, 10),
    });
  });

  it('marks a topic done with the state of a new card rated good', () => {
    const { stability, difficulty, due } = schedule(undefined, 'good', '2026-11-23');
    expect({ stability, difficulty, days: daysBetween('2026-11-23', due) }).toEqual(MARKED_DONE);
  });

  it('always schedules a later day within bounds, as a state it can read back', () => {
    fc.assert(
      fc.property(fc.option(reviewed, { nil: undefined }), rating, date, (previous, r, today) => {
        const next = schedule(previous, r, today);
        expect(next.due > today).toBe(true);
        expect(next.stability).toBeGreaterThanOrEqual(MIN_STABILITY);
        expect(next.stability).toBeLessThanOrEqual(MAX_STABILITY);
        expect(next.reviewed).toBe(today);
        expect(next.reps).toBe((previous?.reps ?? 0) + 1);
        expect(toReview(JSON.parse(JSON.stringify(next)))).toEqual(next);
      }),
      { numRuns: 1000 },
    );
  });

  it('a better rating never gives a shorter interval, and only "again" on a reviewed card adds a lapse', () => {
    fc.assert(
      fc.property(fc.option(reviewed, { nil: undefined }), date, (previous, today) => {
        const intervals = nextIntervals(previous, today);
        for (let i = 1; i < RATINGS.length; i++)
          expect(intervals[RATINGS[i]!], RATINGS[i]).toBeGreaterThanOrEqual(intervals[RATINGS[i - 1]!]);
        for (const r of RATINGS) {
          const lapses = schedule(previous, r, today).lapses;
          expect(lapses, r).toBe((previous?.lapses ?? 0) + (r === 'again' && previous ? 1 : 0));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('predicts recall falling from certain to about 90 % by the due day, and lower after it', () => {
    fc.assert(
      fc.property(history, (h) => {
        if (!h.state) return;
        const { state } = h;
        expect(recallOn(state, state.reviewed)).toBeCloseTo(1, 5);
        // Whole days round the interval, so recall on the due day is at most a little above 90 %.
        expect(recallOn(state, state.due)).toBeLessThan(0.95);
        expect(recallOn(state, addDays(state.due, 30))).toBeLessThan(recallOn(state, state.due));
      }),
    );
  });

  it('brings a card forward for a date when its recall then is predicted below the target', () => {
    const card = schedule(undefined, 'good', '2026-11-23'); // due 2026-11-26
    expect(isDueBy(card, '2026-11-24', undefined)).toBe(false);
    expect(isDueBy(card, '2026-11-24', '2026-11-25')).toBe(recallOn(card, '2026-11-25') < TARGET_RECALL);
    expect(isDueBy(card, '2026-11-24', '2026-12-20')).toBe(true);
    // Reviewed today, it waits; a date already past brings nothing forward; a new card is new, not due.
    expect(isDueBy(card, '2026-11-23', '2026-12-20')).toBe(false);
    expect(isDueBy(card, '2026-11-24', '2026-11-20')).toBe(false);
    expect(isDueBy(undefined, '2026-11-24', '2026-12-20')).toBe(false);
    fc.assert(
      fc.property(review, date, fc.option(date, { nil: undefined }), (r, today, by) => {
        if (isDue(r, today)) expect(isDueBy(r, today, by)).toBe(true);
        if (!by) expect(isDueBy(r, today, by)).toBe(isDue(r, today));
      }),
    );
  });

  it('counts due, new and reviewed questions', () => {
    const r = schedule(undefined, 'good', '2026-11-23');
    const reviews = { a: r, b: { ...r, due: '2026-11-30' } };
    expect(isDue(r, '2026-11-25')).toBe(false);
    expect(isDue(r, '2026-11-26')).toBe(true);
    expect(isDue(undefined, '2026-11-26')).toBe(false);
    expect(reviewCounts(reviews, ['a', 'b', 'c'], '2026-11-26')).toEqual({ total: 3, due: 1, fresh: 1, reviewed: 2 });
    expect(nextDue(reviews, ['b', 'a', 'c'])).toBe('2026-11-26');
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

  it('reads a stored schedule back unchanged, keeping only its six fields, and anything out of bounds as nothing', () => {
    fc.assert(
      fc.property(review, fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }), (r, extra) => {
        expect(toReview({ ...extra, ...JSON.parse(JSON.stringify(r)) })).toEqual(r);
      }),
    );
    const broken = fc.oneof(
      fc.record({
        stability: fc.oneof(
          fc.double({ max: MIN_STABILITY / 2 }),
          fc.double({ min: MAX_STABILITY + 0.001 }),
          fc.constant(Number.NaN),
          fc.constant('2'),
        ),
      }),
      fc.record({ difficulty: fc.oneof(fc.double({ max: 0.999 }), fc.double({ min: 10.001 }), fc.constant(null)) }),
      fc.record({ reps: fc.oneof(fc.integer({ max: -1 }), fc.constant(0.5), fc.constant('1')) }),
      fc.record({ lapses: fc.oneof(fc.integer({ max: -1 }), fc.constant(0.5), fc.constant(undefined)) }),
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
