/**
 * Checks the whole content tree before Astro builds it, so that bad content fails the build with the file
 * and the field named. Astro validates each entry's schema but only logs broken references and silently
 * keeps one of two entries with the same id; this module makes those, and the cross-entry rules of the
 * site (aliases, duplicate topics in a roadmap, prerequisite cycles, MDX syntax, honest change dates), fatal.
 */
import { z } from 'astro/zod';
import { mdxToJs } from 'satteri';
import { comparisonSchema } from '../schemas/comparison.ts';
import { projectSchema } from '../schemas/project.ts';
import { questionSchema } from '../schemas/question.ts';
import { roadmapSchema } from '../schemas/roadmap.ts';
import { roleSchema } from '../schemas/role.ts';
import { type CollectionName, idSchema, type ReferenceFactory } from '../schemas/shared.ts';
import { topicSchema } from '../schemas/topic.ts';
import type { RawEntry } from './content-files.ts';
import { normalizeSearchText } from './search-text.ts';

/** A problem found in the content: where it is and what is wrong. */
export interface ContentIssue {
  file: string;
  /** Dotted path of the field, e.g. "stages[2].topics[0]"; "(file)" for the file as a whole. */
  field: string;
  message: string;
}

/** A reference found while parsing: the checker resolves it once every entry is known. */
class Ref {
  readonly collection: CollectionName;
  readonly id: string;
  constructor(collection: CollectionName, id: string) {
    this.collection = collection;
    this.id = id;
  }
}

const ref = ((collection: CollectionName) => z.string().min(1).transform((id) => new Ref(collection, id))) as ReferenceFactory;

/** Each collection's schema with references parsed but not resolved; also used by build steps that read content. */
export const SCHEMAS: Record<CollectionName, z.ZodType> = {
  roadmaps: roadmapSchema(ref),
  topics: topicSchema(ref),
  roles: roleSchema(ref),
  questions: questionSchema(ref),
  projects: projectSchema(ref),
  comparisons: comparisonSchema(ref),
};

const SINGULAR: Record<CollectionName, string> = {
  roadmaps: 'roadmap',
  topics: 'topic',
  roles: 'role',
  questions: 'question',
  projects: 'project',
  comparisons: 'comparison',
};

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(file)';
}

