/** <atlas-topic-review-summary> on /practice/: how many of the learner's done topics are due for review today. */
import { AtlasElement, defineElement } from '../element.ts';
import { localDate } from '../../lib/progress/review-state.ts';
import { topicReviewCounts } from '../../lib/progress/topic-review.ts';
import { jsonPart, part } from '../parts.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';

class TopicReviewSummary extends AtlasElement {
  protected connect() {
    const ids = jsonPart<string[]>(this, '[data-ids]');
    const overview = part(this, '[data-overview]');
    const start = part(this, '[data-start]', HTMLAnchorElement);
    const render = () => {
      const { done, due, next } = topicReviewCounts(getProgress(), ids, localDate(new Date()));
      overview.textContent =
        done === 0
          ? 'Mark topics done on a roadmap or on their pages, and they come back here for review.'
          : due > 0
            ? `${due} of your ${done} done topics ${due === 1 ? 'is' : 'are'} due for review today.`
            : `Nothing is due today; the next of your ${done} done topics comes back on ${next}.`;
      start.hidden = due === 0;
    };
    onProgressChange(render, this.signal);
    render();
    part(this, '[data-app]').hidden = false;
  }
}

defineElement('topic-review-summary', TopicReviewSummary);
