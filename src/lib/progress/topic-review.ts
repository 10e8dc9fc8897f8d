/**
 * Spaced review of the topics a learner marked done, scheduled by the flashcards' FSRS (spaced-repetition.ts) and
 * kept in the store's `topicReviews`. Pure, no clock: callers pass today as YYYY-MM-DD.
 *
 * Only done topics come back. Marking a topic done on the site counts as a first review rated "good", so its first
 * review is three days later (review-state.ts, MARKED_DONE). A done topic without
 * a schedule (marked before topic review existed, or imported) is due at once. A topic moved back to learning
 * keeps its schedule but is not due until it is done again.
 *
 * This module is what pages that read progress need; the review session's order and ratings are in
 * topic-review-queue.ts, so those pages do not carry them.
 */
import { type Progress, type TopicState } from './progress-store.ts';
import { withTopicState } from './progress-edits.ts';
import { addDays, MARKED_DONE, type Review } from './review-state.ts';

/** Whether a topic is due for review today. */
export function isTopicDue(progress: Progress, topicId: string, today: string): boolean {
  if (progress.topics[topicId] !== 'done') return false;
  const review = progress.topicReviews[topicId];
  return !review || review.due <= today;
}

/** How many of `ids` are done, how many of those are due today, and the next review day of the rest. */
export function topicReviewCounts(progress: Progress, ids: readonly string[], today: string) {
  let done = 0;
  let due = 0;
  let next: string | undefined;
  for (const id of ids) {
    if (progress.topics[id] !== 'done') continue;
    done++;
    if (isTopicDue(progress, id, today)) due++;
    else {
      const day = progress.topicReviews[id]!.due;
      if (!next || day < next) next = day;
    }
  }
  return { done, due, next };
}

/** Sets a topic's state; marking it done schedules its first review unless it has a schedule already. */
export function withTopicMarked(
  progress: Progress,
  topicId: string,
  state: TopicState | null,
  today: string,
): Progress {
  const next = withTopicState(progress, topicId, state);
  if (state !== 'done' || next.topicReviews[topicId]) return next;
  const { stability, difficulty, days } = MARKED_DONE;
  const first: Review = { stability, difficulty, reps: 1, lapses: 0, due: addDays(today, days), reviewed: today };
  return { ...next, topicReviews: { ...next.topicReviews, [topicId]: first } };
}
