/**
 * One project in the learner's portfolio, as stored (format 3 of src/lib/progress/progress-store.ts; the checker's
 * result from format 9), with the checks that
 * keep it safe: links are http(s) only, texts are bounded, every value is validated when read back.
 * The project page's tracker loads it: keep it small.
 */
import { isId } from '../format/ids.ts';

export const PROJECT_STATUSES = ['not-started', 'building', 'built'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const STATUS_LABEL: Record<ProjectStatus, string> = {
  'not-started': 'not started',
  building: 'building',
  built: 'built',
};

/** Longest repository or demo link kept. */
export const MAX_URL_LENGTH = 500;
/** Longest "what I measured / learned" note kept. */
export const MAX_PROJECT_NOTE = 2000;
/** Most ticked items per list: far more than any project has, small enough to bound the store. */
const MAX_TICKS = 200;

export interface PortfolioEntry {
  /** not-started | building | built */
  status: ProjectStatus;
  /** Ids of the features the learner has implemented (derived from the feature text, see src/lib/progress/portfolio.ts). */
  features: string[];
  /** Ids of the stretch goals done. */
  stretch: string[];
  /** The learner's repository or demo: an http(s) URL as normalised by checkProjectUrl, or '' for none. */
  url: string;
  /** What they measured or learned, plain text; rendered only as text. */
  note: string;
  /** ISO 8601 time of the last change, so a merge of two devices can keep the newer entry. */
  updated: string;
  /** What the project checker said, from the link its report ends with (format 9 on); the learner's own report. */
  checked?: CheckerMark | undefined;
}

/** A project checker run as its result link carried it (src/lib/project-check/result-link.ts). */
export interface CheckerMark {
  /** The checker's version, "1.0.0". */
  version: string;
  /** The day of the run, YYYY-MM-DD. */
  day: string;
  /** The milestones that passed, 1-based, ascending. */
  milestones: number[];
  /** How many milestones the project had then. */
  of: number;
}

const CHECKER_VERSION = /^\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A stored checker mark, or undefined when any part of it is out of bounds. */
function toCheckerMark(value: unknown): CheckerMark | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { version, day, milestones, of } = value as Record<string, unknown>;
  if (typeof version !== 'string' || !CHECKER_VERSION.test(version)) return undefined;
  if (typeof day !== 'string' || !DAY.test(day) || Number.isNaN(Date.parse(day))) return undefined;
  if (typeof of !== 'number' || !Number.isInteger(of) || of < 1 || of > 50) return undefined;
  if (!Array.isArray(milestones) || milestones.length > of) return undefined;
  if (!milestones.every((m) => typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= of)) return undefined;
  if (new Set(milestones).size !== milestones.length) return undefined;
  return { version, day, milestones: [...(milestones as number[])].sort((a, b) => a - b), of };
}

export type Checked = { ok: true; value: string } | { ok: false; message: string };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

export const isTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));

export const isProjectStatus = (value: unknown): value is ProjectStatus =>
  PROJECT_STATUSES.includes(value as ProjectStatus);

/** A repository or demo link as typed: '' clears it; anything but a plain http(s) address is refused with a reason. */
export function checkProjectUrl(text: string): Checked {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: '' };
  if (trimmed.length > MAX_URL_LENGTH)
    return { ok: false, message: `That link is longer than ${MAX_URL_LENGTH} characters, so it was not saved.` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      message:
        'That is not a complete web address: start it with https:// (for example https://github.com/you/project).',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      message: `A “${url.protocol}” link is refused: only web addresses starting with https:// or http:// are saved.`,
    };
  }
  if (url.username || url.password)
    return { ok: false, message: 'That link has a user name or password in it; remove them before saving it.' };
  if (url.href.length > MAX_URL_LENGTH)
    return { ok: false, message: `That link is longer than ${MAX_URL_LENGTH} characters, so it was not saved.` };
  return { ok: true, value: url.href };
}

/** A note as typed: kept as written, refused beyond MAX_PROJECT_NOTE characters. */
export function checkProjectNote(text: string): Checked {
  if (text.length > MAX_PROJECT_NOTE) {
    return {
      ok: false,
      message: `The note is limited to ${MAX_PROJECT_NOTE.toLocaleString('en')} characters; it has ${text.length.toLocaleString('en')}, so the last change was not saved.`,
    };
  }
  return { ok: true, value: text };
}

export const emptyEntry = (): PortfolioEntry => ({
  status: 'not-started',
  features: [],
  stretch: [],
  url: '',
  note: '',
  updated: new Date(0).toISOString(),
});

/** The entry with some fields changed and stamped with the time of the change. */
export function changeEntry(
  entry: PortfolioEntry | undefined,
  change: Partial<Omit<PortfolioEntry, 'updated'>>,
  now: Date,
): PortfolioEntry {
  return { ...(entry ?? emptyEntry()), ...change, updated: now.toISOString() };
}

function readTicks(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_TICKS) return undefined;
  if (!value.every((id) => isId(id) && id.length <= 80)) return undefined;
  return [...new Set(value as string[])];
}

/** Validates one stored entry; undefined when any field is missing, unsafe or out of bounds. */
export function toPortfolioEntry(value: unknown): PortfolioEntry | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { status, features, stretch, url, note, updated, checked } = value as Record<string, unknown>;
  const ticked = readTicks(features);
  const stretchTicked = readTicks(stretch);
  if (!isProjectStatus(status) || !ticked || !stretchTicked || !isTimestamp(updated)) return undefined;
  if (typeof url !== 'string' || typeof note !== 'string' || !checkProjectNote(note).ok) return undefined;
  const link = checkProjectUrl(url);
  if (!link.ok) return undefined;
  const mark = checked === undefined ? undefined : toCheckerMark(checked);
  if (checked !== undefined && !mark) return undefined;
  const entry: PortfolioEntry = { status, features: ticked, stretch: stretchTicked, url: link.value, note, updated };
  return mark ? { ...entry, checked: mark } : entry;
}
