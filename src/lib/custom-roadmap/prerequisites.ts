/**
 * What our roadmaps' order says about a learner's own roadmap: a topic's prerequisite and the hints when it is
 * missing or comes later (the proposal from a job advert is proposal.ts, loaded only with the advert panel).
 *
 * A topic's prerequisite comes from its primary roadmap (the first of ours that has it): the first required topic of
 * its stage, the stage's entry point — "Authentication" for JWT, "REST" for idempotency, "Docker" for Kubernetes —
 * the one topic the content check (src/lib/content/integrity/roadmap-order.ts) holds every roadmap to teach first.
 * Only that: the topics just before it in the stage are its neighbours, not what it builds on ("API Pagination"
 * does not come before "Idempotency"). And only within the topic's own area, where the catalog gives areas: a stage
 * that mixes areas ("Scaling and observability" opens with stateless design) does not make its first topic a
 * prerequisite of metrics; nor do practices (Git, code review, leadership), which are learned alongside, not in
 * order. A topic that opens its stage, or is optional there, has none: the stage before it is a whole subject.
 * Prerequisites chain ("MySQL" after "SQL" after "Relational Databases"), so
 * "X before Y" holds when X is anywhere up Y's chain.
 */
import type { Catalog } from './catalog.ts';
import { type CustomRoadmap, customTopicIds } from './model.ts';
import { placeOf } from './places.ts';

/** Areas in which a stage's order is no prerequisite: practices are learned alongside each other. */
const UNORDERED_AREAS: ReadonlySet<string> = new Set(['practices']);

/** The topic's prerequisite, as a list of none or one: the entry point of its stage, in its own area. */
export function usualPrerequisites(catalog: Catalog, id: string): string[] {
  const place = placeOf(catalog, id);
  if (!place) return [];
  const stage = place.roadmap.stages[place.stage]!;
  const required = stage.topics.filter((t) => !t.optional && !t.alternative).map((t) => t.id);
  if (required.indexOf(id) <= 0) return [];
  const entry = required[0]!;
  const [area, entryArea] = [catalog.topics[id]?.area, catalog.topics[entry]?.area];
  if (area && entryArea && (area !== entryArea || UNORDERED_AREAS.has(area))) return [];
  return [entry];
}

/** Everything a topic builds on, nearest first: its prerequisite, that one's, and so on. */
export function prerequisiteChain(catalog: Catalog, id: string): string[] {
  const chain: string[] = [];
  for (let next = usualPrerequisites(catalog, id)[0]; next && next !== id && !chain.includes(next);) {
    chain.push(next);
    next = usualPrerequisites(catalog, next)[0];
  }
  return chain;
}

/** Whether `before` is learned before `after`: it is up `after`'s chain of prerequisites. */
export const isPrerequisite = (catalog: Catalog, before: string, after: string): boolean =>
  prerequisiteChain(catalog, after).includes(before);

export interface PrerequisiteHint {
  topic: string;
  prerequisite: string;
  /** 'missing': not on the roadmap; 'later': on it, after the topic that needs it. */
  kind: 'missing' | 'later';
}

/**
 * A topic's prerequisite that is not on the roadmap (offered once, at the first topic that needs it), and anything
 * up its chain that the roadmap has after it.
 */
export function prerequisiteHints(catalog: Catalog, roadmap: CustomRoadmap): PrerequisiteHint[] {
  const order = customTopicIds(roadmap);
  const hints: PrerequisiteHint[] = [];
  const named = new Set<string>();
  order.forEach((topic, i) => {
    prerequisiteChain(catalog, topic).forEach((prerequisite, depth) => {
      const at = order.indexOf(prerequisite);
      if (at >= 0 && at < i) return;
      if (at < 0 && (depth > 0 || named.has(prerequisite))) return;
      named.add(prerequisite);
      hints.push({ topic, prerequisite, kind: at < 0 ? 'missing' : 'later' });
    });
  });
  return hints;
}
