import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date, itemId, review } from '../arbitraries.ts';
import { emptyProgress, type Progress, TOPIC_STATES } from '../../../src/lib/progress/progress-store.ts';
import type { Review } from '../../../src/lib/progress/review-state.ts';
import { isDueBy, schedule } from '../../../src/lib/progress/spaced-repetition.ts';
import { isTopicDue, topicReviewCounts, withTopicMarked } from '../../../src/lib/progress/topic-review.ts';
import { dueTopics, withTopicReview } from '../../../src/lib/progress/topic-review-queue.ts';

const TODAY = '2026-11-22';
const at = (due: string) => ({ stability: 6, difficulty: 5, reps: 2, lapses: 0, due, reviewed: '2026-11-01' });
const progress = (topics: Progress['topics'], topicReviews: Progress['topicReviews'] = {}): Progress => ({
  ...emptyProgress(),
  topics,
  topicReviews,
});

describe('topic review', () => {
  it('marking a topic done counts as its first good review: it comes back in three days, then later', () => {
    const marked = withTopicMarked(emptyProgress(), 'jwt', 'done', TODAY);
    expect(marked.topics).toEqual({ jwt: 'done' });
    expect(marked.topicReviews.jwt).toEqual(schedule(undefined, 'good', TODAY));
    expect(marked.topicReviews.jwt!.due).toBe('2026-11-25');
    expect(isTopicDue(marked, 'jwt', '2026-11-24')).toBe(false);
    expect(isTopicDue(marked, 'jwt', '2026-11-25')).toBe(true);
    expect(schedule(marked.topicReviews.jwt, 'good', '2026-11-25').due > '2026-11-28').toBe(true);
  });

  it('keeps an existing schedule when a topic is marked done again, and other states schedule nothing', () => {
    const old = progress({ jwt: 'learning' }, { jwt: at('2026-12-01') });
    expect(withTopicMarked(old, 'jwt', 'done', TODAY).topicReviews).toEqual({ jwt: at('2026-12-01') });
    expect(withTopicMarked(emptyProgress(), 'jwt', 'learning', TODAY).topicReviews).toEqual({});
    expect(withTopicMarked(emptyProgress(), 'jwt', 'skipped', TODAY).topicReviews).toEqual({});
    const cleared = withTopicMarked(old, 'jwt', null, TODAY);
    expect(cleared.topics).toEqual({});
    expect(cleared.topicReviews).toEqual({ jwt: at('2026-12-01') });
    expect(Object.keys(cleared.topicTimes)).toEqual(['jwt']); // format 4 dates the change, for merges
  });

  it('only done topics are due: overdue first, then done topics never reviewed, in the order given', () => {
    const p = progress(
      { a: 'done', b: 'done', c: 'done', d: 'learning', e: 'done', f: 'skipped' },
      { a: at('2026-11-20'), b: at('2026-11-10'), c: at('2026-11-30'), d: at('2026-11-01'), f: at('2026-11-01') },
    );
    expect(dueTopics(p, ['e', 'a', 'b', 'c', 'd', 'f', 'unknown'], TODAY)).toEqual(['b', 'a', 'e']);
    expect(topicReviewCounts(p, ['a', 'b', 'c', 'd', 'e', 'f'], TODAY)).toEqual({
      done: 4,
      due: 3,
      next: '2026-11-30',
    });
    expect(topicReviewCounts(p, ['c'], TODAY)).toEqual({ done: 1, due: 0, next: '2026-11-30' });
    expect(topicReviewCounts(p, [], TODAY)).toEqual({ done: 0, due: 0, next: undefined });
    // Reviewing for a date brings forward the done topic predicted weak by then, after the due ones.
    const weak = (r: Review) => isDueBy(r, TODAY, '2026-12-20');
    expect(dueTopics(p, ['e', 'a', 'b', 'c', 'd', 'f'], TODAY, weak)).toEqual(['b', 'a', 'c', 'e']);
  });

  it('a rating replaces only that topic’s schedule', () => {
    const p = progress({ a: 'done', b: 'done' }, { a: at('2026-11-20'), b: at('2026-11-21') });
    const next = schedule(p.topicReviews.a, 'hard', TODAY);
    expect(withTopicReview(p, 'a', next).topicReviews).toEqual({ a: next, b: at('2026-11-21') });
  });

  it('due topics are exactly the done ones whose review day has come or that have none, each once', () => {
    fc.assert(
      fc.property(
        fc.dictionary(itemId, fc.constantFrom(...TOPIC_STATES)),
        fc.dictionary(itemId, review),
        date,
        (topics, topicReviews, today) => {
          const p = progress(topics, topicReviews);
          const ids = [...new Set([...Object.keys(topics), ...Object.keys(topicReviews)])];
          const due = dueTopics(p, ids, today);
          expect(new Set(due).size).toBe(due.length);
          expect(due.sort()).toEqual(
            ids.filter((id) => topics[id] === 'done' && (!topicReviews[id] || topicReviews[id].due <= today)).sort(),
          );
          expect(topicReviewCounts(p, ids, today).due).toBe(due.length);
        },
      ),
    );
  });
});
