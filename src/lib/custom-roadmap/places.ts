/**
 * Where each topic first appears in our roadmaps, in their order (Backend Developer, the core path, first): what
 * a topic's prerequisite (prerequisites.ts) and a proposal's order (proposal.ts) are read from.
 */
import { readingOrder } from '../roadmap/roadmap-structure.ts';
import type { Catalog, CatalogRoadmap } from './catalog.ts';

/** Where a topic first appears in our roadmaps: the roadmap, the stage and its place in the reading order. */
export interface Place {
  roadmap: CatalogRoadmap;
  stage: number;
  /** Reading order across our roadmaps: Backend Developer (the core path) first, then the rest in their order. */
  rank: number;
}

const places = new WeakMap<Catalog, Map<string, Place>>();

/** A topic's first place in our roadmaps, or undefined for a topic none of them has. */
export function placeOf(catalog: Catalog, id: string): Place | undefined {
  let index = places.get(catalog);
  if (!index) {
    index = new Map();
    let rank = 0;
    for (const roadmap of catalog.roadmaps) {
      for (const [s, stage] of roadmap.stages.entries()) {
        for (const topic of readingOrder(stage.topics))
          if (!index.has(topic)) index.set(topic, { roadmap, stage: s, rank: rank++ });
      }
    }
    places.set(catalog, index);
  }
  return index.get(id);
}
