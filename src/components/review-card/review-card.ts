/**
 * The card of ReviewCard.astro, shared by the flashcards (practice-session.ts) and the topic review
 * (topic-review-session.ts): Space or the button reveals the answer, keys 1–4 or the buttons rate it, and each
 * rating shows when the card would come back ("again" also brings it back in this session). Keys are ignored
 * while a form field has focus.
 */
import { addDays, isDate, type Review } from '../../lib/progress/review-state.ts';
import { nextIntervals, RATINGS, type Rating, TARGET_RECALL } from '../../lib/progress/spaced-repetition.ts';
import { part } from '../parts.ts';

export const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** What the live region says after a rating: when `what` comes back. */
export const ratedMessage = (rating: Rating, what: string, interval: number) =>
  rating === 'again'
    ? `Rated again: ${what} comes back later in this session.`
    : `Rated ${rating}: ${what} comes back in ${days(interval)}.`;

/**
 * The date the learner reviews for ("my interview is on …"), from ?by=YYYY-MM-DD when it is after today, and the
 * form that sets or clears it (the session then starts again with what that date brings forward).
 */
export function reviewBy(root: HTMLElement, today: string, signal: AbortSignal): string | undefined {
  const form = part(root, '[data-by]', HTMLFormElement);
  const input = part(form, 'input', HTMLInputElement);
  const asked = new URLSearchParams(location.search).get('by');
  const by = isDate(asked) && asked > today ? asked : undefined;
  input.min = addDays(today, 1);
  input.value = by ?? '';
  const go = (day: string) => {
    const url = new URL(location.href);
    if (day) url.searchParams.set('by', day);
    else url.searchParams.delete('by');
    location.assign(url);
  };
  form.addEventListener('submit', (event) => (event.preventDefault(), go(input.value)), { signal });
  part(form, '[data-by-clear]').addEventListener('click', () => go(''), { signal });
  part(form, '[data-by-clear]').hidden = !by;
  return by;
}

/** Says how many cards the date brought forward, or nothing when no date is set. */
export function showBroughtForward(root: HTMLElement, by: string | undefined, count: number, noun: string) {
  part(root, '[data-by-status]').textContent = by
    ? `Reviewing for ${by}: ${count} ${noun}${count === 1 ? '' : 's'} brought forward, whose recall FSRS predicts below ${TARGET_RECALL * 100} % on that day.`
    : '';
}

/** A session's cards in the order they come; a card rated "again" comes back once more at the end. */
export class ReviewQueue<T> {
  #items: T[] = [];
  #at = 0;
  /** Ratings given in this session. */
  reviewed = 0;

  start(items: T[]) {
    this.#items = items;
    this.#at = 0;
  }

  get current(): T {
    return this.#items[this.#at]!;
  }

  /** The card after this one, if any (to load ahead). */
  get following(): T | undefined {
    return this.#items[this.#at + 1];
  }

  /** Where the current card stands: "3 of 12". */
  get place() {
    return `${this.#at + 1} of ${this.#items.length}`;
  }

  /** Counts the current card rated and moves on; false when that was the last card. */
  rated(rating: Rating): boolean {
    this.reviewed++;
    if (rating === 'again') this.#items.push(this.current);
    this.#at++;
    return this.#at < this.#items.length;
  }
}

/** Wires the card in `root`; its listeners, the page's keys among them, end with `signal`. */
export function reviewCard(root: HTMLElement, rate: (rating: Rating) => void, signal: AbortSignal) {
  const card = part(root, '[data-card]');
  const answer = part(root, '[data-answer]');
  const reveal = part(root, '[data-reveal]', HTMLButtonElement);
  const question = part(root, '[data-question]');
  const rateButtons = [...root.querySelectorAll<HTMLElement>('[data-rate]')];

  const showAnswer = () => {
    answer.hidden = false;
    reveal.hidden = true;
    answer.focus();
  };
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (card.hidden || event.altKey || event.ctrlKey || event.metaKey || target.closest('input, select, textarea'))
      return;
    if (event.key === ' ' && answer.hidden && !target.closest('button, a')) {
      event.preventDefault();
      showAnswer();
    } else if (!answer.hidden && /^[1-4]$/.test(event.key)) {
      event.preventDefault();
      rate(RATINGS[Number(event.key) - 1]!);
    }
  };
  reveal.addEventListener('click', showAnswer, { signal });
  for (const button of rateButtons)
    button.addEventListener('click', () => rate(button.dataset.rate as Rating), { signal });
  document.addEventListener('keydown', onKey, { signal });

  return {
    card,
    question,
    /** The question side of a card, with each rating's next interval after `previous` (undefined: never reviewed). */
    showQuestion(position: string, text: string, previous: Review | undefined, today: string) {
      card.hidden = false;
      answer.hidden = true;
      reveal.hidden = false;
      part(root, '[data-position]').textContent = position;
      question.textContent = text;
      const intervals = nextIntervals(previous, today);
      for (const button of rateButtons) {
        const rating = button.dataset.rate as Rating;
        part(button, '[data-hint]').textContent =
          rating === 'again' ? '· later this session' : `· ${days(intervals[rating])}`;
      }
    },
  };
}
