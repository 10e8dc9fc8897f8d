/** An entry's created, updated and change lines tell the truth about when and what changed. */
import { isDate } from '../../../core/format/dates.ts';
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
    if (dates[field] > today)
      issues.push({ file, field, message: `${dates[field]} is in the future (today is ${today} at the latest)` });
  }
  if (dates.updated < dates.created) {
    issues.push({
      file,
      field: 'updated',
      message: `${dates.updated} is before created (${dates.created}): an entry cannot change before it exists`,
    });
  } else if (dates.updated > dates.created && !dates.change) {
    issues.push({
      file,
      field: 'change',
      message: `is required because updated (${dates.updated}) is after created: say in one line what changed, e.g. "Added self-check questions."`,
    });
  }
  return issues;
}

/** `created: 2026-02-30`: an unquoted day as written, before the YAML reader makes it a Date. */
const WRITTEN_DAY = /^(created|updated):[ \t]*(\d{4}-\d{2}-\d{2})[ \t]*(?:#.*)?\r?$/gm;

/**
 * Days that are not on the calendar, read from the text of the frontmatter (or of a YAML file): Astro's YAML reader
 * turns an unquoted 2026-02-30 into 2 March, so the schema sees a real day. A quoted day stays text and the schema
 * checks it (daySchema).
 */
export function checkWrittenDays(file: string, frontmatter: string): ContentIssue[] {
  return [...frontmatter.matchAll(WRITTEN_DAY)]
    .filter(([, , day]) => !isDate(day))
    .map(([, field]) => ({ file, field: field!, message: 'is not a day of the calendar' }));
}
