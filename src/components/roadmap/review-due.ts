/**
 * Topic review on the roadmap page: how many of this roadmap's done topics are due today, from the store and the
 * map the page already has, with a link to review them (/practice/topics/).
 */
import type { Progress } from '../../lib/progress/progress-store.ts';
import { localDate } from '../../lib/progress/review-state.ts';
import { topicReviewCounts } from '../../lib/progress/topic-review.ts';
import { part } from '../parts.ts';

export function paintReviewDue(line: HTMLElement | null, roadmap: string, topicIds: string[], progress: Progress) {
  if (!line) return;
  const { done, due, next } = topicReviewCounts(progress, topicIds, localDate(new Date()));
  line.hidden = done === 0;
  part(line, 'span').textContent =
    due > 0
      ? `${due} of the ${done} topics you finished here ${due === 1 ? 'is' : 'are'} due for review.`
      : `No topic here is due for review today${next ? `; the next is on ${next}` : ''}.`;
  const link = part(line, 'a', HTMLAnchorElement);
  link.hidden = due === 0;
  link.href = `/practice/topics/?roadmap=${roadmap}`;
}
