/**
 * The data contract between RoadmapMap.astro and the scripts, read from the DOM once: stages ([data-stage]),
 * topic nodes (li.rg-topic with an id, and data-optional, data-alternative, data-hours), titles from the node links.
 */
import type { StageOutline } from '../../lib/roadmap/roadmap-structure.ts';

export interface MapModel {
  stages: StageOutline[];
  topicIds: string[];
  nodes: Map<string, HTMLElement>;
  title(id: string): string;
  hours(id: string): number;
}

export function readMap(root: HTMLElement): MapModel {
  const nodes = new Map<string, HTMLElement>();
  const stages = [...root.querySelectorAll<HTMLElement>('[data-stage]')].map((stage) => ({
    id: stage.dataset.stage!,
    topics: [...stage.querySelectorAll<HTMLElement>('.rg-topic[id]')].map((node) => {
      nodes.set(node.id, node);
      return {
        id: node.id,
        optional: node.hasAttribute('data-optional'),
        alternative: node.dataset.alternative,
      };
    }),
  }));
  return {
    stages,
    topicIds: stages.flatMap((s) => s.topics.map((t) => t.id)),
    nodes,
    // The link's own text: its first child, before the tags that ride inside it ("lab", "new").
    title: (id) => nodes.get(id)?.querySelector('a')?.firstChild?.textContent?.trim() ?? id,
    hours: (id) => Number(nodes.get(id)?.dataset.hours ?? 1),
  };
}
