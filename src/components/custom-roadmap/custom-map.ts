/**
 * A learner's roadmap drawn as the roadmap map: the same DOM and classes as RoadmapMap.astro and MapNode.astro
 * (its data-* contract is what <atlas-roadmap-view> reads: [data-stage], li.rg-topic[id] with data-hours, data-optional,
 * data-alternative, data-lab), in the stacked arrangement at every width — the laid-out wide map is computed at
 * build time, and a roadmap made in the browser has no build. Own links are nodes without a status; a topic
 * that is no longer on the site is said so in words. All text goes in as text, never as HTML.
 */
import { type Catalog, currentTopicId } from '../../lib/custom-roadmap/catalog.ts';
import { type CustomRoadmap, type CustomTopic, stageAnchor } from '../../lib/custom-roadmap/model.ts';
import { groupAnchor } from '../../lib/roadmap/roadmap-structure.ts';
import { h } from '../dom.ts';
import { part } from '../parts.ts';
import { inlineNodes } from '../inline-nodes.ts';

export interface DrawnMap {
  map: HTMLElement;
  /** Topic ids in the link that are no longer on the site. */
  gone: string[];
}

/** Draws `roadmap`; topic ids renamed since the link was made are followed to their current id. */
export function drawCustomMap(roadmap: CustomRoadmap, catalog: Catalog): DrawnMap {
  const gone: string[] = [];
  const stages = h('ol', 'rg-stages', { 'aria-label': 'Stages' });
  roadmap.stages.forEach((stage, i) => {
    const anchor = stageAnchor(i);
    const head = h(
      'div',
      'rg-stage-head',
      {},
      h(
        'h2',
        'rg-stage-title',
        {},
        h('span', 'rg-stage-number', { 'aria-hidden': 'true' }, String(i + 1)),
        h('span', 'sr-only', {}, `Stage ${i + 1}: `),
        h('span', 'rg-stage-name', {}, stage.title),
      ),
      h('p', 'rg-stage-meta', {}, h('span', '', { 'data-stage-progress': true })),
    );
    const list = h('ol', 'rg-topics');
    // Authoring order, with a pick-one group gathered at its first alternative, as on our maps.
    const groups = new Map<string, CustomTopic[]>();
    for (const item of stage.items) {
      if (item.kind === 'link') {
        list.append(ownLink(item.title, item.url, item.note));
        continue;
      }
      const id = currentTopicId(catalog, item.id);
      if (!id) {
        gone.push(item.id);
        list.append(h('li', 'rg-topic rg-gone', {}, h('span', '', {}, `“${item.id}” is no longer on the site`)));
        continue;
      }
      const topic = { ...item, id };
      if (!topic.alternative) list.append(node(topic, catalog));
      else if (groups.has(topic.alternative)) groups.get(topic.alternative)!.push(topic);
      else {
        const members = [topic];
        groups.set(topic.alternative, members);
        list.append(groupPlaceholder(topic.alternative));
      }
    }
    for (const [name, members] of groups)
      part(list, `[data-placeholder="${name}"]`).replaceWith(group(anchor, name, members, catalog));
    stages.append(h('li', 'rg-stage', { id: anchor, 'data-stage': anchor }, head, list));
  });
  return { map: h('div', 'rg', {}, stages), gone };
}

function node(topic: CustomTopic, catalog: Catalog, alternative?: string) {
  const entry = catalog.topics[topic.id]!;
  const li = h('li', 'rg-topic', {
    id: topic.id,
    'data-hours': String(entry.hours),
    'data-optional': topic.optional,
    'data-alternative': alternative,
    'data-lab': entry.lab,
  });
  const link = h('a', 'rg-topic-link', { href: `/topics/${topic.id}/` }, ...inlineNodes(entry.title));
  li.append(link, h('span', 'rg-state sr-only', { 'data-state-label': true }));
  if (topic.optional) li.append(h('span', 'rg-tag sr-only', {}, 'optional'));
  if (alternative)
    li.append(h('span', 'rg-tag sr-only', {}, `alternative: pick one ${alternative.replaceAll('-', ' ')}`));
  if (entry.lab) li.append(h('span', 'rg-lab', {}, 'lab'));
  li.append(h('p', '', {}, ...inlineNodes(entry.summary)), statusControls(topic.id, link));
  return li;
}

/** The status buttons MapNode.astro renders, aria-disabled until <atlas-roadmap-view> wires them (status.ts). */
function statusControls(id: string, link: HTMLElement) {
  // The name map-model.ts reads: the link's own text, before any tag inside it.
  const title = link.firstChild?.textContent?.trim() ?? id;
  const box = h('span', 'rg-status-box', { 'aria-hidden': 'true' });
  const common = { type: 'button', title: 'Mark done', 'aria-disabled': 'true' };
  return h(
    'span',
    'rg-controls no-print',
    {},
    h(
      'button',
      'rg-status',
      { ...common, 'data-status': id, 'aria-pressed': 'false', 'aria-label': `Done: ${title}` },
      box,
      h('span', 'rg-status-word', {}, 'Done'),
    ),
    h('button', 'rg-more', {
      ...common,
      'data-status-menu': id,
      'aria-expanded': 'false',
      'aria-label': `Status: ${title}`,
      title: 'Choose a status',
    }),
  );
}

const groupPlaceholder = (name: string) => h('li', '', { 'data-placeholder': name });

function group(stageId: string, name: string, topics: CustomTopic[], catalog: Catalog) {
  const id = groupAnchor(stageId, name);
  return h(
    'li',
    'rg-group',
    { id, 'data-group': name },
    h('p', 'rg-group-label', { id: `${id}-label` }, `Pick one: ${name.replaceAll('-', ' ')}`),
    h('ol', 'rg-group-topics', { 'aria-labelledby': `${id}-label` }, ...topics.map((t) => node(t, catalog, name))),
  );
}

/** The learner's own item: a plain link (rel="noopener noreferrer", to another site) and its note as text. */
function ownLink(title: string, url: string, note: string) {
  const li = h('li', 'rg-topic rg-own');
  li.append(
    h('a', 'rg-topic-link', { href: url, rel: 'noopener noreferrer external' }, title),
    h('span', 'rg-tag sr-only', {}, '(your own link)'),
  );
  li.append(h('span', 'rg-own-host', { 'aria-hidden': 'true' }, new URL(url).host));
  if (note) li.append(h('p', 'rg-own-note', {}, note));
  return li;
}
