/**
 * <topic-review> on /practice/: how many of the learner's done topics are due for review, from local progress;
 * when the URL asks for a review (?review=topics, optionally &roadmap=<id>) the session loads on demand
 * (topic-review-session.ts), so the page's own script stays small.
 */
import { localDate } from '../../lib/spaced-repetition';
import type { TopicIndex } from '../../lib/topic-index';
import { topicReviewCounts } from '../../lib/topic-review';
import { getProgress, onProgressChange } from '../../scripts/progress';

class TopicReview extends HTMLElement {
  connectedCallback() {
    const index = JSON.parse(this.querySelector('[data-index]')!.textContent!) as TopicIndex;
    const ids = Object.keys(index.titles);
    const params = new URLSearchParams(location.search);
    const reviewing = params.get('review') === 'topics';
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
      start.hidden = due === 0 || reviewing;
    };
    onProgressChange(render);
    render();
    this.querySelector<HTMLElement>('[data-app]')!.hidden = false;
    if (reviewing) void import('./topic-review-session').then(({ startReview }) => startReview(this, index, params.get('roadmap')));
  }
}

customElements.define('topic-review', TopicReview);
