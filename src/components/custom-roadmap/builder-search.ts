/**
 * The builder's topic search (roadmap-builder.ts): our topics found with the site's own search index
 * (topic-search.ts, loaded on the first search), each with an Add button, or a sentence when search cannot load
 * or finds nothing.
 */
import type { Catalog } from '../../lib/custom-roadmap/catalog.ts';
import { type CustomRoadmap, customTopicIds } from '../../lib/custom-roadmap/model.ts';
import { h } from '../dom.ts';

export async function showTopicResults(
  list: HTMLElement,
  query: string,
  stage: number,
  catalog: Catalog,
  roadmap: CustomRoadmap,
) {
  let found;
  try {
    found = await (await import('./topic-search.ts')).searchTopics(query);
  } catch {
    return list.replaceChildren(
      h('li', 'text-sm text-muted', {}, 'Search could not load; try again when you are back online.'),
    );
  }
  const onRoadmap = new Set(customTopicIds(roadmap));
  list.replaceChildren(
    ...found.map(({ id }) => {
      const title = catalog.topics[id]?.title ?? id;
      const add = h(
        'button',
        'btn builder-small',
        {
          type: 'button',
          'data-action': 'add-topic',
          'data-topic': id,
          'data-stage': stage,
          disabled: onRoadmap.has(id),
          'aria-label': `Add ${title} to stage ${stage + 1}`,
        },
        onRoadmap.has(id) ? 'On your roadmap' : 'Add',
      );
      return h('li', 'builder-result', {}, h('span', '', {}, title), add);
    }),
  );
  if (query.trim() && !found.length)
    list.replaceChildren(h('li', 'text-sm text-muted', {}, `No topic matches “${query.trim()}”.`));
}
