/**
 * Topic review on the roadmap page: how many of this roadmap's done topics are due today, from the store and the
 * map the page already has, with a link to review them (/practice/topics/).
 */
import type { Progress } from '../../lib/progress/progress-store.ts';
import { localDate } from '../../lib/progress/review-state.ts';
import { topicReviewCounts } from '../../lib/progress/topic-review.ts';
import { fill } from '../../core/format/fill.ts';
import { part } from '../parts.ts';
import type { RoadmapWords } from './roadmap-words.ts';

export function paintReviewDue(
  line: HTMLElement | null,
  roadmap: string,
  topicIds: string[],
  progress: Progress,
  words: RoadmapWords,
) {
  if (!line) return;
  const { done, due, next } = topicReviewCounts(progress, topicIds, localDate(new Date()));
  line.hidden = done === 0;
  part(line, 'span').textContent =
    due > 0
      ? fill(due === 1 ? words.reviewDueOne : words.reviewDueMany, { due, done })
      : next
        ? fill(words.reviewNext, {
            day: new Date(`${next}T00:00:00Z`).toLocaleDateString(words.dateLocale, {
              day: 'numeric',
              month: 'long',
              year: 'numeric',
              timeZone: 'UTC',
            }),
          })
        : words.reviewNone;
  const link = part(line, 'a', HTMLAnchorElement);
  link.hidden = due === 0;
  link.href = `/practice/topics/?roadmap=${roadmap}`;
}
