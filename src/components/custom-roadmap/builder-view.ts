/**
 * The builder's form drawn from one roadmap value (roadmap-builder.ts re-renders it after each edit): a card per
 * stage with its title, its items in order with their flags and move/remove buttons, a topic search and an own-link
 * form; the prerequisite hints are builder-hints.ts. Every button names what it acts on for screen readers, and carries
 * data-action, data-stage and data-index for the builder's one click handler; data-key lets focus come back to the
 * same control after a re-render. All text goes in as text.
 */
import type { Catalog } from '../../lib/custom-roadmap/catalog.ts';
import type { CustomItem, CustomRoadmap } from '../../lib/custom-roadmap/model.ts';
import { type Attrs, h } from '../dom.ts';
import { count } from '../../core/format/words.ts';

const button = (
  label: string,
  action: string,
  stage: number,
  index: number | undefined,
  name: string,
  extra = 'btn btn-quiet builder-small',
) =>
  h(
    'button',
    extra,
    {
      type: 'button',
      'data-action': action,
      'data-stage': stage,
      'data-index': index,
      'data-key': `${action}:${stage}:${index ?? ''}`,
      'aria-label': name,
    },
    label,
  );

export const itemTitle = (item: CustomItem, catalog: Catalog) =>
  item.kind === 'link' ? item.title : (catalog.topics[item.id]?.title ?? `“${item.id}” (no longer on the site)`);

/** An item's field: what it sets, on which item, and the key that brings focus back to it after a redraw. */
const itemField = (field: 'optional' | 'group', stage: number, index: number) => ({
  'data-field': field,
  'data-stage': stage,
  'data-index': index,
  'data-key': `${field}:${stage}:${index}`,
});

function itemRow(item: CustomItem, stage: number, index: number, catalog: Catalog): HTMLElement {
  const title = itemTitle(item, catalog);
  const row = h('li', 'builder-item');
  const name =
    item.kind === 'topic'
      ? h('a', 'font-semibold', { href: `/topics/${item.id}/`, target: '_blank' }, title)
      : h(
          'span',
          '',
          {},
          h('a', 'font-semibold', { href: item.url, rel: 'noopener noreferrer external', target: '_blank' }, title),
          h('span', 'text-muted', {}, ` · your link · ${new URL(item.url).host}`),
        );
  row.append(h('div', 'builder-item-name', {}, name));
  const controls = h('div', 'builder-item-controls');
  if (item.kind === 'topic') {
    const optional = h('input', '', {
      type: 'checkbox',
      ...itemField('optional', stage, index),
      checked: item.optional,
    });
    controls.append(h('label', 'builder-flag', {}, optional, ' optional'));
    const group = h('input', 'builder-group', {
      type: 'text',
      ...itemField('group', stage, index),
      value: item.alternative ?? '',
      size: 10,
      maxlength: 40,
      placeholder: 'e.g. database',
      'aria-describedby': 'group-help',
    });
    controls.append(h('label', 'builder-flag', {}, 'pick-one group ', group));
  }
  controls.append(
    button('↑', 'item-up', stage, index, `Move ${title} up`),
    button('↓', 'item-down', stage, index, `Move ${title} down`),
    button('Remove', 'item-remove', stage, index, `Remove ${title}`),
  );
  row.append(controls);
  return row;
}

function stageCard(roadmap: CustomRoadmap, stage: number, catalog: Catalog): HTMLElement {
  const { title, items } = roadmap.stages[stage]!;
  const card = h('li', 'card builder-stage', { 'data-stage-card': stage });
  card.append(stageHead(stage, title, items.length));
  const list = h(
    'ol',
    'builder-items',
    { 'aria-label': `Stage ${stage + 1}: ${title}` },
    ...items.map((item, i) => itemRow(item, stage, i, catalog)),
  );
  card.append(items.length ? list : h('p', 'text-sm text-muted', {}, 'No topics in this stage yet: find one below.'));
  card.append(
    topicSearch(stage),
    h(
      'details',
      'builder-own',
      {},
      h('summary', '', {}, 'Add your own link (an article, a video, your team’s wiki)'),
      linkForm(stage),
    ),
  );
  return card;
}

/** The stage's title field and its move and remove buttons. */
function stageHead(stage: number, title: string, itemCount: number) {
  const titleInput = h('input', 'builder-input', {
    type: 'text',
    'data-field': 'stage-title',
    'data-stage': stage,
    'data-key': `stage-title:${stage}`,
    value: title,
    maxlength: 120,
    required: true,
  });
  const head = h(
    'div',
    'builder-stage-head',
    {},
    h('label', 'builder-label grow', {}, `Stage ${stage + 1}`, titleInput),
  );
  head.append(
    button('↑', 'stage-up', stage, undefined, `Move stage ${stage + 1}, ${title}, up`),
    button('↓', 'stage-down', stage, undefined, `Move stage ${stage + 1}, ${title}, down`),
    button(
      'Remove stage',
      'stage-remove',
      stage,
      undefined,
      `Remove stage ${stage + 1}, ${title}, and its ${count(itemCount, 'item')}`,
    ),
  );
  return head;
}

/** The box that finds a topic of ours to add to the stage, and the list its results go in. */
function topicSearch(stage: number) {
  const searchId = `topic-search-${stage}`;
  return h(
    'div',
    'builder-search',
    {},
    h('label', 'builder-label', { for: searchId }, 'Add a topic to this stage'),
    h('input', 'builder-input', {
      id: searchId,
      type: 'search',
      'data-topic-search': stage,
      'data-key': `search:${stage}`,
      autocomplete: 'off',
      placeholder: 'Search the atlas: jwt, indexes, kafka…',
      'aria-controls': `${searchId}-results`,
    }),
    h('ul', 'builder-results', { id: `${searchId}-results`, 'data-search-results': stage, 'aria-live': 'polite' }),
  );
}

/** The form that adds the learner's own link to the stage. */
function linkForm(stage: number) {
  const field = (label: string, attrs: Attrs) =>
    h('label', 'builder-label', {}, label, h('input', 'builder-input', attrs));
  return h(
    'form',
    'builder-link-form',
    { 'data-link-form': stage, novalidate: true },
    field('Title', { name: 'title', type: 'text', maxlength: 160, required: true }),
    field('Address (https://…)', { name: 'url', type: 'url', maxlength: 500, required: true, placeholder: 'https://' }),
    field('Note (optional)', { name: 'note', type: 'text', maxlength: 500 }),
    h('button', 'btn', { type: 'submit' }, 'Add link'),
    h('p', 'builder-error', { 'data-link-error': true, role: 'alert' }),
  );
}

export function renderStages(root: HTMLElement, roadmap: CustomRoadmap, catalog: Catalog) {
  root.replaceChildren(...roadmap.stages.map((_, i) => stageCard(roadmap, i, catalog)));
}
