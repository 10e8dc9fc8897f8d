import fc from 'fast-check';
import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { date, itemId, progress, sm2Review } from '../arbitraries.ts';
import { parseProgress, serializeProgress } from '../../../src/lib/progress/progress-store.ts';
import { toReview } from '../../../src/lib/progress/review-state.ts';
import { schedule } from '../../../src/lib/progress/spaced-repetition.ts';
import { sm2ToFsrs, W8, W9, W10 } from '../../../src/lib/progress/sm2-migration.ts';

const EMPTY_V6 = {
  version: 6,
  topics: {},
  topicTimes: {},
  projects: {},
  notes: {},
  topicReviews: {},
  labs: {},
  roadmaps: {},
};

/** A format 6 store, as the site wrote it before FSRS: every section, SM-2 schedules. */
const format6 = fc
  .tuple(progress, fc.dictionary(itemId, sm2Review, { maxKeys: 30 }), fc.dictionary(itemId, sm2Review, { maxKeys: 30 }))
  .map(([{ roadmapTimes: _, ...p }, reviews, topicReviews]) => ({ ...p, version: 6, reviews, topicReviews }));

describe('format 6 (SM-2) to 8 (FSRS, through 7, which dates the roadmaps worked on)', () => {
  it("uses ts-fsrs's own default weights", () => {
    expect([W8, W9, W10]).toEqual([default_w[8], default_w[9], default_w[10]]);
  });

  it('loses no card: every review keeps its id, due day, last review and count, and nothing else changes', () => {
    fc.assert(
      fc.property(format6, (old) => {
        const read = parseProgress(JSON.stringify(old));
        if (!read.ok) throw new Error(read.reason);
        expect(read.from).toBe(6);
        const { progress: p } = read;
        for (const kind of ['reviews', 'topicReviews'] as const) {
          expect(Object.keys(p[kind]).sort()).toEqual(Object.keys(old[kind]).sort());
          for (const [id, sm2] of Object.entries(old[kind])) {
            expect(p[kind][id]).toMatchObject({ due: sm2.due, reviewed: sm2.reviewed, reps: sm2.reps, lapses: 0 });
          }
        }
        const { reviews: _, topicReviews: __, version: ___, ...rest } = p;
        const { reviews: _r, topicReviews: _t, version: _v, ...oldRest } = old;
        expect(rest).toEqual({ ...oldRest, roadmapTimes: {} });
        // Written and read back, the migrated store is itself.
        expect(parseProgress(serializeProgress(p))).toEqual({ ok: true, progress: p });
      }),
      { numRuns: 100 },
    );
  });

  it("takes stability from the interval and difficulty from the ease, as Anki's conversion does", () => {
    fc.assert(
      fc.property(sm2Review, (sm2) => {
        const fsrs = toReview(sm2ToFsrs(sm2))!;
        expect(fsrs.stability).toBe(Math.max(0.001, sm2.interval));
        expect(fsrs.difficulty).toBeGreaterThanOrEqual(1);
        expect(fsrs.difficulty).toBeLessThanOrEqual(10);
        // An easier card (higher ease, same interval) is never harder.
        const easier = toReview(sm2ToFsrs({ ...sm2, ease: Math.min(5, sm2.ease + 0.3) }))!;
        expect(easier.difficulty).toBeLessThanOrEqual(fsrs.difficulty);
      }),
    );
    // fsrs-rs's memory_state_from_sm2(2.5, 10, 0.9) with these weights: S = 10, D ≈ 6.83.
    const d = toReview(
      sm2ToFsrs({ ease: 2.5, interval: 10, reps: 3, due: '2026-12-01', reviewed: '2026-11-21' }),
    )!.difficulty;
    expect(d).toBeCloseTo(11 - 1.5 / (Math.exp(1.8722) * 10 ** -0.1666 * Math.expm1(0.0796)), 6);
  });

  it('schedules a migrated card by FSRS from its kept due day', () => {
    fc.assert(
      fc.property(sm2Review, (sm2) => {
        const fsrs = toReview(sm2ToFsrs(sm2))!;
        const next = schedule(fsrs, 'good', sm2.due);
        expect(next.due > sm2.due).toBe(true);
      }),
    );
  });

  it('leaves a review that was not a readable SM-2 one unreadable, so the store is set aside whole, not trimmed', () => {
    const bad = [
      { ease: 1, interval: 1, reps: 0, due: '2026-01-01', reviewed: '2026-01-01' },
      { ease: 2.5, interval: -3, reps: 0, due: '2026-01-01', reviewed: '2026-01-01' },
      { ease: 2.5, interval: 1.5, reps: 0, due: '2026-01-01', reviewed: '2026-01-01' },
      { ease: 2.5, interval: 1, reps: 0, due: '2026-02-30', reviewed: '2026-01-01' },
      { ease: 'high' },
    ];
    for (const review of bad) {
      const stored = { ...EMPTY_V6, reviews: { jwt: review } };
      expect(parseProgress(JSON.stringify(stored)), JSON.stringify(review)).toMatchObject({
        ok: false,
        reason: 'question "jwt" has an unreadable review schedule',
      });
    }
    fc.assert(
      fc.property(fc.oneof(date, fc.constant(null), fc.array(fc.integer())), (value) => {
        expect(sm2ToFsrs(value)).toBe(value);
      }),
    );
  });
});
