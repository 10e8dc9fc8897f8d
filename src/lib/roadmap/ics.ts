/**
 * A study plan as an iCalendar file (RFC 5545): one all-day event per week, Monday to Sunday, listing its topics.
 * Hand-written rather than the `ics` package: the plan needs only VEVENTs with dates and text, and this keeps
 * the roadmap page's script inside its byte budget.
 */
import { addDays } from '../../core/format/dates.ts';
import type { PlanWeek } from './study-planner.ts';

/** Escapes TEXT values (RFC 5545 §3.3.11). */
const escapeText = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line to at most 75 octets per line (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const bytes = new TextEncoder();
  const out: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes.encode(current + char).length > limit) {
      out.push(current);
      current = char;
    } else current += char;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compactDate = (iso: string) => iso.replaceAll('-', '');

export function planToIcs(options: {
  weeks: readonly PlanWeek[];
  roadmapTitle: string;
  url: string;
  now: Date;
}): string {
  const stamp = options.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Backend Atlas//Study planner//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(`${options.roadmapTitle} study plan`)}`,
  ];
  for (const week of options.weeks) {
    if (!week.start) continue;
    const topics = week.items.map((item) => `${item.title} (${item.hours} h${item.continues ? ', continued' : ''})`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${compactDate(week.start)}-week-${week.week}-${stamp}@backend-atlas`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(week.start)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(week.start, 7))}`,
      `SUMMARY:${escapeText(`${options.roadmapTitle}, week ${week.week}: ${week.items[0]?.title ?? ''}${week.items.length > 1 ? ` and ${week.items.length - 1} more` : ''}`)}`,
      `DESCRIPTION:${escapeText(`${topics.join('\n')}\n\n${options.url}`)}`,
      `URL:${options.url}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
