/**
 * The roadmap's filter box (roadmap-view.ts): the map narrowed to the topics whose name contains the text, stages
 * and groups with none hidden, and how many matched, said to screen readers.
 */
import { part } from '../parts.ts';
import type { MapModel } from './map-model.ts';

/** Narrows the map to topics whose name contains the text; the map turns into a list while filtering. */
export function filterMap(view: HTMLElement, map: MapModel, text: string) {
  const needle = text.trim().toLowerCase();
  part(view, '.rg').toggleAttribute('data-filtering', needle.length > 0);
  const layout = document.querySelector<HTMLStyleElement>('style[data-map-layout]');
  if (layout) layout.disabled = needle.length > 0;
  let shown = 0;
  for (const [id, node] of map.nodes) {
    const match = !needle || map.title(id).toLowerCase().includes(needle);
    node.hidden = !match;
    if (match) shown++;
  }
  for (const group of view.querySelectorAll<HTMLElement>('[data-group]'))
    group.hidden = !!needle && !group.querySelector('.rg-topic[id]:not([hidden])');
  for (const stage of view.querySelectorAll<HTMLElement>('[data-stage]'))
    stage.hidden = !!needle && !stage.querySelector('.rg-topic[id]:not([hidden])');
  const status = view.querySelector('[data-filter-status]');
  if (status)
    status.textContent = needle
      ? `${shown} of ${map.nodes.size} topics ${shown === 1 ? 'matches' : 'match'} “${text.trim()}”.`
      : '';
}
