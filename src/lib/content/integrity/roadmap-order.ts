/**
 * Roadmaps checked against each other:
 * - a roadmap's required topics come after the topics they build on, by the order our roadmaps already encode: the
 *   first roadmap that has a topic (in roadmap order, the core path first) places it in a stage, and the stage's
 *   entry point (its first required topic, e.g. "Authentication" for JWT) is what the topic builds on. The builder's
 *   hints (src/lib/custom-roadmap/prerequisites.ts) follow the same entry points up the chain, within an area;
 * - a level path (a roadmap of one level: beginner, intermediate, advanced or expert) that leads to a role takes no
 *   longer, with the paths it builds on, than the role says a learner needs to reach it from a start: its own time
 *   plus that of the roles it is counted after (`timeToProficiency.after`), which may not form a cycle.
 */
import type { ContentIssue, EntryRef, ParsedEntry } from './entries.ts';
import { type StageItem, WEEKS_PER_UNIT } from './durations.ts';
import { findCycle } from './references.ts';
import { monthsFromStart, type ProficiencyRole, rolesById } from '../../roles/proficiency.ts';

interface Item {
  id: string;
  optional: boolean;
  alternative: string | undefined;
}
export interface Roadmap {
  file: string;
  id: string;
  title: string;
  order: number;
  stages: { title: string; topics: Item[] }[];
  duration: { min: number; max: number; unit: keyof typeof WEEKS_PER_UNIT };
  prerequisites: string[];
  levels: string[];
}

const itemOf = (item: StageItem): Item =>
  'topic' in item
    ? { id: item.topic.id, optional: item.optional, alternative: item.alternative }
    : { id: item.id, optional: false, alternative: undefined };

/** Every roadmap, its stages read into items, in roadmap order (the core path first). */
export function roadmapsOf(parsed: readonly ParsedEntry[]): Roadmap[] {
  return parsed
    .filter(({ entry }) => entry.collection === 'roadmaps')
    .map(({ entry, data }) => ({
      file: entry.file,
      id: entry.id,
      title: data.title as string,
      order: (data.order as number | undefined) ?? 100,
      stages: (data.stages as { title: string; topics: StageItem[] }[]).map((s) => ({
        title: s.title,
        topics: s.topics.map(itemOf),
      })),
      duration: data.duration as Roadmap['duration'],
      prerequisites: ((data.prerequisites as EntryRef[] | undefined) ?? []).map((r) => r.id),
      levels: (data.levels as string[] | undefined) ?? [],
    }))
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, 'en'));
}

/** Every roadmap this one builds on (`prerequisites`, up the chain), each once; a cycle is reported elsewhere. */
export function prerequisiteChain(roadmap: Roadmap, byId: ReadonlyMap<string, Roadmap>): Roadmap[] {
  const chain: Roadmap[] = [];
  const visit = (ids: readonly string[]) => {
    for (const id of ids) {
      const before = byId.get(id);
      if (!before || before === roadmap || chain.includes(before)) continue;
      chain.push(before);
      visit(before.prerequisites);
    }
  };
  visit(roadmap.prerequisites);
  return chain;
}

/** What a topic builds on, from the first roadmap that has it: the entry point of its stage (none for the entry itself). */
function usualPrerequisites(roadmaps: readonly Roadmap[]) {
  const usual = new Map<string, { ids: string[]; roadmap: Roadmap; stage: string }>();
  for (const roadmap of roadmaps) {
    for (const stage of roadmap.stages) {
      const required = stage.topics.filter((t) => !t.optional && t.alternative === undefined).map((t) => t.id);
      for (const item of stage.topics) {
        if (usual.has(item.id)) continue;
        const at = required.indexOf(item.id);
        const ids = at <= 0 ? [] : [required[0]!];
        usual.set(item.id, { ids, roadmap, stage: stage.title });
      }
    }
  }
  return usual;
}

