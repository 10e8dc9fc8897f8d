/**
 * What our roadmaps' order says about a learner's own roadmap: a topic's usual prerequisites, the hints when they
 * are missing or come later, and a proposed roadmap for a set of topics (from a job advert) in that order.
 *
 * A topic's usual prerequisites, from its primary roadmap (the first of ours that has it): the first required topic
 * of its stage — the stage's entry point, e.g. "Authentication" for JWT — and the two required topics right before
 * it, e.g. "Cookies and sessions" and "Session authentication". A topic that opens its stage has none: the stage
 * before it is a whole subject, not a prerequisite.
 */
import { readingOrder } from '../roadmap/roadmap-structure.ts';
import type { Catalog, CatalogRoadmap } from './catalog.ts';
import { type CustomRoadmap, type CustomStage, customTopicIds } from './model.ts';

/** Where a topic first appears in our roadmaps: the roadmap, the stage and its place in the reading order. */
interface Place {
  roadmap: CatalogRoadmap;
  stage: number;
  /** Reading order across our roadmaps: Backend Developer (the core path) first, then the rest in their order. */
  rank: number;
}

const places = new WeakMap<Catalog, Map<string, Place>>();
function placeOf(catalog: Catalog, id: string): Place | undefined {
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

export function usualPrerequisites(catalog: Catalog, id: string): string[] {
  const place = placeOf(catalog, id);
  if (!place) return [];
  const stage = place.roadmap.stages[place.stage]!;
  const required = stage.topics.filter((t) => !t.optional && !t.alternative).map((t) => t.id);
  const at = required.indexOf(id);
  if (at <= 0) return [];
  return [...new Set([required[0]!, ...required.slice(Math.max(0, at - 2), at)])];
}

export interface PrerequisiteHint {
  topic: string;
  prerequisite: string;
  /** 'missing': not on the roadmap; 'later': on it, after the topic that needs it. */
  kind: 'missing' | 'later';
}

export function prerequisiteHints(catalog: Catalog, roadmap: CustomRoadmap): PrerequisiteHint[] {
  const order = customTopicIds(roadmap);
  const hints: PrerequisiteHint[] = [];
  const named = new Set<string>();
  order.forEach((topic, i) => {
    for (const prerequisite of usualPrerequisites(catalog, topic)) {
      const at = order.indexOf(prerequisite);
      if (at >= 0 && at < i) continue;
      // A missing prerequisite is offered once, at the first topic that needs it.
      if (at < 0 && named.has(prerequisite)) continue;
      named.add(prerequisite);
      hints.push({ topic, prerequisite, kind: at < 0 ? 'missing' : 'later' });
    }
  });
  return hints;
}

/**
 * A roadmap of `ids` in our roadmaps' order, one stage per stage of ours they come from (named as ours), topics we
 * do not place at the end. Used for the roadmap proposed from a job advert.
 */
export function proposeRoadmap(
  catalog: Catalog,
  ids: readonly string[],
  base: Pick<CustomRoadmap, 'id' | 'title' | 'summary'>,
): CustomRoadmap {
  const placed = ids.map((id, i) => ({ id, place: placeOf(catalog, id), i }));
  placed.sort((a, b) => (a.place?.rank ?? Infinity) - (b.place?.rank ?? Infinity) || a.i - b.i);
  const stages: CustomStage[] = [];
  let last = '';
  for (const { id, place } of placed) {
    const title = place ? place.roadmap.stages[place.stage]!.title : 'More from the advert';
    if (title !== last || !stages.length) stages.push({ title, items: [] });
    last = title;
    stages.at(-1)!.items.push({ kind: 'topic', id, optional: false });
  }
  // The same stage title twice (two roadmaps interleaved) reads as one stage: merge them in order.
  const merged: CustomStage[] = [];
  for (const stage of stages) {
    const same = merged.find((s) => s.title === stage.title);
    if (same) same.items.push(...stage.items);
    else merged.push(stage);
  }
  return { ...base, stages: merged.length ? merged : [{ title: 'Stage 1', items: [] }] };
}