function* findRefs(value: unknown, path: PropertyKey[] = []): Generator<{ ref: Ref; path: PropertyKey[] }> {
  if (value instanceof Ref) yield { ref: value, path };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* findRefs(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* findRefs(v, [...path, k]);
}

/** Finds a cycle in a directed graph given as adjacency lists; returns the cycle's nodes or null. */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...edges.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** Weeks in one unit of a roadmap's duration (a month is 365.25 / 12 days). */
export const WEEKS_PER_UNIT = { weeks: 1, months: 365.25 / 12 / 7, years: 365.25 / 7 } as const;

/** How far a stated duration may stray from the one its topic hours give: 20 %. */
export const DURATION_TOLERANCE = 0.2;

type StageItem = Ref | { topic: Ref; optional: boolean; alternative?: string | undefined };

/**
 * Hours a roadmap asks of a learner: every required topic, plus the smallest topic of each pick-one group
 * (groups are per stage, as in roadmap-progress.ts); optional topics do not count.
 */
export function requiredHours(stages: readonly { topics: readonly StageItem[] }[], hoursOf: (id: string) => number): number {
  let total = 0;
  for (const stage of stages) {
    const groups = new Map<string, number>();
    for (const item of stage.topics) {
      const { id, optional, alternative } = item instanceof Ref ? { id: item.id, optional: false, alternative: undefined } : { ...item, id: item.topic.id };
      if (optional) continue;
      const hours = hoursOf(id);
      if (alternative === undefined) total += hours;
      else groups.set(alternative, Math.min(groups.get(alternative) ?? Infinity, hours));
    }
    for (const hours of groups.values()) total += hours;
  }
  return total;
}

interface RoadmapTiming {
  duration: { min: number; max: number; unit: keyof typeof WEEKS_PER_UNIT };
  hoursPerWeek: { min: number; max: number };
  stages: { weeks?: { from: number; to: number } | undefined }[];
}

/**
 * The stated duration must be what the required hours take at the stated pace. Rule ("disagree by more than
 * 20 %"): duration.min must lie within ±20 % of hours ÷ hoursPerWeek.max, duration.max within ±20 % of
 * hours ÷ hoursPerWeek.min; stage weeks run on from week 1 and end within ±20 % of duration.max.
 */
export function checkRoadmapTiming(file: string, roadmap: RoadmapTiming, hours: number): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const { duration, hoursPerWeek, stages } = roadmap;
  if (hoursPerWeek.max < hoursPerWeek.min) {
    return [{ file, field: 'hoursPerWeek.max', message: 'max must be at least min' }];
  }
  const perUnit = WEEKS_PER_UNIT[duration.unit];
  const within = (stated: number, expected: number) => Math.abs(stated - expected) <= DURATION_TOLERANCE * expected;
  const round = (n: number) => Math.round(n * 10) / 10;
  const span = (n: number) => `${n} ${n === 1 ? duration.unit.slice(0, -1) : duration.unit}`;
  const bounds = [
    { bound: 'min', pace: hoursPerWeek.max },
    { bound: 'max', pace: hoursPerWeek.min },
  ] as const;
  for (const { bound, pace } of bounds) {
    const expectedWeeks = hours / pace;
    if (within(duration[bound] * perUnit, expectedWeeks)) continue;
    issues.push({
      file,
      field: `duration.${bound}`,
      message:
        `${span(duration[bound])} disagrees with the topics: their ${round(hours)} required hours take ` +
        `${span(round(expectedWeeks / perUnit))} at ${pace} h/week (hoursPerWeek.${bound === 'min' ? 'max' : 'min'}); ` +
        `state a duration within 20 % of that, or change hoursPerWeek`,
    });
  }
  const weeks = stages.map((stage) => stage.weeks);
  if (weeks.every((w) => w === undefined)) return issues;
  let next = 1;
  for (const [s, w] of weeks.entries()) {
    if (!w) {
      issues.push({ file, field: `stages[${s}].weeks`, message: 'is missing: give every stage its weeks, or none' });
      return issues;
    }
    if (w.from !== next) {
      issues.push({ file, field: `stages[${s}].weeks.from`, message: `is week ${w.from}, but the stage before ends in week ${next - 1}: stages run on without gaps or overlaps` });
      return issues;
    }
    next = w.to + 1;
  }
  const last = next - 1;
  const maxWeeks = duration.max * perUnit;
  if (!within(last, maxWeeks)) {
    issues.push({
      file,
      field: `stages[${weeks.length - 1}].weeks.to`,
      message: `the schedule ends in week ${last}, but duration.max is ${span(duration.max)} (${round(maxWeeks)} weeks); end within 20 % of it`,
    });
  }
  return issues;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const toNumber = (word: string) => (/^\d+(\.\d+)?$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word.toLowerCase()));

/** A roadmap's introduction may repeat its duration and pace in words ("four to seven months at 10 to 15 hours a week"); they must match. */
export function checkRoadmapProse(file: string, roadmap: Pick<RoadmapTiming, 'duration' | 'hoursPerWeek'>, body: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const { duration, hoursPerWeek } = roadmap;
  const claims = [
    { pattern: new RegExp(`\\b(\\w+(?:\\.\\d+)?) to (\\w+(?:\\.\\d+)?)\\s+${duration.unit}\\b`, 'gi'), expected: duration, what: 'duration', unit: duration.unit },
    { pattern: /\b(\w+) to (\w+)\s+hours (?:of study )?(?:a|per) week\b/gi, expected: hoursPerWeek, what: 'hoursPerWeek', unit: 'hours a week' },
  ];
  for (const { pattern, expected, what, unit } of claims) {
    for (const match of body.matchAll(pattern)) {
      const [min, max] = [toNumber(match[1]!), toNumber(match[2]!)];
      if (min < 0 || max < 0 || (min === expected.min && max === expected.max)) continue;
      issues.push({ file, field: 'body', message: `says "${match[0].replace(/\s+/g, ' ')}" but ${what} is ${expected.min} to ${expected.max} ${unit}` });
    }
  }
  return issues;
}

/**
 * The latest day it is anywhere on Earth (UTC+14), so an author east of UTC is never told their today is the
 * future. Dates in content are calendar days without a time zone.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

interface ChangeDates {
  created: string;
  updated: string;
  change?: string | undefined;
}

/**
 * An entry's dates tell the truth: none in the future, `updated` not before `created`, and a `change` line that
 * says what changed whenever `updated` is after `created` (the "What changed" page and the feed show it).
 */
