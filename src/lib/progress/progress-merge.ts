/**
 * Merging the progress of two devices (a transfer link, src/lib/progress/transfer-code.ts): per item the newer wins, by the
 * item's own time (a topic's topicTimes entry, a review's `reviewed` day, a project's, note's, lab's or saved roadmap's `updated`); on
 * a tie this device keeps its own. When each side last worked on a roadmap (roadmapTimes) keeps the later time,
 * as a record of work rather than an item to choose between. A lab record keeps the earlier pass of the two, whichever record is newer. Nothing is dropped silently: every item either side has is in the result, unless the
 * other side has a newer version of it, and every such case is listed as a conflict for the learner to see first.
 * Pure; never throws.
 */
import { type LabRecord, mergeLabRecords } from '../labs/shared/lab-progress.ts';
import { type Progress, toProgress } from './progress-store.ts';

/** The kinds of item a merge reports on, in the order a learner reads them. */
export const MERGE_KINDS = ['topics', 'reviews', 'topicReviews', 'notes', 'projects', 'labs', 'roadmaps'] as const;
export type MergeKind = (typeof MERGE_KINDS)[number];

export const KIND_LABEL: Record<MergeKind, string> = {
  topics: 'topic statuses',
  reviews: 'question reviews',
  topicReviews: 'topic reviews',
  notes: 'notes',
  projects: 'portfolio projects',
  labs: 'labs',
  roadmaps: 'your own roadmaps',
};

interface KindCounts {
  /** Items only the incoming side has: they are added. */
  added: number;
  /** Items both have, different, where the incoming one is newer: it replaces this device's. */
  replaced: number;
  /** Items both have, different, where this device's is newer (or as new): it stays. */
  kept: number;
}

export interface Conflict {
  kind: MergeKind;
  id: string;
  /** Which side's version the merge keeps. */
  winner: 'here' | 'incoming';
  /** The item's time on each side (ISO time or YYYY-MM-DD), '' when that side has none. */
  hereTime: string;
  incomingTime: string;
  /** For a topic: its status on each side ('' for not started). */
  hereState?: string;
  incomingState?: string;
}

export type MergePlan =
  | { ok: true; progress: Progress; counts: Record<MergeKind, KindCounts>; conflicts: Conflict[] }
  | { ok: false; reason: string };

type Timed = Record<string, unknown>;

const timeOf = (value: string | undefined) =>
  (value ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : 0) || 0;

/** Equality of stored values, whatever the order of their keys. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same((a as Timed)[k], (b as Timed)[k]));
}

const ITEM_TIME: Record<Exclude<MergeKind, 'topics'>, (item: Timed) => string> = {
  reviews: (item) => item.reviewed as string,
  topicReviews: (item) => item.reviewed as string,
  notes: (item) => item.updated as string,
  projects: (item) => item.updated as string,
  labs: (item) => item.updated as string,
  roadmaps: (item) => item.updated as string,
};

/** What a merge found so far: each kind's counts and the items that differ. */
interface Tally {
  counts: Record<MergeKind, KindCounts>;
  conflicts: Conflict[];
}

/** Topics: a status and its time; a time without a status is a cleared topic, which can win too. */
function mergeTopics(here: Progress, incoming: Progress, merged: Progress, { counts, conflicts }: Tally) {
  const topicIds = new Set([...Object.keys(incoming.topics), ...Object.keys(incoming.topicTimes)]);
  for (const id of topicIds) {
    const mine = { state: here.topics[id], time: here.topicTimes[id] ?? '' };
    const theirs = { state: incoming.topics[id], time: incoming.topicTimes[id] ?? '' };
    const incomingNewer = timeOf(theirs.time) > timeOf(mine.time);
    if (mine.state === theirs.state) {
      if (incomingNewer) merged.topicTimes[id] = theirs.time;
      continue;
    }
    if (!mine.state && !mine.time) {
      counts.topics.added++;
      copyTopic(merged, id, theirs);
      continue;
    }
    const winner = incomingNewer ? 'incoming' : 'here';
    counts.topics[winner === 'incoming' ? 'replaced' : 'kept']++;
    conflicts.push({
      kind: 'topics',
      id,
      winner,
      hereTime: mine.time,
      incomingTime: theirs.time,
      hereState: mine.state ?? '',
      incomingState: theirs.state ?? '',
    });
    if (winner === 'incoming') copyTopic(merged, id, theirs);
  }
}

