/**
 * <atlas-topic-review-session> on /practice/topics/ (?roadmap=<id> for one roadmap): the due topics one card at a time. "What do you remember about …?", then Space (or the button) reveals the
 * summary and the self-check answers, fetched per topic from /topic-review/<id>.json; keys 1–4 rate as on the
 * flashcards, scheduled by FSRS into the store's topicReviews. Topics rated "again" come back at the end; ?by=
 * YYYY-MM-DD brings forward the topics FSRS predicts weak on that date.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { inlineNodes } from '../inline-nodes.ts';
import type { Rating } from '../../lib/progress/review-due.ts';
import { localDate, type Review } from '../../lib/progress/review-state.ts';
import type { TopicCard, TopicIndex } from '../../lib/content/topic-index.ts';
import { topicReviewCounts } from '../../lib/progress/topic-review.ts';
import { dueTopics, withTopicReview } from '../../lib/progress/topic-review-queue.ts';
import { jsonPart, part } from '../parts.ts';
import { getProgress, saveProgress } from '../progress/progress.ts';
import { loadScheduler, reviewCard, ReviewQueue, type Scheduler } from '../review-card/review-card.ts';

const cards = new Map<string, Promise<TopicCard | undefined>>();
/** A topic's summary and self-check, fetched once; undefined when it cannot be fetched (offline). */
function loadCard(id: string) {
  if (!cards.has(id)) {
    cards.set(
      id,
      fetch(`/topic-review/${id}.json`)
        .then((r) => (r.ok ? (r.json() as Promise<TopicCard>) : undefined))
        .catch(() => undefined),
    );
  }
  return cards.get(id)!;
}

/** The self-check as a description list: each question and its answer. */
const selfCheck = (data: TopicCard | undefined) =>
  (data?.selfCheck ?? []).flatMap(({ question: q, answer: a }) => {
    const dt = document.createElement('dt');
    dt.className = 'font-semibold';
    dt.append(...inlineNodes(q));
    const dd = document.createElement('dd');
    dd.append(...inlineNodes(a));
    return [dt, dd];
  });

class TopicReviewSession extends AtlasElement {
  #today = localDate(new Date());
  #index: TopicIndex = { titles: {}, roadmaps: [] };
  /** The topics reviewed here: one roadmap's in its order, else every roadmap's and then the rest. */
  #ids: string[] = [];
  #queue = new ReviewQueue<string>();
  #deck!: ReturnType<typeof reviewCard>;
  #fsrs!: Scheduler;

  protected connect(signal: AbortSignal) {
    this.#today = localDate(new Date());
    this.#index = jsonPart<TopicIndex>(this, '[data-index]');
    const roadmaps = this.#index.roadmaps;
    const roadmap = roadmaps.find((r) => r.id === new URLSearchParams(location.search).get('roadmap'));
    // Roadmap order first, so topics never reviewed come in the order they were learned.
    this.#ids = roadmap
      ? roadmap.topics
      : [...new Set([...roadmaps.flatMap((r) => r.topics), ...Object.keys(this.#index.titles)])];
    this.#deck = reviewCard(this, (rating) => this.#rate(rating), signal);
    const done = () => this.#ids.filter((id) => getProgress().topics[id] === 'done');
    part(this, '[data-anyway]').addEventListener('click', () => this.#begin(done()), { signal });
    part(this, '[data-set-title]').textContent = roadmap ? `Topics on ${roadmap.title}` : 'All your done topics';
    part(this, '[data-app]').hidden = false;
    void this.#open(signal);
  }

  /** Loads the scheduler, then starts the due topics (with those a date brings forward) or says why there are none. */
  async #open(signal: AbortSignal) {
    const counts = this.#counts();
    try {
      this.#fsrs = await loadScheduler();
    } catch {
      part(this, '[data-empty-text]').textContent =
        'The review scheduler could not be loaded: open this page again once you are online.';
      part(this, '[data-anyway]').hidden = true;
      part(this, '[data-empty]').hidden = false;
      return;
    }
    if (signal.aborted) return;
    const by = this.#fsrs.reviewBy(this, this.#today, signal);
    const early = (r: Review) => this.#fsrs.isDueBy(r, this.#today, by);
    const due = dueTopics(getProgress(), this.#ids, this.#today, early);
    this.#fsrs.showBroughtForward(this, by, due.length - counts.due, 'topic');
    if (due.length > 0) return this.#begin(due);
    part(this, '[data-empty-text]').textContent =
      counts.done === 0 ? 'You have not marked any of these topics done yet.' : 'Nothing here is due for review today.';
    part(this, '[data-anyway]').hidden = counts.done === 0;
    part(this, '[data-empty]').hidden = false;
  }

  #title(id: string) {
    return this.#index.titles[id] ?? id;
  }

  #counts() {
    const c = topicReviewCounts(getProgress(), this.#ids, this.#today);
    part(this, '[data-set-counts]').textContent =
      `${c.done} done · ${c.due} due today${c.due === 0 && c.next ? ` · next review ${c.next}` : ''}`;
    return c;
  }

  async #show() {
    const id = this.#queue.current;
    this.#deck.showQuestion(
      `Topic ${this.#queue.place}`,
      `What do you remember about ${this.#title(id)}?`,
      this.#fsrs.nextIntervals(getProgress().topicReviews[id], this.#today),
    );
    part(this, '[data-link]', HTMLAnchorElement).href = `/topics/${id}/`;
    const summary = part(this, '[data-summary]');
    const checks = part(this, '[data-checks]');
    summary.textContent = 'Loading…';
    checks.replaceChildren();
    const following = this.#queue.following;
    if (following) void loadCard(following);
    const data = await loadCard(id);
    if (this.#queue.current !== id) return;
    const problem = part(this, '[data-load-problem]');
    problem.hidden = !!data;
    problem.textContent = data
      ? ''
      : 'The summary and self-check could not be loaded (are you offline?). Open the topic page to check yourself, then rate.';
    summary.replaceChildren(...inlineNodes(data?.summary ?? ''));
    part(this, '[data-checks-title]').hidden = !data;
    checks.replaceChildren(...selfCheck(data));
  }

  #finish() {
    this.#deck.card.hidden = true;
    const { next } = this.#counts();
    const reviewed = this.#queue.reviewed;
    part(this, '[data-done-text]').textContent =
      `Review complete: ${reviewed} topic${reviewed === 1 ? '' : 's'} reviewed.${next ? ` The next comes back on ${next}.` : ''}`;
    const done = part(this, '[data-done]');
    done.hidden = false;
    done.focus();
  }

  #rate(rating: Rating) {
    const id = this.#queue.current;
    const next = this.#fsrs.schedule(getProgress().topicReviews[id], rating, this.#today);
    saveProgress(withTopicReview(getProgress(), id, next));
    const more = this.#queue.rated(rating);
    this.#counts();
    part(this, '[data-live]').textContent = this.#fsrs.ratedMessage(
      rating,
      this.#title(id),
      this.#fsrs.daysBetween(this.#today, next.due),
    );
    if (!more) return this.#finish();
    void this.#show();
    this.#deck.question.focus();
  }

  #begin(topics: string[]) {
    this.#queue.start(topics);
    part(this, '[data-empty]').hidden = true;
    void this.#show();
    this.#deck.question.focus();
  }
}

defineElement('topic-review-session', TopicReviewSession);
