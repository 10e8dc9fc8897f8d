/**
 * The shape of a roadmap stage as a learner reads it: topics in authoring order, with the alternatives of a
 * pick-one group gathered into one group at the place of the first of them; and the counts every page shows
 * ("104 required · 43 optional or alternatives"). The map, its layout and progress all use these.
 */

/** A topic's place in a roadmap stage, with the authoring shorthand resolved: the one shape every consumer reads. */
export interface StageTopic {
  id: string;
  optional: boolean;
  /** Group name shared by alternatives ("pick one"). */
  alternative?: string | undefined;
}

/** A stage as progress and outlines need it: its id and its topics in authoring order. */
export interface StageOutline {
  id: string;
  topics: StageTopic[];
}

export type StageItem<T extends StageTopic = StageTopic> =
  { kind: 'topic'; topic: T } | { kind: 'group'; name: string; topics: T[] };

/** Topics and pick-one groups of a stage, in reading order. */
export function stageItems<T extends StageTopic>(topics: readonly T[]): StageItem<T>[] {
  const items: StageItem<T>[] = [];
  const groups = new Map<string, T[]>();
  for (const topic of topics) {
    if (!topic.alternative) {
      items.push({ kind: 'topic', topic });
      continue;
    }
    const group = groups.get(topic.alternative);
    if (group) {
      group.push(topic);
      continue;
    }
    const fresh = [topic];
    groups.set(topic.alternative, fresh);
    items.push({ kind: 'group', name: topic.alternative, topics: fresh });
  }
  return items;
}

/** The anchor of a pick-one group on the map: "<stage-id>--pick-<group>". */
export const groupAnchor = (stageId: string, name: string) => `${stageId}--pick-${name}`;

/** Topic ids in the order a reader meets them (a group's alternatives together). */
export const readingOrder = (topics: readonly StageTopic[]): string[] =>
  stageItems(topics).flatMap((item) => (item.kind === 'topic' ? [item.topic.id] : item.topics.map((t) => t.id)));

export interface RoadmapCounts {
  /** Every topic on the roadmap. */
  topics: number;
  /** Steps that count towards progress: each required topic, and each pick-one group once. */
  required: number;
  /** The rest: optional topics and the alternatives a learner does not pick. */
  extra: number;
}

/** Counts with the progress rules: optional topics do not count, a pick-one group counts once. */
export function roadmapCounts(stages: readonly { topics: readonly StageTopic[] }[]): RoadmapCounts {
  let topics = 0;
  let required = 0;
  for (const stage of stages) {
    topics += stage.topics.length;
    for (const item of stageItems(stage.topics)) {
      if (item.kind === 'group') required += item.topics.some((t) => !t.optional) ? 1 : 0;
      else if (!item.topic.optional) required += 1;
    }
  }
  return { topics, required, extra: topics - required };
}

/** "104 required · 43 optional or alternatives" — the one wording of a roadmap's size. */
export function formatCounts(counts: RoadmapCounts): string {
  return counts.extra
    ? `${counts.required} required · ${counts.extra} optional or alternatives`
    : `${counts.required} required`;
}

/**
 * Roadmap outlines for the browser (progress and "Continue" on lists of roadmaps), in a compact form: per
 * roadmap its title and, per stage, topic codes — "id", "?id" when optional, "id|group" for a pick-one
 * alternative — plus one title per topic. Decoding validates and never throws: bad input gives nothing.
 */
interface Outline {
  title: string;
  stages: StageOutline[];
}
export interface OutlineBundle {
  roadmaps: Record<string, Outline>;
  titles: Record<string, string>;
}

const encodeTopic = (t: StageTopic) => `${t.optional ? '?' : ''}${t.id}${t.alternative ? `|${t.alternative}` : ''}`;
const TOPIC_CODE = /^(\?)?([a-z0-9-]+)(?:\|([a-z0-9-]+))?$/;

export function encodeOutlines(bundle: OutlineBundle): string {
  const roadmaps = Object.fromEntries(
    Object.entries(bundle.roadmaps).map(([id, r]) => [
      id,
      [r.title, r.stages.map((s) => [s.id, ...s.topics.map(encodeTopic)])],
    ]),
  );
  return JSON.stringify({ r: roadmaps, t: bundle.titles }).replace(/</g, '\\u003c');
}

export function decodeOutlines(text: string | null | undefined): OutlineBundle {
  const empty: OutlineBundle = { roadmaps: {}, titles: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '');
  } catch {
    return empty;
  }
  if (!raw || typeof raw !== 'object') return empty;
  const { r, t } = raw as { r?: unknown; t?: unknown };
  const roadmaps: Record<string, Outline> = {};
  if (r && typeof r === 'object') {
    for (const [id, value] of Object.entries(r)) {
      if (!Array.isArray(value) || typeof value[0] !== 'string' || !Array.isArray(value[1])) continue;
      const stages: Outline['stages'] = [];
      for (const stage of value[1] as unknown[]) {
        if (!Array.isArray(stage) || typeof stage[0] !== 'string') continue;
        const topics: StageTopic[] = [];
        for (const code of stage.slice(1)) {
          const m = typeof code === 'string' ? TOPIC_CODE.exec(code) : null;
          if (m) topics.push({ id: m[2]!, optional: !!m[1], alternative: m[3] });
        }
        stages.push({ id: stage[0], topics });
      }
      roadmaps[id] = { title: value[0], stages };
    }
  }
  const titles: Record<string, string> = {};
  if (t && typeof t === 'object')
    for (const [id, title] of Object.entries(t)) if (typeof title === 'string') titles[id] = title;
  return { roadmaps, titles };
}