export function checkRoadmapOrder(parsed: readonly ParsedEntry[]): ContentIssue[] {
  const roadmaps = roadmapsOf(parsed);
  const usual = usualPrerequisites(roadmaps);
  const issues: ContentIssue[] = [];
  for (const roadmap of roadmaps) {
    const places = roadmap.stages.flatMap((stage, s) => stage.topics.map((item, k) => ({ ...item, s, k })));
    const position = new Map(places.map((p, i) => [p.id, i]));
    places.forEach((place, i) => {
      if (place.optional || place.alternative !== undefined) return;
      const from = usual.get(place.id);
      for (const prerequisite of from?.ids ?? []) {
        const at = position.get(prerequisite);
        if (at === undefined || at < i) continue;
        issues.push({
          file: roadmap.file,
          field: `stages[${place.s}].topics[${place.k}]`,
          message: `"${place.id}" comes before "${prerequisite}", which it builds on (${from!.roadmap.title}, stage "${from!.stage}", teaches "${prerequisite}" first): move "${prerequisite}" earlier or "${place.id}" later`,
        });
      }
    });
  }
  return issues;
}

const MONTHS = (d: { unit: keyof typeof WEEKS_PER_UNIT }) => WEEKS_PER_UNIT[d.unit] / WEEKS_PER_UNIT.months;

/** A role's time is counted after another's (`timeToProficiency.after`): the chain may not come back to it. */
function checkProficiencyBasis(roles: readonly ParsedEntry[]): ContentIssue[] {
  const after = (data: Record<string, unknown>) =>
    (data.timeToProficiency as ProficiencyRole['data']['timeToProficiency']).after;
  const cycle = findCycle(new Map(roles.map(({ entry, data }) => [entry.id, after(data) ? [after(data)!.id] : []])));
  if (!cycle) return [];
  return [
    {
      file: roles.find((r) => r.entry.id === cycle[0])?.entry.file ?? cycle[0]!,
      field: 'timeToProficiency.after',
      message: `times to proficiency are counted after each other in a cycle: ${cycle.join(' → ')}`,
    },
  ];
}

export function checkRoadmapRoles(parsed: readonly ParsedEntry[]): ContentIssue[] {
  const roadmaps = new Map(roadmapsOf(parsed).map((r) => [r.id, r]));
  /** Months at the fast pace for a roadmap and every roadmap it builds on, each counted once. */
  const chain = (id: string, seen = new Set<string>()): number => {
    const roadmap = roadmaps.get(id);
    if (!roadmap || seen.has(id)) return 0;
    seen.add(id);
    return (
      roadmap.duration.min * MONTHS(roadmap.duration) +
      roadmap.prerequisites.reduce((sum, p) => sum + chain(p, seen), 0)
    );
  };
  const roles = parsed.filter(({ entry }) => entry.collection === 'roles');
  const byId = rolesById(roles.map(({ entry, data }) => ({ id: entry.id, data: data as ProficiencyRole['data'] })));
  const issues = checkProficiencyBasis(roles);
  for (const { entry, data } of roles) {
    const time = data.timeToProficiency as ProficiencyRole['data']['timeToProficiency'];
    // A level path and the paths before it start from nothing: compare them with the time from a start.
    const most = monthsFromStart(byId.get(entry.id)!, byId, 'max');
    const basis = time.after ? `, after ${time.after.id}: ${Math.round(most * 10) / 10} months from a start` : '';
    ((data.roadmaps as EntryRef[] | undefined) ?? []).forEach((ref, i) => {
      if (roadmaps.get(ref.id)?.levels.length !== 1) return;
      const months = chain(ref.id);
      if (months > most * 1.0001)
        issues.push({
          file: entry.file,
          field: `roadmaps[${i}]`,
          message: `"${ref.id}" and the roadmaps it builds on take at least ${Math.round(months * 10) / 10} months at the fast pace, more than this role's time to proficiency (at most ${time.max} ${time.unit}${basis}): change one or the other`,
        });
    });
  }
  return issues;
}
