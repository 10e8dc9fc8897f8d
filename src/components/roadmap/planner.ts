/** The study planner: the topics not yet finished, week by week at the learner's pace, and an .ics of it. */
import { planToIcs } from '../../lib/roadmap/ics.ts';
import type { TopicState } from '../../lib/progress/progress-store.ts';
import { remainingTopics } from '../../lib/roadmap/roadmap-progress.ts';
import { planWeeks } from '../../lib/roadmap/study-planner.ts';
import type { MapModel } from './map-model.ts';
import { fill, plural } from '../../core/format/fill.ts';
import type { RoadmapWords } from './roadmap-words.ts';

/** Renders the plan into the form's output; returns what to announce. */
export function renderPlan(
  form: HTMLFormElement,
  output: HTMLElement,
  download: HTMLAnchorElement,
  map: MapModel,
  states: Record<string, TopicState>,
  roadmap: { id: string; title: string },
  words: RoadmapWords,
): string {
  const hours = Number((form.elements.namedItem('hours') as HTMLInputElement).value);
  const startValue = (form.elements.namedItem('start') as HTMLInputElement).value;
  if (!(hours > 0 && hours <= 80)) {
    output.textContent = words.planHours;
    return output.textContent;
  }
  const start = startValue ? new Date(`${startValue}T00:00:00Z`) : new Date();
  const topics = remainingTopics(map.stages, states).map((id) => ({ id, title: map.title(id), hours: map.hours(id) }));
  const weeks = planWeeks(topics, hours, start);
  // A week's first day as the page's language writes a date (the plan's calendar file keeps ISO dates).
  const day = (iso = '') => {
    const [y = '', m = '', d = ''] = iso.split('-');
    return iso ? fill(words.planDate, { y, m, d }) : '';
  };
  const heading = document.createElement('p');
  heading.className = 'font-semibold';
  heading.textContent = weeks.length
    ? fill(words.planned, {
        topics: plural(topics.length, words.topicOne, words.topicMany),
        weeks: plural(weeks.length, words.weekOne, words.weekMany),
        hours,
        start: day(weeks[0]!.start),
      })
    : words.planDone;
  const list = document.createElement('ol');
  list.className = 'mt-2 space-y-1';
  for (const week of weeks) {
    const item = document.createElement('li');
    const items = week.items
      .map((i) =>
        fill(i.continues ? words.planContinues : words.planItem, {
          title: i.title,
          hours: i.hours.toLocaleString(words.dateLocale),
        }),
      )
      .join(', ');
    item.textContent = fill(words.planWeek, { n: week.week, start: day(week.start), items });
    list.append(item);
  }
  output.replaceChildren(heading, list);
  const ics = planToIcs({
    weeks,
    roadmapTitle: roadmap.title,
    url: `${location.origin}${location.pathname}`,
    now: new Date(),
  });
  if (download.href.startsWith('blob:')) URL.revokeObjectURL(download.href);
  download.href = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  download.download = `${roadmap.id}-study-plan.ics`;
  download.hidden = weeks.length === 0;
  return heading.textContent;
}
