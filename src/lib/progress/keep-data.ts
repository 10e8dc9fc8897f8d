/**
 * Keeping the learner's data: when it is worth asking the browser to keep it (persistent storage), and when to
 * remind the learner to take a copy (an export file or a transfer link). A browser may clear a site's storage when
 * space runs low, and Safari clears it after 7 days without a visit unless the site is installed: a copy is the
 * only sure way back.
 */
import type { Progress } from './progress-store.ts';

/** localStorage key of the time (ISO) the learner last exported a file or made a transfer link. */
export const LAST_COPY_KEY = 'atlas-last-copy';
/** Days after the last copy when /progress/ reminds the learner to make another. */
export const COPY_REMINDER_DAYS = 30;

/** Whether the store holds anything a learner would miss: a marked topic, a review, a project, a note or a lab. */
export const hasSomethingToKeep = (progress: Progress): boolean =>
  (['topics', 'reviews', 'projects', 'notes', 'topicReviews', 'labs'] as const).some(
    (section) => Object.keys(progress[section]).length > 0,
  );

/** Whole days from `since` to `now`, or null when `since` is not a time. */
export function daysSince(since: string | null, now: Date): number | null {
  const time = since === null ? NaN : Date.parse(since);
  return Number.isNaN(time) ? null : Math.floor((now.getTime() - time) / 86_400_000);
}

/** The reminder to show, or null: none while there is nothing to keep or the last copy is recent. */
export function copyReminder(progress: Progress, lastCopy: string | null, now: Date): string | null {
  if (!hasSomethingToKeep(progress)) return null;
  const days = daysSince(lastCopy, now);
  if (days === null)
    return 'You have not saved a copy of your progress yet. Export it as a file or make a transfer link, so a cleared browser cannot take it.';
  if (days < COPY_REMINDER_DAYS) return null;
  return `Your last copy of your progress is ${days} days old. Export a new file or make a transfer link, so a cleared browser cannot take what you did since.`;
}
