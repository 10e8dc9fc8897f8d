/**
 * Lays the topics a learner still has to do out week by week: in roadmap order, each week filled up to the
 * hours the learner has, a topic longer than what is left of a week carrying on into the next.
 */
import { DAY_MS, isoDay } from '../../core/format/dates.ts';

export interface PlannedTopic {
  id: string;
  title: string;
  hours: number;
}
export interface PlanWeek {
  /** 1-based week number. */
  week: number;
  /** Monday of the week, when the plan has a start date (YYYY-MM-DD). */
  start?: string;
  items: { id: string; title: string; hours: number; continues: boolean }[];
  hours: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The Monday on or after a date (UTC), so weeks line up with calendars. */
export function mondayOnOrAfter(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const shift = (8 - day.getUTCDay()) % 7;
  return new Date(day.getTime() + shift * DAY_MS);
}

export function planWeeks(topics: readonly PlannedTopic[], hoursPerWeek: number, start?: Date): PlanWeek[] {
  if (!(hoursPerWeek > 0) || !Number.isFinite(hoursPerWeek))
    throw new RangeError('hours per week must be a positive number');
  const weeks: PlanWeek[] = [];
  let current: PlanWeek | undefined;
  const first = start ? mondayOnOrAfter(start) : undefined;
  const openWeek = () => {
    const week: PlanWeek = { week: weeks.length + 1, items: [], hours: 0 };
    if (first) week.start = isoDay(new Date(first.getTime() + weeks.length * 7 * DAY_MS));
    weeks.push(week);
    return week;
  };
  for (const topic of topics) {
    let left = Math.max(topic.hours, 0.5);
    let continues = false;
    while (left > 0.001) {
      if (!current || current.hours >= hoursPerWeek - 0.001) current = openWeek();
      const slice = Math.min(left, hoursPerWeek - current.hours);
      current.items.push({ id: topic.id, title: topic.title, hours: round(slice), continues });
      current.hours = round(current.hours + slice);
      left -= slice;
      continues = true;
    }
  }
  return weeks;
}