export function checkChangeDates(file: string, dates: ChangeDates, today: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const field of ['created', 'updated'] as const) {
    if (dates[field] > today) issues.push({ file, field, message: `${dates[field]} is in the future (today is ${today} at the latest)` });
  }
  if (dates.updated < dates.created) {
    issues.push({ file, field: 'updated', message: `${dates.updated} is before created (${dates.created}): an entry cannot change before it exists` });
  } else if (dates.updated > dates.created && !dates.change) {
    issues.push({ file, field: 'change', message: `is required because updated (${dates.updated}) is after created: say in one line what changed, e.g. "Added self-check questions."` });
  }
  return issues;
}

function checkMdx(entry: RawEntry): ContentIssue | null {
  try {
    mdxToJs(entry.body);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    // satteri reports "line:column: reason"; shift the line past the frontmatter so it matches the file.
    const located = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
    const where = located ? `line ${Number(located[1]) + entry.bodyLine - 1}, column ${located[2]}: ` : '';
    // Drop satteri's body-relative "(l:c)" positions: the line above is the one that matches the file.
    const reason = (located ? located[3]! : message).replace(/ \(\d+:\d+\)/g, '');
    return { file: entry.file, field: 'body', message: `MDX syntax error at ${where}${reason}` };
  }
}

/**
 * Validates every entry and the links between them. Returns an empty list when the content is sound.
 * `today` (YYYY-MM-DD) is the last day an entry's dates may name; tests pass a fixed one.
 */
export function checkContent(entries: readonly RawEntry[], { today = latestToday() }: { today?: string } = {}): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const parsed: { entry: RawEntry; data: Record<string, unknown> }[] = [];

  // 1. Each file on its own: id, parse, schema, MDX syntax.
  for (const entry of entries) {
    if (!idSchema.safeParse(entry.id).success) {
      issues.push({ file: entry.file, field: '(file name)', message: `id "${entry.id}" must be lower-case words joined by hyphens` });
    }
    if (entry.parseError) {
      issues.push({ file: entry.file, field: '(file)', message: entry.parseError });
      continue;
    }
    // reportInput lets "required but missing" be told apart from a value of the wrong type (e.g. a source given as text).
    const result = SCHEMAS[entry.collection].safeParse(entry.data, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const missing = issue.code === 'invalid_type' && issue.input === undefined;
        issues.push({ file: entry.file, field: formatPath(issue.path), message: missing ? 'is required but missing' : issue.message });
      }
    } else {
      parsed.push({ entry, data: result.data as Record<string, unknown> });
      issues.push(...checkChangeDates(entry.file, result.data as ChangeDates, today));
    }
    if (entry.collection !== 'comparisons') {
      const mdx = checkMdx(entry);
      if (mdx) issues.push(mdx);
    }
  }

  // 2. Ids and aliases are unique within a collection; an alias never shadows a live id.
  const ids = new Map<string, Map<string, RawEntry>>();
  const aliases = new Map<string, Map<string, RawEntry>>();
  for (const entry of entries) {
    const seen = ids.get(entry.collection) ?? new Map<string, RawEntry>();
    ids.set(entry.collection, seen);
    const first = seen.get(entry.id);
    if (first) issues.push({ file: entry.file, field: '(file name)', message: `duplicate ${SINGULAR[entry.collection]} id "${entry.id}": ${first.file} has it too` });
    else seen.set(entry.id, entry);
  }
  for (const { entry, data } of parsed) {
    const own = aliases.get(entry.collection) ?? new Map<string, RawEntry>();
    aliases.set(entry.collection, own);
    for (const [i, alias] of (data.aliases as string[]).entries()) {
      const live = ids.get(entry.collection)?.get(alias);
      if (live) issues.push({ file: entry.file, field: `aliases[${i}]`, message: `alias "${alias}" is the id of ${live.file}` });
      const other = own.get(alias);
      if (other && other !== entry) issues.push({ file: entry.file, field: `aliases[${i}]`, message: `alias "${alias}" is also an alias in ${other.file}` });
      own.set(alias, entry);
    }
  }

  // 3. Every reference points at an entry that exists (and at its current id, not an old alias).
  for (const { entry, data } of parsed) {
    for (const { ref: target, path } of findRefs(data)) {
      if (ids.get(target.collection)?.has(target.id)) continue;
      const renamed = aliases.get(target.collection)?.get(target.id);
      const message = renamed
        ? `refers to ${SINGULAR[target.collection]} "${target.id}", an old id of "${renamed.id}": use "${renamed.id}"`
        : `refers to ${SINGULAR[target.collection]} "${target.id}", which does not exist (no ${target.collection}/${target.id} file)`;
      issues.push({ file: entry.file, field: formatPath(path), message });
    }
  }

  // 4. Roadmaps: a topic once per roadmap, stage anchors unique, prerequisites acyclic.
  const prerequisites = new Map<string, string[]>();
  for (const { entry, data } of parsed) {
    if (entry.collection !== 'roadmaps') continue;
    const stages = data.stages as { id: string; topics: (Ref | { topic: Ref })[] }[];
    const topicAt = new Map<string, string>();
    const anchors = new Map<string, string>();
    stages.forEach((stage, s) => {
      const prior = anchors.get(stage.id);
      if (prior) issues.push({ file: entry.file, field: `stages[${s}].id`, message: `stage id "${stage.id}" is used by ${prior} too` });
      anchors.set(stage.id, `stages[${s}]`);
      stage.topics.forEach((item, t) => {
        const id = (item instanceof Ref ? item : item.topic).id;
        const field = `stages[${s}].topics[${t}]`;
        const first = topicAt.get(id);
        if (first) issues.push({ file: entry.file, field, message: `topic "${id}" appears twice in this roadmap (first at ${first})` });
        else topicAt.set(id, field);
      });
    });
    for (const [id, field] of topicAt) {
      const stage = anchors.get(id);
      if (stage) issues.push({ file: entry.file, field: `${stage}.id`, message: `stage id "${id}" is also a topic id at ${field}; anchors must be unique` });
    }
    prerequisites.set(entry.id, (data.prerequisites as Ref[]).map((r) => r.id));
  }
  // 5. Roadmaps: the stated duration and stage weeks agree with the hours of their topics.
  const topicHours = new Map<string, number>();
  for (const { entry, data } of parsed) if (entry.collection === 'topics') topicHours.set(entry.id, data.hours as number);
  for (const { entry, data } of parsed) {
    if (entry.collection !== 'roadmaps') continue;
    const stages = data.stages as { topics: StageItem[] }[];
    // A broken reference is reported above; it adds no hours here rather than a second, confusing problem.
    const hours = requiredHours(stages, (id) => topicHours.get(id) ?? 0);
    issues.push(...checkRoadmapTiming(entry.file, data as unknown as RoadmapTiming, hours));
    issues.push(...checkRoadmapProse(entry.file, data as unknown as RoadmapTiming, entry.body));
  }

  const cycle = findCycle(prerequisites);
  if (cycle) {
    const owner = parsed.find((p) => p.entry.collection === 'roadmaps' && p.entry.id === cycle[0]);
    issues.push({ file: owner?.entry.file ?? cycle[0]!, field: 'prerequisites', message: `roadmap prerequisites form a cycle: ${cycle.join(' → ')}` });
  }

  issues.push(...checkSearchTerms(parsed));
  return issues;
}

