/** An entry's created, updated and change lines tell the truth about when and what changed. */
import type { ContentIssue } from './entries.ts';

/**
 * The latest day it is anywhere on Earth (UTC+14), so an author east of UTC is never told their today is the
 * future. Dates in content are calendar days without a time zone.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

export interface ChangeDates {
  created: string;
  updated: string;
  change?: string | undefined;
}

/**
 * An entry's dates tell the truth: none in the future, `updated` not before `created`, and a `change` line that
 * says what changed whenever `updated` is after `created` (the "What changed" page and the feed show it).
 */
export function checkChangeDates(file: string, dates: ChangeDates, today: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const field of ['created', 'updated'] as const) {
    if (dates[field] > today) issues.push({ file, field, message: `${dates[field]} is in the future (today is ${today} at the latest)` });
  }
  if (dates.updated < dates.created) {
    issues.push({ file, field: 'updated', message: `${dates.updated} is before created (${dates.created}): an entry cannot change before it exists` });
  } else if (dates.updated > dates.created && !dates.change) {
    issues.push({ file, field: 'change', message: `is required because updated (${dates.updated}) is after created: say in one line what changed, e.g. "Added self-check questions."` });
  }
  return issues;
}
