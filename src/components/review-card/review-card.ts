/**
 * The card of ReviewCard.astro, shared by the flashcards (practice-session.ts) and the topic review
 * (topic-review-session.ts): Space or the button reveals the answer, keys 1–4 or the buttons rate it, and each
 * rating shows when the card would come back ("again" also brings it back in this session). Keys are ignored
 * while a form field has focus.
 */
import { days, RATINGS, type Rating } from '../../lib/progress/review-due.ts';
import { part } from '../parts.ts';

/**
 * What a session needs once it starts (review-session.ts: the FSRS scheduler, the date to review for, the
 * messages), loaded alongside its cards, so the page's first view does not wait for it.
 */
export const loadScheduler = () => import('./review-session.ts');
export type Scheduler = Awaited<ReturnType<typeof loadScheduler>>;

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
    /** The question side of a card, with the days until it comes back after each rating. */
    showQuestion(position: string, text: string, intervals: Record<Rating, number>) {
      card.hidden = false;
      answer.hidden = true;
      reveal.hidden = false;
      part(root, '[data-position]').textContent = position;
      question.textContent = text;
      for (const button of rateButtons) {
        const rating = button.dataset.rate as Rating;
        part(button, '[data-hint]').textContent =
          rating === 'again' ? '· later this session' : `· ${days(intervals[rating])}`;
      }
    },
  };
}
