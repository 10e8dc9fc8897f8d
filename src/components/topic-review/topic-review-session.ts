/**
 * <topic-review-session> on /practice/topics/ (?roadmap=<id> for one roadmap): the due topics one card at a time. "What do you remember about …?", then Space (or the button) reveals the
 * summary and the self-check answers, fetched per topic from /topic-review/<id>.json; keys 1–4 rate as on the
 * flashcards, scheduled by SM-2 into the store's topicReviews. Topics rated "again" come back at the end.
 */
import { inlineNodes } from '../inline-nodes.ts';
import { localDate } from '../../lib/progress/review-state.ts';
import { type Rating, schedule } from '../../lib/progress/spaced-repetition.ts';
import type { TopicCard, TopicIndex } from '../../lib/content/topic-index.ts';
import { topicReviewCounts } from '../../lib/progress/topic-review.ts';
import { dueTopics, withTopicReview } from '../../lib/progress/topic-review-queue.ts';
import { getProgress, saveProgress } from '../progress/progress.ts';
import { days, reviewCard } from '../review-card/review-card.ts';

function startReview(root: HTMLElement) {
  const $ = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const index = JSON.parse($('[data-index]').textContent!) as TopicIndex;
  const today = localDate(new Date());
  const roadmap = index.roadmaps.find((r) => r.id === new URLSearchParams(location.search).get('roadmap'));
  // Roadmap order first, so topics never reviewed come in the order they were learned.
  const ids = roadmap
    ? roadmap.topics
    : [...new Set([...index.roadmaps.flatMap((r) => r.topics), ...Object.keys(index.titles)])];
  const title = (id: string) => index.titles[id] ?? id;
  const cards = new Map<string, Promise<TopicCard | undefined>>();
  const load = (id: string) => {
    if (!cards.has(id)) {
      cards.set(
        id,
        fetch(`/topic-review/${id}.json`)
          .then((r) => (r.ok ? (r.json() as Promise<TopicCard>) : undefined))
          .catch(() => undefined),
      );
    }
    return cards.get(id)!;
  };
  const live = $('[data-live]');
  let queue: string[] = [];
  let position = 0;
  let reviewed = 0;

  const counts = () => {
    const c = topicReviewCounts(getProgress(), ids, today);
    $('[data-set-counts]').textContent =
      `${c.done} done · ${c.due} due today${c.due === 0 && c.next ? ` · next review ${c.next}` : ''}`;
    return c;
  };

  const show = async () => {
    const id = queue[position]!;
    deck.showQuestion(
      `Topic ${position + 1} of ${queue.length}`,
      `What do you remember about ${title(id)}?`,
      getProgress().topicReviews[id],
      today,
    );
    $<HTMLAnchorElement>('[data-link]').href = `/topics/${id}/`;
    const summary = $('[data-summary]');
    const checks = $('[data-checks]');
    summary.textContent = 'Loading…';
    checks.replaceChildren();
    if (queue[position + 1]) void load(queue[position + 1]!);
    const data = await load(id);
    if (queue[position] !== id) return;
    const problem = $('[data-load-problem]');
    problem.hidden = !!data;
    problem.textContent = data
      ? ''
      : 'The summary and self-check could not be loaded (are you offline?). Open the topic page to check yourself, then rate.';
    summary.textContent = data?.summary ?? '';
    $('[data-checks-title]').hidden = !data;
    checks.replaceChildren(
      ...(data?.selfCheck ?? []).flatMap(({ question: q, answer: a }) => {
        const dt = document.createElement('dt');
        dt.className = 'font-semibold';
        dt.append(...inlineNodes(q));
        const dd = document.createElement('dd');
        dd.append(...inlineNodes(a));
        return [dt, dd];
      }),
    );
  };

  const finish = () => {
    deck.card.hidden = true;
    const { next } = counts();
    $('[data-done-text]').textContent =
      `Review complete: ${reviewed} topic${reviewed === 1 ? '' : 's'} reviewed.${next ? ` The next comes back on ${next}.` : ''}`;
    const done = $('[data-done]');
    done.hidden = false;
    done.focus();
  };

  const rate = (rating: Rating) => {
    const id = queue[position]!;
    const next = schedule(getProgress().topicReviews[id], rating, today);
    saveProgress(withTopicReview(getProgress(), id, next));
    reviewed++;
    if (rating === 'again') queue.push(id);
    position++;
    counts();
    live.textContent = `Rated ${rating}: ${title(id)} comes back in ${days(next.interval)}.`;
    if (position < queue.length) {
      void show();
      deck.question.focus();
    } else finish();
  };

  const begin = (topics: string[]) => {
    queue = topics;
    position = 0;
    $('[data-empty]').hidden = true;
    void show();
    deck.question.focus();
  };

  const deck = reviewCard(root, rate);
  $('[data-anyway]').addEventListener('click', () => begin(ids.filter((id) => getProgress().topics[id] === 'done')));

  $('[data-set-title]').textContent = roadmap ? `Topics on ${roadmap.title}` : 'All your done topics';
  $('[data-app]').hidden = false;
  const { done } = counts();
  const due = dueTopics(getProgress(), ids, today);
  if (due.length > 0) begin(due);
  else {
    $('[data-empty-text]').textContent =
      done === 0 ? 'You have not marked any of these topics done yet.' : 'Nothing here is due for review today.';
    $('[data-anyway]').hidden = done === 0;
    $('[data-empty]').hidden = false;
  }
}

customElements.define(
  'topic-review-session',
  class extends HTMLElement {
    connectedCallback() {
      startReview(this);
    }
  },
);
