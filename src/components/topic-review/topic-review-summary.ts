/** <topic-review-summary> on /practice/: how many of the learner's done topics are due for review today. */
import { localDate } from '../../lib/progress/review-state.ts';
import { topicReviewCounts } from '../../lib/progress/topic-review.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';

class TopicReviewSummary extends HTMLElement {
  connectedCallback() {
    const ids = JSON.parse(this.querySelector('[data-ids]')!.textContent!) as string[];
    const overview = this.querySelector('[data-overview]')!;
    const start = this.querySelector<HTMLElement>('[data-start]')!;
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
    onProgressChange(render);
    render();
    this.querySelector<HTMLElement>('[data-app]')!.hidden = false;
  }
}

customElements.define('topic-review-summary', TopicReviewSummary);
