/**
 * The learner's progress, as stored in localStorage and in export files. Pure functions, no DOM: parsing never
 * throws — corrupted or foreign data is rejected with a reason and the caller keeps what it had.
 *
 * Stored format (version 9): { "version": 9,
 *   "topics": { "<topic-id>": "learning" | "done" | "skipped" },
 *   "topicTimes": { "<topic-id>": "<ISO time>" },   — when each topic's status was last set, or cleared
 *   "reviews": { "<question-id>": { stability, difficulty, reps, lapses, due, reviewed } },   — FSRS schedule (review-state.ts)
 *   "projects": { "<project-id>": { status, features, stretch, url, note, updated, checked? } },  — portfolio (portfolio-entry.ts)
 *   "notes": { "<topic-id>": { text, updated } },   — the learner's notes per topic
 *   "topicReviews": { "<topic-id>": { stability, … } },  — FSRS review of done topics
 *   "labs": { "<lab-id>": { passed?, runs, draft?, updated } },  — hands-on labs (src/lib/labs/shared/lab-progress.ts)
 *   "roadmaps": { "<roadmap-id>": { roadmap, origin, updated } },  — My roadmaps (src/lib/custom-roadmap/saved.ts)
 *   "roadmapTimes": { "<roadmap-id>": "<ISO time>" } }  — when the learner last worked on each of our roadmaps
 * Version 1 had topics only; version 2 added reviews; version 3 added projects, notes and topicReviews; version 4
 * added topicTimes; version 5 added labs; version 6 added the learner's own roadmaps; version 7 added roadmapTimes;
 * version 8 turned the SM-2 schedules into FSRS ones; version 9 lets a project carry the project checker's result. Every item that a learner edits on two devices carries a time (`updated`, `reviewed`, or for a
 * topic's status its topicTimes entry, which outlives a cleared status), so a merge (progress-merge.ts) can keep
 * the newer one. Progress is per topic id, so marking a topic done counts on every roadmap that has it.
 *
 * Extending: every section is a row of SECTIONS (an id map with a bound and a reader). A later format adds a row,
 * bumps `version` and adds a step to MIGRATIONS that turns the previous version into it (usually: the new
 * section, empty).
 */
import { ID_PATTERN } from '../../core/format/ids.ts';
import { type PortfolioEntry, isTimestamp, toPortfolioEntry } from './portfolio-entry.ts';
import { type LabRecord, MAX_LAB_DRAFTS_TOTAL, toLabRecord } from '../labs/shared/lab-progress.ts';
import { type Review, toReview } from './review-state.ts';
import { type SavedRoadmap, toSavedRoadmap } from '../custom-roadmap/saved.ts';
import { sectionToFsrs } from './sm2-migration.ts';

export const TOPIC_STATES = ['learning', 'done', 'skipped'] as const;
export type TopicState = (typeof TOPIC_STATES)[number];
export const STORAGE_KEY = 'atlas-progress';
export const FORMAT_VERSION = 9;

/** A learner's note on one topic: plain text (Markdown allowed), shown only as text. */
export interface TopicNote {
  text: string;
  /** ISO 8601 time of the last edit. */
  updated: string;
}

export interface Progress {
  version: typeof FORMAT_VERSION;
  topics: Record<string, TopicState>;
  /** ISO 8601 time a topic's status was last set or cleared; a topic marked before format 4 has none. */
  topicTimes: Record<string, string>;
  reviews: Record<string, Review>;
  /** The portfolio: one entry per project the learner tracks. */
  projects: Record<string, PortfolioEntry>;
  /** Notes per topic (written by the personal layer; validated and kept from format 3 on). */
  notes: Record<string, TopicNote>;
  /** Spaced review of topics marked done, with the flashcards' FSRS state (personal layer). */
  topicReviews: Record<string, Review>;
  /** Hands-on labs: passes, runs and drafts. */
  labs: Record<string, LabRecord>;
  /** My roadmaps: the roadmaps this learner made or opened; progress on their topics is the topics' own. */
  roadmaps: Record<string, SavedRoadmap>;
  /**
   * ISO 8601 time the learner last worked on each of our roadmaps: set a topic's status on its map or while walking
   * it, planned it, saved it for offline, took shared progress into it. Marks made before format 7 have none.
   */
  roadmapTimes: Record<string, string>;
}

