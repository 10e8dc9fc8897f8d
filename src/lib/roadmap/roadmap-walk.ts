/**
 * Walking a roadmap topic by topic: a topic's previous and next topic in the roadmap's reading order (stages in
 * order; a pick-one group's alternatives together), and which roadmap a topic page should walk by default.
 */
import { readingOrder, type StageTopic } from './roadmap-structure.ts';

interface WalkStep {
  id: string;
  title: string;
}
export interface Walk {
  roadmap: string;
  roadmapTitle: string;
  /** 1-based position of the topic and how many topics the roadmap has. */
  position: number;
  total: number;
  stage: { id: string; title: string; number: number };
  prev?: WalkStep | undefined;
  next?: WalkStep | undefined;
}

/** A walk as a topic page carries it to the browser: with the links it shows (the map at this topic, the neighbours). */
/** A walk as a topic page carries it: with its links and, in the page's language, where the topic sits (`where`). */
export type PageWalk = Walk & {
  map: string;
  prevUrl?: string | undefined;
  nextUrl?: string | undefined;
  where?: string | undefined;
};

export interface WalkRoadmap {
  id: string;
  title: string;
  stages: { id: string; title: string; topics: StageTopic[] }[];
}

/** The walk through `roadmap` at `topicId`, or undefined when the roadmap does not have the topic. */
export function walkAt(roadmap: WalkRoadmap, topicId: string, titleOf: (id: string) => string): Walk | undefined {
  const order = roadmap.stages.flatMap((stage, i) =>
    readingOrder(stage.topics).map((id) => ({ id, stage: { id: stage.id, title: stage.title, number: i + 1 } })),
  );
  const index = order.findIndex((step) => step.id === topicId);
  if (index < 0) return undefined;
  const step = (i: number) => (order[i] ? { id: order[i].id, title: titleOf(order[i].id) } : undefined);
  return {
    roadmap: roadmap.id,
    roadmapTitle: roadmap.title,
    position: index + 1,
    total: order.length,
    stage: order[index]!.stage,
    prev: step(index - 1),
    next: step(index + 1),
  };
}

/**
 * The roadmap to walk: the one the learner came from or last followed, if it has the topic; otherwise the
 * topic's primary roadmap (the first of `walks`, which come in roadmap order).
 */
export function chooseWalk<W extends { roadmap: string }>(
  walks: readonly W[],
  preferred: readonly (string | null | undefined)[],
): W | undefined {
  for (const id of preferred) {
    const walk = walks.find((w) => w.roadmap === id);
    if (walk) return walk;
  }
  return walks[0];
}

/** The roadmap id in a roadmap page's path ("/roadmaps/go/" → "go"), for the page a learner came from. */
export function roadmapFromPath(path: string | undefined): string | undefined {
  return /^\/roadmaps\/([a-z0-9-]+)\/$/.exec(path ?? '')?.[1];
}
