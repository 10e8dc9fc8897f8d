/**
 * A review session's part that loads as it starts (review-card.ts, loadScheduler): the FSRS scheduler
 * (src/lib/progress/spaced-repetition.ts, with ts-fsrs), the date the learner reviews for, and what the live region
 * and the date's status say.
 */
import { days, type Rating } from '../../lib/progress/review-due.ts';
import { addDays, isDate } from '../../lib/progress/review-state.ts';
import { TARGET_RECALL } from '../../lib/progress/spaced-repetition.ts';
import { part } from '../parts.ts';

export { daysBetween, isDueBy, nextIntervals, schedule } from '../../lib/progress/spaced-repetition.ts';

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
  // A date in force stays in view with its form, so it can be changed or cleared.
  if (by) (form.closest('details') ?? form).setAttribute('open', '');
  return by;
}

/** Says how many cards the date brought forward, or nothing when no date is set. */
export function showBroughtForward(root: HTMLElement, by: string | undefined, count: number, noun: string) {
  part(root, '[data-by-status]').textContent = by
    ? `Reviewing for ${by}: ${count} ${noun}${count === 1 ? '' : 's'} brought forward, whose recall FSRS predicts below ${TARGET_RECALL * 100} % on that day.`
    : '';
}
