/**
 * A learner's record of one lab in the progress store (section `labs`, format 5): when they first passed it, how
 * many runs they made, and their draft, so a reload, an export or a transfer link keeps their work. An API lab that
 * can be answered in TypeScript or Python as well keeps a draft per language and the language last picked; its one
 * pass counts whatever the language.
 */
import { isTimestamp } from '../../progress/portfolio-entry.ts';

/** Longest draft kept for one lab, and all drafts together, in characters. */
const MAX_LAB_DRAFT = 20_000;
export const MAX_LAB_DRAFTS_TOTAL = 1_000_000;

/** The languages an API lab may be answered in besides its own JavaScript. */
const OTHER_LAB_LANGUAGES = ['typescript', 'python'] as const;
export type OtherLabLanguage = (typeof OTHER_LAB_LANGUAGES)[number];

export interface LabRecord {
  /** ISO time of the first run that passed every check; absent until then. A pass is never taken back. */
  passed?: string;
  /** Runs made, passed or not: a solution shown before any run is offered only after a confirm. */
  runs: number;
  /** The editor's text, as last typed. */
  draft?: string;
  /** ISO time of the last run or edit: a merge keeps the newer record (and the earlier pass of the two). */
  updated: string;
  /** The language last picked on a lab offered in several; absent: the lab's own. */
  language?: OtherLabLanguage;
  /** Drafts in the other languages; `draft` is the lab's own language's. */
  drafts?: Partial<Record<OtherLabLanguage, string>>;
}

const isOtherLanguage = (value: unknown): value is OtherLabLanguage =>
  OTHER_LAB_LANGUAGES.includes(value as OtherLabLanguage);

/** The other languages' drafts, or undefined when any is not a draft this store keeps. */
function toDrafts(value: unknown): LabRecord['drafts'] | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  const ok = entries.every(([k, v]) => isOtherLanguage(k) && typeof v === 'string' && v.length <= MAX_LAB_DRAFT);
  return ok ? Object.fromEntries(entries) : undefined;
}

/** Every draft of a record, in all its languages, in characters. */
const draftsLength = (lab: LabRecord) =>
  (lab.draft?.length ?? 0) + Object.values(lab.drafts ?? {}).reduce((n, d) => n + d.length, 0);

export function toLabRecord(value: unknown): LabRecord | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { passed, runs, draft, updated, language, drafts } = value as Record<string, unknown>;
  if (!isTimestamp(updated) || typeof runs !== 'number' || !Number.isInteger(runs) || runs < 0 || runs > 1e6)
    return undefined;
  if (passed !== undefined && !isTimestamp(passed)) return undefined;
  if (draft !== undefined && (typeof draft !== 'string' || draft.length > MAX_LAB_DRAFT)) return undefined;
  if (language !== undefined && !isOtherLanguage(language)) return undefined;
  const others = drafts === undefined ? {} : toDrafts(drafts);
  if (!others) return undefined;
  const record: LabRecord = { runs, updated };
  if (passed !== undefined) record.passed = passed;
  if (draft !== undefined) record.draft = draft;
  if (language !== undefined) record.language = language;
  if (drafts !== undefined) record.drafts = others;
  return record;
}

const recordOf = (labs: Readonly<Record<string, LabRecord>>, id: string, now: Date): LabRecord =>
  labs[id] ?? { runs: 0, updated: now.toISOString() };

/** One more run of a lab; the first passing run dates the pass. */
export function withLabRun(
  labs: Readonly<Record<string, LabRecord>>,
  id: string,
  passed: boolean,
  now = new Date(),
): Record<string, LabRecord> {
  const old = recordOf(labs, id, now);
  const record: LabRecord = { ...old, runs: old.runs + 1, updated: now.toISOString() };
  if (passed && !old.passed) record.passed = now.toISOString();
  return { ...labs, [id]: record };
}

/** Why a draft cannot be kept (too long, or all drafts together too long), or null when it can. */
export function draftProblem(labs: Readonly<Record<string, LabRecord>>, id: string, draft: string): string | null {
  if (draft.length > MAX_LAB_DRAFT)
    return `Your answer is longer than ${MAX_LAB_DRAFT.toLocaleString('en')} characters, so this browser keeps the last draft that fit. Shorten it to keep it.`;
  const others = Object.entries(labs).reduce((n, [other, lab]) => n + (other === id ? 0 : draftsLength(lab)), 0);
  if (others + draft.length > MAX_LAB_DRAFTS_TOTAL)
    return 'Your drafts of all labs together have reached what this browser keeps, so this one is not saved. Reset a lab you finished to make room.';
  return null;
}

/**
 * The learner's draft of a lab, in `language` when it is not the lab's own (which also becomes the language the lab
 * opens in); a draft with a `draftProblem` is not taken, and the last one that fit stays.
 */
export function withLabDraft(
  labs: Readonly<Record<string, LabRecord>>,
  id: string,
  draft: string,
  now = new Date(),
  language?: OtherLabLanguage,
): Record<string, LabRecord> {
  if (draftProblem(labs, id, draft)) return { ...labs };
  const { language: _last, ...old } = recordOf(labs, id, now);
  const record: LabRecord = { ...old, updated: now.toISOString() };
  if (language) {
    record.language = language;
    record.drafts = { ...old.drafts, [language]: draft };
  } else record.draft = draft;
  return { ...labs, [id]: record };
}

/** The learner's draft of a lab in a language (the lab's own when none), if they wrote one. */
export const labDraft = (record: LabRecord | undefined, language?: OtherLabLanguage): string | undefined =>
  language ? record?.drafts?.[language] : record?.draft;

/** Two devices' records of one lab: the newer one, keeping the earlier pass of the two so a pass is never lost. */
export function mergeLabRecords(here: LabRecord, incoming: LabRecord): LabRecord {
  const newer = Date.parse(incoming.updated) > Date.parse(here.updated) ? incoming : here;
  const passes = [here.passed, incoming.passed].filter((p): p is string => p !== undefined).sort();
  const merged: LabRecord = { ...newer, runs: Math.max(here.runs, incoming.runs) };
  if (passes[0]) merged.passed = passes[0];
  return merged;
}
