/**
 * Flashcard and topic review scheduling by FSRS (the Free Spaced Repetition Scheduler that Anki ships), through
 * the ts-fsrs library with its default weights. Pure functions, no DOM, no clock: callers pass "today" as a local
 * calendar date (YYYY-MM-DD), so a card is due on a day, not at an hour.
 *
 * FSRS keeps per card a stability S (days until the chance of recall falls to 90 %) and a difficulty D (1–10);
 * each rating updates both from how much the learner had likely forgotten, and the next review is the day recall
 * is predicted to fall to 90 %. We schedule in whole days (ts-fsrs's long-term mode, no minute learning steps) and
 * without fuzz, so what a button says is what it does: a new card's again, hard, good and easy come back in 1, 2, 3
 * and 8 days. A card rated "again" is also shown once more at the end of the session (review-card.ts), as Anki's
 * relearning step does; its schedule is then the one that last rating gives.
 */
import { createEmptyCard, fsrs, generatorParameters, type Grade, Rating as Grades, State } from 'ts-fsrs';
import type { Rating } from './review-due.ts';
import type { Review } from './review-state.ts';

const GRADE: Record<Rating, Grade> = { again: Grades.Again, hard: Grades.Hard, good: Grades.Good, easy: Grades.Easy };
const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

/** A day as the moment ts-fsrs counts from: its midnight, UTC, so whole days stay whole. */
const moment = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
/** Whole days from one YYYY-MM-DD day to another. */
export const daysBetween = (from: string, to: string) =>
  Math.round((moment(to).getTime() - moment(from).getTime()) / 864e5);

/** The ts-fsrs card of a stored review (a new card when there is none). */
function toCard(review: Review | undefined, today: string) {
  if (!review) return createEmptyCard(moment(today));
  return {
    due: moment(review.due),
    stability: review.stability,
    difficulty: review.difficulty,
    elapsed_days: 0,
    scheduled_days: Math.max(0, daysBetween(review.reviewed, review.due)),
    learning_steps: 0,
    reps: review.reps,
    lapses: review.lapses,
    state: State.Review,
    // A review dated after today (another device's clock) counts as today's, so elapsed time is never negative.
    last_review: moment(review.reviewed < today ? review.reviewed : today),
  };
}

/** The state after rating a card today; `previous` is undefined for a card never reviewed. */
export function schedule(previous: Review | undefined, rating: Rating, today: string): Review {
  const { card } = scheduler.next(toCard(previous, today), moment(today), GRADE[rating]);
  return {
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    due: dayOf(card.due),
    reviewed: today,
  };
}

/** Days until the card comes back after each rating today. */
export function nextIntervals(previous: Review | undefined, today: string): Record<Rating, number> {
  const days = (rating: Rating) => daysBetween(today, schedule(previous, rating, today).due);
  return { again: days('again'), hard: days('hard'), good: days('good'), easy: days('easy') };
}

/** FSRS's predicted chance (0–1) that the learner recalls the card on `day`. */
export function recallOn(review: Review, day: string): number {
  return scheduler.get_retrievability(toCard(review, day), moment(day), false);
}

/**
 * Recall aimed for on a date the learner names ("my interview is on …"): above the 90 % the daily schedule
 * keeps, so a card that would otherwise come back only after that day, a little weaker, is reviewed before it.
 */
export const TARGET_RECALL = 0.95;

/**
 * Whether to review a card today for a date the learner named: it is due, or FSRS predicts its recall on `by`
 * below TARGET_RECALL. A card reviewed today waits (one review a day, as FSRS's model assumes).
 */
export function isDueBy(review: Review | undefined, today: string, by: string | undefined): boolean {
  if (!review) return false;
  if (review.due <= today) return true;
  return !!by && by > today && review.reviewed < today && recallOn(review, by) < TARGET_RECALL;
}