/**
 * A search term belongs to the one entry that answers it, so two entries may not claim the same term (as
 * search normalizes it), and no entry may claim another entry's title: either would make search rank a
 * second page for words that name the first. A term equal to the entry's own title adds nothing.
 */
function checkSearchTerms(parsed: readonly { entry: RawEntry; data: Record<string, unknown> }[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const titles = new Map<string, RawEntry>();
  for (const { entry, data } of parsed) {
    const title = normalizeSearchText(String(data.title ?? data.question ?? ''));
    if (!titles.has(title)) titles.set(title, entry);
  }
  const claimed = new Map<string, RawEntry>();
  for (const { entry, data } of parsed) {
    for (const [i, term] of ((data.searchTerms as string[] | undefined) ?? []).entries()) {
      const key = normalizeSearchText(term);
      const field = `searchTerms[${i}]`;
      const owner = claimed.get(key);
      const titled = titles.get(key);
      if (owner === entry) issues.push({ file: entry.file, field, message: `search term "${term}" is listed twice` });
      else if (owner) issues.push({ file: entry.file, field, message: `search term "${term}" is also claimed by ${owner.file}: keep it on the entry that answers it` });
      else if (titled === entry) issues.push({ file: entry.file, field, message: `search term "${term}" repeats this entry's title, which search finds already` });
      else if (titled) issues.push({ file: entry.file, field, message: `search term "${term}" is the title of ${titled.file}` });
      else claimed.set(key, entry);
    }
  }
  return issues;
}

/** One line per issue: "content/topics/jwt.mdx: related[0]: refers to …". */
export function formatIssues(issues: readonly ContentIssue[]): string {
  return issues.map((i) => `${i.file}: ${i.field}: ${i.message}`).join('\n');
}