/** Longest note on one topic, and all notes together, in characters. */
export const MAX_TOPIC_NOTE = 20_000;
export const MAX_NOTES_TOTAL = 1_000_000;

/** `from` is the older format version the progress was migrated from, if it was. */
export type ParseResult = { ok: true; progress: Progress; from?: number | undefined } | { ok: false; reason: string };

export const emptyProgress = (): Progress => ({
  version: FORMAT_VERSION,
  topics: {},
  topicTimes: {},
  reviews: {},
  projects: {},
  notes: {},
  topicReviews: {},
  labs: {},
  roadmaps: {},
  roadmapTimes: {},
});

const isTopicState = (value: unknown): value is TopicState => TOPIC_STATES.includes(value as TopicState);

/** Steps from an older version to the next one: MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 adds the flashcard schedule; nobody had reviewed anything before it existed.
  1: (old) => ({ ...old, version: 2, reviews: {} }),
  // Version 3 adds the portfolio, notes and topic reviews; none of them existed before.
  2: (old) => ({ ...old, version: 3, projects: {}, notes: {}, topicReviews: {} }),
  // Version 4 dates each topic's status so two devices can be merged; earlier marks have no known time.
  3: (old) => ({ ...old, version: 4, topicTimes: {} }),
  // Version 5 adds labs; nobody had run one before they existed.
  4: (old) => ({ ...old, version: 5, labs: {} }),
  // Version 6 adds the learner's own roadmaps; nobody could make one before.
  5: (old) => ({ ...old, version: 6, roadmaps: {} }),
  // Version 7 records the roadmap a learner works on; earlier marks say which topic, never from which roadmap.
  6: (old) => ({ ...old, version: 7, roadmapTimes: {} }),
  // Version 8 schedules by FSRS: each SM-2 card becomes an FSRS state due on the same day (sm2-migration.ts).
  7: (old) => ({
    ...old,
    version: 8,
    reviews: sectionToFsrs(old.reviews),
    topicReviews: sectionToFsrs(old.topicReviews),
  }),
  // Version 9 lets a portfolio entry carry what the project checker said; no run could be recorded before it.
  // A new version, though nothing changes, so a tab of an older build refuses this store instead of dropping it.
  8: (old) => ({ ...old, version: 9 }),
};

function toTopicNote(value: unknown): TopicNote | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { text, updated } = value as Record<string, unknown>;
  return typeof text === 'string' && text.length <= MAX_TOPIC_NOTE && isTimestamp(updated)
    ? { text, updated }
    : undefined;
}

interface Section<T> {
  names: { list: string; noun: string; many: string; max: number };
  read: (value: unknown) => T | undefined;
  unreadable: string;
}

/** Every section of the current format: how to read it, how many items it may hold, how to name a problem. */
const SECTIONS: { [K in Exclude<keyof Progress, 'version'>]: Section<Progress[K][string]> } = {
  topics: {
    names: { list: 'topic list', noun: 'topic', many: 'topics', max: 5000 },
    read: (v) => (isTopicState(v) ? v : undefined),
    unreadable: 'has an unknown state',
  },
  topicTimes: {
    names: { list: 'topic time list', noun: 'time of topic', many: 'topic times', max: 5000 },
    read: (v) => (isTimestamp(v) ? v : undefined),
    unreadable: 'is not an ISO 8601 time',
  },
  reviews: {
    names: { list: 'review list', noun: 'question', many: 'questions', max: 5000 },
    read: toReview,
    unreadable: 'has an unreadable review schedule',
  },
  projects: {
    names: { list: 'project list', noun: 'project', many: 'projects', max: 500 },
    read: toPortfolioEntry,
    unreadable: 'has an unreadable or unsafe portfolio entry',
  },
  notes: {
    names: { list: 'note list', noun: 'note on topic', many: 'notes', max: 5000 },
    read: toTopicNote,
    unreadable: `is unreadable or longer than ${MAX_TOPIC_NOTE} characters`,
  },
  topicReviews: {
    names: { list: 'topic review list', noun: 'topic review', many: 'topic reviews', max: 5000 },
    read: toReview,
    unreadable: 'has an unreadable review schedule',
  },
  labs: {
    names: { list: 'lab list', noun: 'lab', many: 'labs', max: 2000 },
    read: toLabRecord,
    unreadable: 'has an unreadable record or too long a draft',
  },
  roadmaps: {
    names: { list: 'roadmap list', noun: 'roadmap', many: 'roadmaps', max: 200 },
    read: toSavedRoadmap,
    unreadable: 'is unreadable or too large',
  },
  roadmapTimes: {
    names: { list: 'roadmap time list', noun: 'time of roadmap', many: 'roadmap times', max: 1000 },
    read: (v) => (isTimestamp(v) ? v : undefined),
    unreadable: 'is not an ISO 8601 time',
  },
};

