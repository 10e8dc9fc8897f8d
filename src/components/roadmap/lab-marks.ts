/**
 * Passed labs on the map: a topic whose lab the learner passed shows its lab tag ticked ("lab ✓"), with the same
 * in words for screen readers. Loaded, with the lab-to-topics list, only for a learner who has passed a lab.
 */
import { LAB_TOPICS_URL } from '../../lib/labs/shared/lab-spec.ts';
import type { Progress } from '../../lib/progress/progress-store.ts';
import type { MapModel } from './map-model.ts';

/** Ticks the tags; resolves to the number of passed labs that practise a topic on this map. */
export async function tickMapLabTags(map: MapModel, labs: Progress['labs']): Promise<number> {
  let topicsOf: Record<string, string[]>;
  try {
    topicsOf = (await (await fetch(LAB_TOPICS_URL)).json()) as Record<string, string[]>;
  } catch {
    return 0; // offline without a copy: the tags stay as they are
  }
  const passed = new Set(
    Object.keys(labs)
      .filter((id) => labs[id]!.passed)
      .flatMap((id) => topicsOf[id] ?? []),
  );
  const onMap = Object.keys(labs).filter(
    (id) => labs[id]!.passed && (topicsOf[id] ?? []).some((topic) => map.nodes.has(topic)),
  ).length;
  for (const [id, node] of map.nodes) {
    const tag = node.querySelector<HTMLElement>('.rg-lab');
    if (!tag || !passed.has(id) || tag.dataset.passed !== undefined) continue;
    tag.dataset.passed = '';
    tag.textContent = 'lab ✓';
    tag.append(
      Object.assign(document.createElement('span'), { className: 'sr-only', textContent: ' (you passed a lab on it)' }),
    );
  }
  return onMap;
}
