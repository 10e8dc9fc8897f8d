/**
 * Which roadmaps a learner has started, and the order /progress/ lists them in. A status is kept per topic, so a
 * mark counts on every roadmap that has the topic: holding a marked topic says nothing about which roadmap the
 * learner follows. "Started" is therefore a roadmap they worked on (the store's roadmapTimes: a status set on its
 * map or while walking it, a plan, saved for offline), the latest first. Roadmaps that only hold topics marked
 * elsewhere, or before format 7 recorded the roadmap, follow: the one opened last first (atlas-roadmap-visits),
 * then the furthest along. The untouched ones keep the catalog's order. Pure: the caller reads the storage.
 */
import type { Progress } from '../progress/progress-store.ts';
import { roadmapProgress } from './roadmap-progress.ts';
import type { StageOutline } from './roadmap-structure.ts';

/** Worked on; only holding topics marked elsewhere; nothing marked and never worked on. */
type Standing = 'worked' | 'marked' | 'untouched';

export interface RankedRoadmap {
  id: string;
  standing: Standing;
  progress: ReturnType<typeof roadmapProgress>;
}

const STANDING_ORDER: Record<Standing, number> = { worked: 0, marked: 1, untouched: 2 };

/** A stored time in milliseconds, or 0 when there is none or it is not a time (anything may be in storage). */
const millis = (value: unknown) => (typeof value === 'string' && Date.parse(value)) || 0;

/** The latest view of `id` in the stored roadmap visits (src/lib/roadmap/roadmap-visits.ts), 0 when unknown. */
function lastVisit(visits: unknown, id: string): number {
  if (!visits || typeof visits !== 'object' || !Object.hasOwn(visits, id)) return 0;
  const visit = (visits as Record<string, unknown>)[id];
  return visit && typeof visit === 'object' ? millis((visit as Record<string, unknown>).last) : 0;
}

/** Every roadmap with its standing and progress, in the order /progress/ lists them. */
export function rankRoadmaps(
  roadmaps: readonly { id: string; stages: readonly StageOutline[] }[],
  progress: Pick<Progress, 'topics' | 'roadmapTimes'>,
  visits: unknown = {},
): RankedRoadmap[] {
  const ranked = roadmaps.map(({ id, stages }, index) => {
    const p = roadmapProgress(stages, progress.topics);
    const worked = millis(progress.roadmapTimes[id]);
    const standing: Standing = worked ? 'worked' : p.done + p.learning + p.skipped > 0 ? 'marked' : 'untouched';
    const recency = standing === 'worked' ? worked : standing === 'marked' ? lastVisit(visits, id) : 0;
    return { id, standing, progress: p, index, recency, share: p.finished / Math.max(p.total, 1) };
  });
  ranked.sort(
    (a, b) =>
      STANDING_ORDER[a.standing] - STANDING_ORDER[b.standing] ||
      b.recency - a.recency ||
      (a.standing === 'marked' ? b.share - a.share : 0) ||
      a.index - b.index,
  );
  return ranked.map(({ id, standing, progress }) => ({ id, standing, progress }));
}

const SHARED_RULE = 'because a topic counts on every roadmap that has it';

/** What /progress/ says above the list: how many roadmaps are started, and why others show marks too. */
export function startedSentence(ranked: readonly RankedRoadmap[]): string {
  const count = (standing: Standing) => ranked.filter((r) => r.standing === standing).length;
  const [worked, marked, total] = [count('worked'), count('marked'), ranked.length];
  if (worked === 0 && marked === 0)
    return `You have not marked a topic on any of the ${total} roadmaps yet: open one and press Done on a topic you know.`;
  if (worked === 0)
    return `Topics you marked are on ${marked} of the ${total} roadmaps, ${SHARED_RULE}. Mark a topic on a roadmap’s map and that roadmap counts as started and comes first.`;
  const started = `You have started ${worked} of ${total} roadmaps; ${worked === 1 ? 'it comes' : 'the one you worked on last comes'} first.`;
  if (marked === 0) return started;
  return `${started} ${marked} more ${marked === 1 ? 'holds' : 'hold'} topics you marked, ${SHARED_RULE}.`;
}