/** Validates a parsed value as progress of the current version, migrating older versions. */
export function toProgress(value: unknown): ParseResult {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, reason: 'it is not a progress object' };
  let data = value as Record<string, unknown>;
  if (typeof data.version !== 'number' || !Number.isInteger(data.version))
    return { ok: false, reason: 'it has no format version' };
  if (data.version > FORMAT_VERSION)
    return { ok: false, reason: `it was written by a newer version of the site (format ${data.version})` };
  const from = data.version < FORMAT_VERSION ? data.version : undefined;
  while ((data.version as number) < FORMAT_VERSION) {
    const step = MIGRATIONS[data.version as number];
    if (!step) return { ok: false, reason: `format ${String(data.version)} is not supported` };
    data = step(data);
  }
  const progress: Record<string, unknown> = { version: FORMAT_VERSION };
  for (const [key, section] of Object.entries(SECTIONS) as [string, Section<unknown>][]) {
    const read = readIdMap(data[key], section.names, section.read, section.unreadable);
    if (!read.ok) return read;
    progress[key] = read.map;
  }
  const notes = Object.values(progress.notes as Progress['notes']).reduce((n, note) => n + note.text.length, 0);
  if (notes > MAX_NOTES_TOTAL)
    return { ok: false, reason: `its notes hold more than ${MAX_NOTES_TOTAL.toLocaleString('en')} characters in all` };
  const drafts = Object.values(progress.labs as Progress['labs']).reduce((n, lab) => n + (lab.draft?.length ?? 0), 0);
  if (drafts > MAX_LAB_DRAFTS_TOTAL)
    return {
      ok: false,
      reason: `its lab drafts hold more than ${MAX_LAB_DRAFTS_TOTAL.toLocaleString('en')} characters in all`,
    };
  return { ok: true, progress: progress as unknown as Progress, from };
}

/** Validates an { "<id>": value } object: ids must be entry ids, values must pass `read`, size is bounded. */
function readIdMap<T>(
  value: unknown,
  names: { list: string; noun: string; many: string; max: number },
  read: (value: unknown) => T | undefined,
  unreadable: string,
): { ok: true; map: Record<string, T> } | { ok: false; reason: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, reason: `it has no ${names.list}` };
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > names.max) return { ok: false, reason: `it lists more ${names.many} than the site has` };
  const clean = Object.create(null) as Record<string, T>;
  for (const [id, raw] of entries) {
    if (!ID_PATTERN.test(id)) return { ok: false, reason: `"${id.slice(0, 40)}" is not a ${names.noun} id` };
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
