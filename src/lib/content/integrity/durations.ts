/**
 * A roadmap's stated duration, stage weeks and the pace in its introduction agree with the hours of its
 * topics: the rule, the tolerance and the messages.
 */
import type { ContentIssue, EntryRef, ParsedEntry } from './entries.ts';

/** Weeks in one unit of a roadmap's duration (a month is 365.25 / 12 days). */
export const WEEKS_PER_UNIT = { weeks: 1, months: 365.25 / 12 / 7, years: 365.25 / 7 } as const;

/** How far a stated duration may stray from the one its topic hours give: 20 %. */
const DURATION_TOLERANCE = 0.2;

export type StageItem = EntryRef | { topic: EntryRef; optional: boolean; alternative?: string | undefined };

/**
 * Hours a roadmap asks of a learner: every required topic, plus the smallest topic of each pick-one group
 * (groups are per stage, as in roadmap-progress.ts); optional topics do not count.
 */
function requiredHours(stages: readonly { topics: readonly StageItem[] }[], hoursOf: (id: string) => number): number {
  let total = 0;
  for (const stage of stages) {
    const groups = new Map<string, number>();
    for (const item of stage.topics) {
      const { id, optional, alternative } =
        'topic' in item ? { ...item, id: item.topic.id } : { id: item.id, optional: false, alternative: undefined };
      if (optional) continue;
      const hours = hoursOf(id);
      if (alternative === undefined) total += hours;
      else groups.set(alternative, Math.min(groups.get(alternative) ?? Infinity, hours));
    }
    for (const hours of groups.values()) total += hours;
  }
  return total;
}

export interface RoadmapTiming {
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
      issues.push({
        file,
        field: `stages[${s}].weeks.from`,
        message: `is week ${w.from}, but the stage before ends in week ${next - 1}: stages run on without gaps or overlaps`,
      });
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

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const toNumber = (word: string) =>
  /^\d+(\.\d+)?$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word.toLowerCase());

/** A roadmap's introduction may repeat its duration and pace in words ("four to seven months at 10 to 15 hours a week"); they must match. */
function checkRoadmapProse(
  file: string,
  roadmap: Pick<RoadmapTiming, 'duration' | 'hoursPerWeek'>,
  body: string,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const { duration, hoursPerWeek } = roadmap;
  const claims = [
    {
      pattern: new RegExp(`\\b(\\w+(?:\\.\\d+)?) to (\\w+(?:\\.\\d+)?)\\s+${duration.unit}\\b`, 'gi'),
      expected: duration,
      what: 'duration',
      unit: duration.unit,
    },
    {
      pattern: /\b(\w+) to (\w+)\s+hours (?:of study )?(?:a|per) week\b/gi,
      expected: hoursPerWeek,
      what: 'hoursPerWeek',
      unit: 'hours a week',
    },
  ];
  for (const { pattern, expected, what, unit } of claims) {
    for (const match of body.matchAll(pattern)) {
      const [min, max] = [toNumber(match[1]!), toNumber(match[2]!)];
      if (min < 0 || max < 0 || (min === expected.min && max === expected.max)) continue;
      issues.push({
        file,
        field: 'body',
        message: `says "${match[0].replace(/\s+/g, ' ')}" but ${what} is ${expected.min} to ${expected.max} ${unit}`,
      });
    }
  }
  return issues;
}

/** Every roadmap's duration, stage weeks and prose against the hours of its topics. */
export function checkDurations(parsed: readonly ParsedEntry[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const topicHours = new Map<string, number>();
  for (const { entry, data } of parsed)
    if (entry.collection === 'topics') topicHours.set(entry.id, data.hours as number);
  for (const { entry, data } of parsed) {
    if (entry.collection !== 'roadmaps') continue;
    const stages = data.stages as { topics: StageItem[] }[];
    // A broken reference is reported on its own; it adds no hours here rather than a second, confusing problem.
    const hours = requiredHours(stages, (id) => topicHours.get(id) ?? 0);
    issues.push(...checkRoadmapTiming(entry.file, data as unknown as RoadmapTiming, hours));
    issues.push(...checkRoadmapProse(entry.file, data as unknown as RoadmapTiming, entry.body));
  }
  return issues;
}
