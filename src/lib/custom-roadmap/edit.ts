/**
 * The builder's edits as pure functions: each takes a roadmap and returns a new one, so the builder re-renders
 * from one value and every edit is unit-tested. Moving an item past the end of its stage carries it into the next
 * stage (and past the start into the previous one), so the arrow buttons alone move a topic anywhere.
 */
import { type CustomItem, type CustomRoadmap, type CustomStage, customTopicIds, LIMITS } from './model.ts';

/** Where an item is: its stage and its index in the stage. */
export interface At {
  stage: number;
  index: number;
}

const withStages = (roadmap: CustomRoadmap, stages: CustomStage[]): CustomRoadmap => ({ ...roadmap, stages });
const copyStages = (roadmap: CustomRoadmap) => roadmap.stages.map((s) => ({ ...s, items: [...s.items] }));

export function addStage(roadmap: CustomRoadmap, title = `Stage ${roadmap.stages.length + 1}`): CustomRoadmap {
  if (roadmap.stages.length >= LIMITS.stages) return roadmap;
  return withStages(roadmap, [...copyStages(roadmap), { title, items: [] }]);
}

/** Removes a stage and its items; the last stage stays (a roadmap has at least one). */
export function removeStage(roadmap: CustomRoadmap, stage: number): CustomRoadmap {
  if (roadmap.stages.length <= 1) return roadmap;
  return withStages(
    roadmap,
    copyStages(roadmap).filter((_, i) => i !== stage),
  );
}

export function renameStage(roadmap: CustomRoadmap, stage: number, title: string): CustomRoadmap {
  return withStages(
    roadmap,
    copyStages(roadmap).map((s, i) => (i === stage ? { ...s, title: title.slice(0, LIMITS.stageTitle) } : s)),
  );
}

export function moveStage(roadmap: CustomRoadmap, stage: number, by: -1 | 1): CustomRoadmap {
  const to = stage + by;
  if (to < 0 || to >= roadmap.stages.length) return roadmap;
  const stages = copyStages(roadmap);
  [stages[stage], stages[to]] = [stages[to]!, stages[stage]!];
  return withStages(roadmap, stages);
}

/** Adds our topic at `at` (default: the end of the last stage); a topic already on the roadmap is not added twice. */
export function addTopic(roadmap: CustomRoadmap, id: string, at?: At): CustomRoadmap {
  if (customTopicIds(roadmap).includes(id) || itemCount(roadmap) >= LIMITS.items) return roadmap;
  return insert(roadmap, { kind: 'topic', id, optional: false }, at);
}

export function addLink(
  roadmap: CustomRoadmap,
  stage: number,
  link: { title: string; url: string; note: string },
): CustomRoadmap {
  if (itemCount(roadmap) >= LIMITS.items) return roadmap;
  return insert(roadmap, { kind: 'link', ...link }, { stage, index: roadmap.stages[stage]?.items.length ?? 0 });
}

function insert(roadmap: CustomRoadmap, item: CustomItem, at?: At): CustomRoadmap {
  const stages = copyStages(roadmap);
  const stage = at ? Math.min(Math.max(at.stage, 0), stages.length - 1) : stages.length - 1;
  const items = stages[stage]!.items;
  items.splice(at ? Math.min(Math.max(at.index, 0), items.length) : items.length, 0, item);
  return withStages(roadmap, stages);
}

export function removeItem(roadmap: CustomRoadmap, at: At): CustomRoadmap {
  const stages = copyStages(roadmap);
  stages[at.stage]?.items.splice(at.index, 1);
  return withStages(roadmap, stages);
}

/** Moves an item one place; from a stage's edge into the neighbouring stage. Returns where it went (unchanged at the roadmap's ends). */
export function moveItem(roadmap: CustomRoadmap, at: At, by: -1 | 1): { roadmap: CustomRoadmap; at: At } {
  const stages = copyStages(roadmap);
  const items = stages[at.stage]?.items;
  const item = items?.[at.index];
  if (!items || !item) return { roadmap, at };
  const to = at.index + by;
  if (to >= 0 && to < items.length) {
    [items[at.index], items[to]] = [items[to]!, items[at.index]!];
    return { roadmap: withStages(roadmap, stages), at: { stage: at.stage, index: to } };
  }
  const stage = at.stage + by;
  if (stage < 0 || stage >= stages.length) return { roadmap, at };
  items.splice(at.index, 1);
  const target = stages[stage]!.items;
  const index = by < 0 ? target.length : 0;
  target.splice(index, 0, item);
  return { roadmap: withStages(roadmap, stages), at: { stage, index } };
}

/** Sets a topic's optional flag or pick-one group ('' for none). */
export function setTopicFlags(
  roadmap: CustomRoadmap,
  at: At,
  flags: { optional?: boolean; alternative?: string },
): CustomRoadmap {
  const stages = copyStages(roadmap);
  const item = stages[at.stage]?.items[at.index];
  if (!item || item.kind !== 'topic') return roadmap;
  const next = { ...item, ...(flags.optional !== undefined ? { optional: flags.optional } : {}) };
  if (flags.alternative !== undefined) {
    if (flags.alternative) next.alternative = flags.alternative;
    else delete next.alternative;
  }
  stages[at.stage]!.items[at.index] = next;
  return withStages(roadmap, stages);
}

/** Where topic `id` is, if it is on the roadmap. */
function findTopic(roadmap: CustomRoadmap, id: string): At | undefined {
  for (const [stage, s] of roadmap.stages.entries()) {
    const index = s.items.findIndex((item) => item.kind === 'topic' && item.id === id);
    if (index >= 0) return { stage, index };
  }
  return undefined;
}

/** Puts topic `id` (moving it if it is on the roadmap) right before topic `before`. */
export function placeBefore(roadmap: CustomRoadmap, id: string, before: string): CustomRoadmap {
  const from = findTopic(roadmap, id);
  const without = from ? removeItem(roadmap, from) : roadmap;
  const target = findTopic(without, before);
  if (!target) return roadmap;
  const item: CustomItem = from
    ? roadmap.stages[from.stage]!.items[from.index]!
    : { kind: 'topic', id, optional: false };
  return insert(without, item, target);
}

const itemCount = (roadmap: CustomRoadmap) => roadmap.stages.reduce((n, s) => n + s.items.length, 0);