/** One timed section (reviews, notes, projects…): the newer item wins; a lab keeps a pass from either side. */
function mergeSection(
  kind: Exclude<MergeKind, 'topics'>,
  here: Progress,
  incoming: Progress,
  { counts, conflicts }: Tally,
): Record<string, unknown> {
  const section: Record<string, unknown> = { ...here[kind] };
  const theirs = incoming[kind] as Record<string, object> as Record<string, Timed>;
  const ours = here[kind] as Record<string, object> as Record<string, Timed>;
  for (const [id, item] of Object.entries(theirs)) {
    const mine = ours[id];
    if (!mine) {
      counts[kind].added++;
      section[id] = item;
      continue;
    }
    if (same(mine, item)) continue;
    const hereTime = ITEM_TIME[kind](mine);
    const incomingTime = ITEM_TIME[kind](item);
    if (kind === 'labs') {
      // A lab passed on either device stays passed: the incoming side wins whenever it changes this device's record.
      const merged = mergeLabRecords(mine as unknown as LabRecord, item as unknown as LabRecord);
      const changed = !same(merged, mine);
      counts.labs[changed ? 'replaced' : 'kept']++;
      conflicts.push({ kind, id, winner: changed ? 'incoming' : 'here', hereTime, incomingTime });
      section[id] = merged;
      continue;
    }
    const winner = timeOf(incomingTime) > timeOf(hereTime) ? 'incoming' : 'here';
    counts[kind][winner === 'incoming' ? 'replaced' : 'kept']++;
    conflicts.push({ kind, id, winner, hereTime, incomingTime });
    if (winner === 'incoming') section[id] = item;
  }
  return section;
}

/** Merges `incoming` (another device) into `here` (this device). */
export function mergeProgress(here: Progress, incoming: Progress): MergePlan {
  const counts = Object.fromEntries(MERGE_KINDS.map((k) => [k, { added: 0, replaced: 0, kept: 0 }])) as Record<
    MergeKind,
    KindCounts
  >;
  const tally: Tally = { counts, conflicts: [] };
  const merged: Progress = { ...here, topics: { ...here.topics }, topicTimes: { ...here.topicTimes } };
  mergeTopics(here, incoming, merged, tally);
  for (const kind of ['reviews', 'topicReviews', 'notes', 'projects', 'labs', 'roadmaps'] as const)
    (merged as unknown as Record<string, unknown>)[kind] = mergeSection(kind, here, incoming, tally);
  merged.roadmapTimes = { ...here.roadmapTimes };
  for (const [id, time] of Object.entries(incoming.roadmapTimes))
    if (timeOf(time) > timeOf(here.roadmapTimes[id])) merged.roadmapTimes[id] = time;

  // The union must still fit the store's bounds (e.g. all notes together), or nothing is merged.
  const checked = toProgress(JSON.parse(JSON.stringify(merged)));
  if (!checked.ok)
    return { ok: false, reason: `together the two would not fit in this browser's store: ${checked.reason}` };
  return { ok: true, progress: checked.progress, counts, conflicts: tally.conflicts };
}

function copyTopic(
  progress: Progress,
  id: string,
  from: { state: Progress['topics'][string] | undefined; time: string },
) {
  if (from.state) progress.topics[id] = from.state;
  else delete progress.topics[id];
  if (from.time) progress.topicTimes[id] = from.time;
}

/** True when a merge would change nothing on this device. */
export const changesNothing = (plan: Extract<MergePlan, { ok: true }>) =>
  MERGE_KINDS.every((k) => plan.counts[k].added === 0 && plan.counts[k].replaced === 0);
