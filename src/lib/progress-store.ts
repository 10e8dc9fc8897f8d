/**
 * The learner's progress, as stored in localStorage and in export files. Pure functions, no DOM: parsing never
 * throws — corrupted or foreign data is rejected with a reason and the caller keeps what it had.
 *
 * Stored format (version 2): { "version": 2, "topics": { "<topic-id>": "learning" | "done" | "skipped" },
 *   "reviews": { "<question-id>": { ease, interval, reps, due, reviewed } } } — reviews are the flashcard
 * schedule (SM-2 state, see src/lib/review-state.ts). Version 1 had topics only.
 * Progress is per topic id, so marking a topic done counts on every roadmap that has it.
 * A later format bumps `version` and adds a step to MIGRATIONS that turns the previous version into it.
 */
import { type Review, toReview } from './review-state.ts';

export const TOPIC_STATES = ['learning', 'done', 'skipped'] as const;
export type TopicState = (typeof TOPIC_STATES)[number];
export const STORAGE_KEY = 'atlas-progress';
export const FORMAT_VERSION = 2;

export interface Progress {
  version: typeof FORMAT_VERSION;
  topics: Record<string, TopicState>;
  reviews: Record<string, Review>;
}

export type ParseResult = { ok: true; progress: Progress } | { ok: false; reason: string };

const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_TOPICS = 5000;
const MAX_REVIEWS = 5000;

export const emptyProgress = (): Progress => ({ version: FORMAT_VERSION, topics: {}, reviews: {} });

export const isTopicState = (value: unknown): value is TopicState => TOPIC_STATES.includes(value as TopicState);

/** Steps from an older version to the next one: MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 adds the flashcard schedule; nobody had reviewed anything before it existed.
  1: (old) => ({ ...old, version: 2, reviews: {} }),
};

/** Validates a parsed value as progress of the current version, migrating older versions. */
export function toProgress(value: unknown): ParseResult {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'it is not a progress object' };
  let data = value as Record<string, unknown>;
  if (typeof data.version !== 'number' || !Number.isInteger(data.version)) return { ok: false, reason: 'it has no format version' };
  if (data.version > FORMAT_VERSION) return { ok: false, reason: `it was written by a newer version of the site (format ${data.version})` };
  while ((data.version as number) < FORMAT_VERSION) {
    const step = MIGRATIONS[data.version as number];
    if (!step) return { ok: false, reason: `format ${String(data.version)} is not supported` };
    data = step(data);
  }
  const topics = readIdMap(data.topics, { list: 'topic list', noun: 'topic', many: 'topics', max: MAX_TOPICS }, (v) => (isTopicState(v) ? v : undefined), 'has an unknown state');
  if (!topics.ok) return topics;
  const reviews = readIdMap(data.reviews, { list: 'review list', noun: 'question', many: 'questions', max: MAX_REVIEWS }, toReview, 'has an unreadable review schedule');
  if (!reviews.ok) return reviews;
  return { ok: true, progress: { version: FORMAT_VERSION, topics: topics.map, reviews: reviews.map } };
}

/** Validates an { "<id>": value } object: ids must be entry ids, values must pass `read`, size is bounded. */
function readIdMap<T>(
  value: unknown,
  names: { list: string; noun: string; many: string; max: number },
  read: (value: unknown) => T | undefined,
  unreadable: string,
): { ok: true; map: Record<string, T> } | { ok: false; reason: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: `it has no ${names.list}` };
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > names.max) return { ok: false, reason: `it lists more ${names.many} than the site has` };
  const clean: Record<string, T> = Object.create(null);
  for (const [id, raw] of entries) {
    if (!TOPIC_ID.test(id)) return { ok: false, reason: `"${id.slice(0, 40)}" is not a ${names.noun} id` };
    const parsed = read(raw);
    if (parsed === undefined) return { ok: false, reason: `${names.noun} "${id}" ${unreadable}` };
    clean[id] = parsed;
  }
  return { ok: true, map: { ...clean } };
}

/** Parses stored text. Nothing stored yet is empty progress, not an error. */
export function parseProgress(text: string | null | undefined): ParseResult {
  if (text === null || text === undefined || text === '') return { ok: true, progress: emptyProgress() };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  return toProgress(value);
}

export const serializeProgress = (progress: Progress): string => JSON.stringify(progress);

/** Returns new progress with one topic set to a state, or cleared when state is null. */
export function withTopicState(progress: Progress, topicId: string, state: TopicState | null): Progress {
  const topics = { ...progress.topics };
  if (state) topics[topicId] = state;
  else delete topics[topicId];
  return { ...progress, version: FORMAT_VERSION, topics };
}

/** Returns new progress with one question's review schedule replaced. */
export function withReview(progress: Progress, questionId: string, review: Review): Progress {
  return { ...progress, version: FORMAT_VERSION, reviews: { ...progress.reviews, [questionId]: review } };
}

/** Counts for a list of topics: how many are done, learning, skipped. */
export function summarize(progress: Progress, topicIds: readonly string[]) {
  const counts = { total: topicIds.length, done: 0, learning: 0, skipped: 0 };
  for (const id of topicIds) {
    const state = progress.topics[id];
    if (state) counts[state]++;
  }
  return counts;
}

/** The export file: progress plus what produced it, so a file from elsewhere is recognised and refused. */
export const EXPORT_KIND = 'backend-atlas-progress';

export function toExportFile(progress: Progress, exportedAt: Date): string {
  return `${JSON.stringify({ kind: EXPORT_KIND, exportedAt: exportedAt.toISOString(), ...progress }, null, 2)}\n`;
}

export function parseExportFile(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not valid JSON' };
  }
  if (!value || typeof value !== 'object' || (value as { kind?: unknown }).kind !== EXPORT_KIND) {
    return { ok: false, reason: 'the file is not a Backend Atlas progress export' };
  }
  return toProgress(value);
}
