/**
 * A topic review session (src/lib/progress/topic-review.ts has the rules): which topics it shows, in what order, and how a
 * rating is stored. Pure, no clock.
 */
import { FORMAT_VERSION, type Progress } from './progress-store.ts';
import type { Review } from './review-state.ts';
import { isTopicDue } from './topic-review.ts';

/**
 * The topics among `ids` due today, in the order to review them: the most overdue first, then those never
 * reviewed, in the order given. `early` adds done topics brought forward (for a date the learner reviews for:
 * spaced-repetition.ts, isDueBy).
 */
export function dueTopics(
  progress: Progress,
  ids: readonly string[],
  today: string,
  early: (review: Review) => boolean = () => false,
): string[] {
  const weak = (id: string) =>
    progress.topics[id] === 'done' && !!progress.topicReviews[id] && early(progress.topicReviews[id]);
  const due = ids.filter((id) => isTopicDue(progress, id, today) || weak(id));
  const scheduled = due
    .filter((id) => progress.topicReviews[id])
    .sort((a, b) => progress.topicReviews[a]!.due.localeCompare(progress.topicReviews[b]!.due));
  return [...scheduled, ...due.filter((id) => !progress.topicReviews[id])];
}

/** Returns new progress with one topic's review schedule replaced. */
export function withTopicReview(progress: Progress, topicId: string, review: Review): Progress {
  return { ...progress, version: FORMAT_VERSION, topicReviews: { ...progress.topicReviews, [topicId]: review } };
}
