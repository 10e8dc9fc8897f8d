/**
 * <atlas-practice-session>: flashcards over the set named in the URL (?role=…, ?topic=…, ?difficulty=…, ?type=…,
 * ?due=1, and ?by=YYYY-MM-DD to review for a date). A session shows the set's due cards (most overdue first), then
 * its new ones; Space reveals, keys 1–4 (or the buttons) rate, and each rating is scheduled by FSRS
 * (src/lib/progress/spaced-repetition.ts) and saved with the rest of the progress. Cards rated "again" come back
 * once more at the end of the session.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { withReview } from '../../lib/progress/progress-edits.ts';
import {
  FACETS,
  type Filters,
  matches,
  parseFilters,
  PRACTICE_BANK_URL,
  practiceUrl,
  type QuestionFacets,
} from '../../lib/questions/question-filters.ts';
import { loadScheduler, reviewCard, ReviewQueue, type Scheduler } from '../review-card/review-card.ts';
import { isDue, nextDue, type Rating, reviewCounts } from '../../lib/progress/review-due.ts';
import { localDate } from '../../lib/progress/review-state.ts';
import { filterFields } from './filter-fields.ts';
import { inlineNodes } from '../inline-nodes.ts';
import { part } from '../parts.ts';
import { getProgress, notify, onProgressChange, saveProgress, takeStorageProblem } from '../progress/progress.ts';

interface Card extends QuestionFacets {
  question: string;
  shortAnswer: { thesis: string; points: string[] };
}

const reviews = () => getProgress().reviews;

class PracticeSession extends AtlasElement {
  #today = localDate(new Date());
  #bank: Card[] = [];
  #filters: Filters = {};
  /** The date the learner reviews for, if any (?by=). */
  #by: string | undefined;
  /** The cards of the set the URL names (none when it names none). */
  #set: Card[] = [];
  #queue = new ReviewQueue<Card>();
  #deck!: ReturnType<typeof reviewCard>;
  #fsrs!: Scheduler;

  protected connect(signal: AbortSignal) {
    this.#today = localDate(new Date());
    const form = part(this, '[data-chooser]', HTMLFormElement);
    const fields = filterFields(form);
    fields.show(parseFilters(location.search));
    this.#filters = fields.read();
    const labels = FACETS.filter((f) => this.#filters[f]).map(
      (f) => fields.select(f).selectedOptions[0]!.dataset.label!,
    );
    if (this.#filters.due) labels.push('due for review');
    const choose = (event: SubmitEvent) => {
      event.preventDefault();
      location.assign(practiceUrl({ ...fields.read(), by: this.#by }));
    };
    form.addEventListener('submit', choose, { signal });
    this.#deck = reviewCard(this, (rating) => this.#rate(rating), signal);
    part(this, '[data-anyway]').addEventListener('click', () => this.#startAnyway(), { signal });
    const problem = takeStorageProblem(this);
    if (problem) notify(part(this, '[data-notice]'), problem);
    part(this, '[data-app]').hidden = false;
    void this.#loadBank(labels, signal);
  }

  /** Fetches the questions (kept offline with the site's shell), then counts them and opens the set the URL names. */
  async #loadBank(labels: string[], signal: AbortSignal) {
    try {
      const [response, fsrs] = await Promise.all([fetch(PRACTICE_BANK_URL, { signal }), loadScheduler()]);
      if (!response.ok) throw new Error(`${response.status}`);
      this.#fsrs = fsrs;
      this.#by = fsrs.reviewBy(this, this.#today, signal);
      this.#bank = (await response.json()) as Card[];
    } catch {
      if (signal.aborted) return;
      notify(
        part(this, '[data-notice]'),
        'The questions could not be loaded: open this page again once you are online, and it is kept for offline use.',
      );
      return;
    }
    if (signal.aborted) return;
    const due = (id: string) => this.#fsrs.isDueBy(reviews()[id], this.#today, this.#by);
    this.#set = labels.length > 0 ? this.#bank.filter((q) => matches(q, this.#filters, due)) : [];
    onProgressChange(() => this.#renderCounts(), signal);
    this.#renderCounts();
    if (labels.length > 0) this.#openSet(labels);
  }

  #setIds() {
    return this.#set.map((q) => q.id);
  }

  /** The set's title, and its session: its due cards, then its new ones, or why there are none. */
  #openSet(labels: string[]) {
    const set = this.#set;
    part(this, '[data-set-title]').textContent = `Set: ${labels.join(' · ')}`;
    part(this, '[data-session]').hidden = false;
    const byDue = (a: Card, b: Card) => (reviews()[a.id]!.due < reviews()[b.id]!.due ? -1 : 1);
    const due = set.filter((q) => this.#fsrs.isDueBy(reviews()[q.id], this.#today, this.#by)).sort(byDue);
    const early = due.filter((q) => !isDue(reviews()[q.id], this.#today)).length;
    this.#fsrs.showBroughtForward(this, this.#by, early, 'card');
    const cards = [...due, ...set.filter((q) => !reviews()[q.id])];
    if (cards.length > 0) return this.#start(cards);
    part(this, '[data-empty-text]').textContent =
      set.length === 0
        ? 'No questions match this set. Choose another above.'
        : 'Nothing in this set is due today, and every question in it has been reviewed.';
    part(this, '[data-anyway]').hidden = set.length === 0;
    part(this, '[data-empty]').hidden = false;
  }

  #renderCounts() {
    const all = reviewCounts(
      reviews(),
      this.#bank.map((q) => q.id),
      this.#today,
    );
    part(this, '[data-overview-text]').textContent =
      `${all.due ? `${all.due} question${all.due === 1 ? ' is' : 's are'} due for review today` : 'Nothing is due for review today'}; you have reviewed ${all.reviewed} of ${all.total}.`;
    part(this, '[data-due-link]').hidden = all.due === 0 || !!this.#filters.due;
    const setIds = this.#setIds();
    const c = reviewCounts(reviews(), setIds, this.#today);
    const next = c.due === 0 ? nextDue(reviews(), setIds) : undefined;
    part(this, '[data-set-counts]').textContent =
      `${c.total} question${c.total === 1 ? '' : 's'} · ${c.due} due today · ${c.fresh} new${next ? ` · next review ${next}` : ''}`;
  }

  #show() {
    const current = this.#queue.current;
    const intervals = this.#fsrs.nextIntervals(reviews()[current.id], this.#today);
    this.#deck.showQuestion(`Card ${this.#queue.place}`, current.question, intervals);
    const { thesis, points } = current.shortAnswer;
    part(this, '[data-thesis]').replaceChildren(...inlineNodes(thesis));
    part(this, '[data-points]').replaceChildren(
      ...points.map((point) => {
        const item = document.createElement('li');
        item.append(...inlineNodes(point));
        return item;
      }),
    );
    part(this, '[data-link]', HTMLAnchorElement).href = `/questions/${current.id}/`;
  }

  #finish() {
    this.#deck.card.hidden = true;
    const done = part(this, '[data-done]');
    const next = nextDue(reviews(), this.#setIds());
    const reviewed = this.#queue.reviewed;
    part(this, '[data-done-text]').textContent =
      `Session complete: ${reviewed} card${reviewed === 1 ? '' : 's'} reviewed.${next ? ` The next review in this set is on ${next}.` : ''}`;
    done.hidden = false;
    done.focus();
  }

  #rate(rating: Rating) {
    const current = this.#queue.current;
    const next = this.#fsrs.schedule(reviews()[current.id], rating, this.#today);
    saveProgress(withReview(getProgress(), current.id, next));
    const more = this.#queue.rated(rating);
    part(this, '[data-live]').textContent = this.#fsrs.ratedMessage(
      rating,
      'this card',
      this.#fsrs.daysBetween(this.#today, next.due),
    );
    if (!more) return this.#finish();
    this.#show();
    this.#deck.question.focus();
  }

  #start(cards: Card[]) {
    this.#queue.start(cards);
    part(this, '[data-empty]').hidden = true;
    this.#show();
  }

  #startAnyway() {
    this.#start(this.#set);
    this.#deck.question.focus();
  }
}

defineElement('practice-session', PracticeSession);
