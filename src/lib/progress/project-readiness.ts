/**
 * When a learner is ready for a project: after the latest stage of the main roadmap that teaches one of the
 * project's topics. Derived at build time from content, so it follows every edit of the roadmap or the project.
 */

/** The roadmap that readiness is measured against: the complete backend path. */
export const READINESS_ROADMAP = 'backend-developer';

export interface ReadinessStage {
  id: string;
  title: string;
  topics: readonly string[];
}

export interface Readiness {
  /** 1-based position of the stage on the roadmap. */
  number: number;
  /** Stages on the roadmap, for "stage 6 of 18". */
  of: number;
  id: string;
  title: string;
  /** The project's topics that no stage of the roadmap teaches: learned beyond it. */
  beyond: string[];
}

/** The latest stage holding one of the topics; undefined when the roadmap teaches none of them. */
export function readyAfter(topicIds: readonly string[], stages: readonly ReadinessStage[]): Readiness | undefined {
  let latest = -1;
  stages.forEach((stage, i) => {
    if (stage.topics.some((t) => topicIds.includes(t))) latest = i;
  });
  const stage = stages[latest];
  if (!stage) return undefined;
  const taught = new Set(stages.flatMap((s) => s.topics));
  return {
    number: latest + 1,
    of: stages.length,
    id: stage.id,
    title: stage.title,
    beyond: topicIds.filter((t) => !taught.has(t)),
  };
}
