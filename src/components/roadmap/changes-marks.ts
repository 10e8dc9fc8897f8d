/**
 * New and updated topics since a learner's last visit (src/lib/roadmap/roadmap-visits.ts): loaded by <atlas-roadmap-view> only
 * when there was a previous visit, it fetches the topic dates written at build (/changes/topics.json), puts a
 * "new" or "updated" mark on those nodes with the same words for screen readers, and says how many above the map.
 */
import { fill } from '../../core/format/fill.ts';
import { changedSince, changeSummary, type TopicDates } from '../../lib/roadmap/changed-topics.ts';
import { CHANGES_URLS } from '../../lib/site/urls.ts';
import type { MapModel } from './map-model.ts';
import type { RoadmapWords } from './roadmap-words.ts';

export async function markChanges(root: HTMLElement, map: MapModel, since: string, words: RoadmapWords): Promise<void> {
  let dates: TopicDates;
  try {
    const response = await fetch(CHANGES_URLS.topicDates);
    if (!response.ok) return;
    dates = (await response.json()) as TopicDates;
  } catch {
    return; // Offline or blocked: the map stays as it is.
  }
  const { added, updated } = changedSince(dates, map.topicIds, since);
  const summary = changeSummary(added.length, updated.length, words);
  if (!summary) return;
  for (const [ids, kind] of [
    [added, 'new'],
    [updated, 'updated'],
  ] as const) {
    for (const id of ids) {
      const node = map.nodes.get(id);
      if (!node || node.hasAttribute('data-change')) continue;
      node.dataset.change = kind;
      const mark = document.createElement('span');
      mark.className = 'rg-change';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = kind === 'new' ? words.changesNew : words.changesUpdated;
      const said = document.createElement('span');
      said.className = 'rg-state sr-only';
      said.textContent = kind === 'new' ? words.changesNewSince : words.changesUpdatedSince;
      // Inside the link, after the title, as the lab tag is: one run of text that wraps as the layout measured it.
      node.querySelector('a')?.append(mark);
      node.querySelector('a')?.after(said);
    }
  }
  const line = root.querySelector<HTMLElement>('[data-changes-line]');
  if (line) {
    const time = document.createElement('time');
    time.dateTime = since;
    time.textContent = new Date(since).toLocaleDateString(words.dateLocale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    const link = document.createElement('a');
    link.href = CHANGES_URLS.page;
    link.textContent = words.changesLink;
    line.replaceChildren(fill(words.changesLine, { summary }), time, '. ', link);
    line.hidden = false;
  }
  // The legend explains the mark only when there is one.
  const legend = document.createElement('li');
  const swatch = Object.assign(document.createElement('span'), {
    className: 'rg-change',
    textContent: words.changesNew,
  });
  swatch.setAttribute('aria-hidden', 'true');
  legend.append(swatch, words.changesLegend);
  root.querySelector('.rg-legend')?.append(legend);
}
