/**
 * <practice-session>: flashcards over the set named in the URL (?role=…, ?topic=…, ?difficulty=…, ?type=…,
 * ?due=1). A session shows the set's due cards (most overdue first), then its new ones; Space reveals, keys 1–4
 * (or the buttons) rate, and each rating is scheduled by SM-2 (src/lib/progress/spaced-repetition.ts) and saved with the
 * rest of the progress. Cards rated "again" come back once more at the end of the session.
 */
import { withReview } from '../../lib/progress/progress-edits.ts';
import {
  FACETS,
  matches,
  parseFilters,
  practiceUrl,
  type QuestionFacets,
} from '../../lib/questions/question-filters.ts';
import { days, reviewCard } from '../review-card/review-card.ts';
import {
  isDue,
  localDate,
  nextDue,
  type Rating,
  reviewCounts,
  schedule,
} from '../../lib/progress/spaced-repetition.ts';
import { filterFields } from './filter-fields.ts';
import { inlineNodes } from '../inline-nodes.ts';
import { getProgress, notify, onProgressChange, saveProgress, takeStorageProblem } from '../progress/progress.ts';

interface Card extends QuestionFacets {
  question: string;
  shortAnswer: { thesis: string; points: string[] };
}

class PracticeSession extends HTMLElement {
  private $<T extends HTMLElement = HTMLElement>(selector: string) {
    return this.querySelector<T>(selector)!;
  }

  connectedCallback() {
    const bank = JSON.parse(this.$('[data-bank]').textContent!) as Card[];
    const form = this.$<HTMLFormElement>('[data-chooser]');
    const fields = filterFields(form);
    fields.show(parseFilters(location.search));
    const filters = fields.read();
    const labels = FACETS.filter((f) => filters[f]).map((f) => fields.select(f).selectedOptions[0]!.dataset.label!);
    if (filters.due) labels.push('due for review');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      location.assign(practiceUrl(fields.read()));
    });

    const today = localDate(new Date());
    const reviews = () => getProgress().reviews;
    const due = (id: string) => isDue(reviews()[id], today);
    const live = this.$('[data-live]');
    const set = labels.length > 0 ? bank.filter((q) => matches(q, filters, due)) : [];
    const setIds = set.map((q) => q.id);
    let queue: Card[] = [];
    let index = 0;
    let reviewed = 0;

    const renderCounts = () => {
      const all = reviewCounts(
        reviews(),
        bank.map((q) => q.id),
        today,
      );
      this.$('[data-overview-text]').textContent =
        `${all.due ? `${all.due} question${all.due === 1 ? ' is' : 's are'} due for review today` : 'Nothing is due for review today'}; you have reviewed ${all.reviewed} of ${all.total}.`;
      this.$('[data-due-link]').hidden = all.due === 0 || !!filters.due;
      const c = reviewCounts(reviews(), setIds, today);
      const next = c.due === 0 ? nextDue(reviews(), setIds) : undefined;
      this.$('[data-set-counts]').textContent =
        `${c.total} question${c.total === 1 ? '' : 's'} · ${c.due} due today · ${c.fresh} new${next ? ` · next review ${next}` : ''}`;
    };

    const show = () => {
      const current = queue[index]!;
      deck.showQuestion(`Card ${index + 1} of ${queue.length}`, current.question, reviews()[current.id], today);
      const { thesis, points } = current.shortAnswer;
      this.$('[data-thesis]').replaceChildren(...inlineNodes(thesis));
      this.$('[data-points]').replaceChildren(
        ...points.map((point) => {
          const item = document.createElement('li');
          item.append(...inlineNodes(point));
          return item;
        }),
      );
      this.$<HTMLAnchorElement>('[data-link]').href = `/questions/${current.id}/`;
    };

    const finish = () => {
      deck.card.hidden = true;
      const done = this.$('[data-done]');
      const next = nextDue(reviews(), setIds);
      this.$('[data-done-text]').textContent =
        `Session complete: ${reviewed} card${reviewed === 1 ? '' : 's'} reviewed.${next ? ` The next review in this set is on ${next}.` : ''}`;
      done.hidden = false;
      done.focus();
    };

    const rate = (rating: Rating) => {
      const current = queue[index]!;
      const next = schedule(reviews()[current.id], rating, today);
      saveProgress(withReview(getProgress(), current.id, next));
      reviewed++;
      if (rating === 'again') queue.push(current);
      index++;
      live.textContent = `Rated ${rating}: next review in ${days(next.interval)}.`;
      if (index < queue.length) {
        show();
        deck.question.focus();
      } else finish();
    };

    const start = (cards: Card[]) => {
      queue = cards;
      index = 0;
      this.$('[data-empty]').hidden = true;
      show();
    };

    const deck = reviewCard(this, rate);
    this.$('[data-anyway]').addEventListener('click', () => {
      start(set);
      deck.question.focus();
    });

    const problem = takeStorageProblem();
    if (problem) notify(this.$('[data-notice]'), problem);
    onProgressChange(renderCounts);
    renderCounts();
    if (labels.length > 0) {
      this.$('[data-set-title]').textContent = `Set: ${labels.join(' · ')}`;
      this.$('[data-session]').hidden = false;
      const byDue = (a: Card, b: Card) => (reviews()[a.id]!.due < reviews()[b.id]!.due ? -1 : 1);
      const cards = [...set.filter((q) => due(q.id)).sort(byDue), ...set.filter((q) => !reviews()[q.id])];
      if (cards.length > 0) start(cards);
      else {
        this.$('[data-empty-text]').textContent =
          set.length === 0
            ? 'No questions match this set. Choose another above.'
            : 'Nothing in this set is due today, and every question in it has been reviewed.';
        this.$('[data-anyway]').hidden = set.length === 0;
        this.$('[data-empty]').hidden = false;
      }
    }
    this.$('[data-app]').hidden = false;
  }
}

customElements.define('practice-session', PracticeSession);
