/**
 * How the site writes money, growth, durations, months and days: one formatter each, so a figure reads the same
 * on a role page, the roles index, the career ladder and in the browser. English, and dates in UTC where the
 * value is a calendar day, so a build in any time zone writes the same page.
 */

/** "$95K": a yearly amount in its currency, compact and without cents. */
export function moneyFormatter(currency: string): (amount: number) => string {
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    notation: 'compact',
  });
  return (amount) => format.format(amount);
}

/** "+17%", "-3%", "0%": a projected change with its sign. */
export const formatGrowth = (percent: number): string => `${percent > 0 ? '+' : ''}${percent}%`;

/** "4–5 months", "2 weeks": a duration range as the site writes it. */
export function formatDuration(d: { min: number; max: number; unit: string }): string {
  const unit = d.max === 1 ? d.unit.replace(/s$/, '') : d.unit;
  return d.min === d.max ? `${d.min} ${unit}` : `${d.min}–${d.max} ${unit}`;
}

/** "Weeks 14–17", or "Week 28" for a stage of one week. */
export const formatWeeks = (w: { from: number; to: number }): string =>
  w.from === w.to ? `Week ${w.from}` : `Weeks ${w.from}–${w.to}`;

// Formatters are built once: toLocaleDateString builds a new one on every call, a cost paid on every page.
const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const LONG_DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const UTC_DAY = new Intl.DateTimeFormat('en-GB', { ...LONG_DAY, timeZone: 'UTC' });

/** "2024-05" → "May 2024". */
export function formatMonth(month: string): string {
  return MONTH.format(new Date(`${month}-01T00:00:00Z`));
}

/** "22 November 2026" for a YYYY-MM-DD day (the day as written, whatever the reader's time zone). */
export function formatDay(day: string): string {
  return UTC_DAY.format(new Date(`${day}T00:00:00Z`));
}

/** "22 November 2026" for a moment (an ISO time), on the reader's own calendar; `locale` writes it ("22 de novembro de 2026"). */
export function formatLocalDay(time: string, locale = 'en-GB'): string {
  return new Date(time).toLocaleDateString(locale, LONG_DAY);
}
