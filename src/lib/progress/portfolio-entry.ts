/**
 * One project in the learner's portfolio, as stored (format 3 of src/lib/progress/progress-store.ts; the checker's
 * result from format 9), with the checks that
 * keep it safe: links are http(s) only, texts are bounded, every value is validated when read back.
 * The project page's tracker loads it: keep it small.
 */
import { isDate } from '../../core/format/dates.ts';
import { isId } from '../../core/format/ids.ts';

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
  /** The learner's repository or demo: an http(s) URL as normalised by readProjectUrl, or '' for none. */
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

/**
 * A stored checker mark, or undefined when any part of it is out of bounds: a version like 1.0.0, a real day, and
 * the milestones passed, each once, from 1 to `of` (at most 50).
 */
function toCheckerMark(value: unknown): CheckerMark | undefined {
  const { version, day, milestones: m, of } = (value ?? {}) as Record<string, unknown>;
  return /^\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(String(version)) &&
    isDate(day) &&
    Number.isInteger(of) &&
    (of as number) > 0 &&
    (of as number) <= 50 &&
    Array.isArray(m) &&
    m.every((n, i) => Number.isInteger(n) && n > 0 && n <= (of as number) && m.indexOf(n) === i)
    ? { version: String(version), day, milestones: (m as number[]).toSorted((x, y) => x - y), of: of as number }
    : undefined;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

export const isTimestamp = (value: unknown): value is string =>
  typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));

export const isProjectStatus = (value: unknown): value is ProjectStatus =>
  PROJECT_STATUSES.includes(value as ProjectStatus);

/** Why a typed link is refused; the words for each are the tracker's (portfolio-input.ts). */
export type UrlFault = 'long' | 'not-url' | 'scheme' | 'credentials';

/**
 * A repository or demo link read as the store keeps it: '' for none, else a plain http(s) address, normalised; or
 * why it is refused. No messages here: every page that reads progress loads this module.
 */
export function readProjectUrl(text: string): { href: string } | { fault: UrlFault; scheme?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { href: '' };
  if (trimmed.length > MAX_URL_LENGTH) return { fault: 'long' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { fault: 'not-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { fault: 'scheme', scheme: url.protocol };
  if (url.username || url.password) return { fault: 'credentials' };
  return url.href.length > MAX_URL_LENGTH ? { fault: 'long' } : { href: url.href };
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
  if (typeof url !== 'string' || typeof note !== 'string' || note.length > MAX_PROJECT_NOTE) return undefined;
  const link = readProjectUrl(url);
  if (!('href' in link)) return undefined;
  const mark = checked === undefined ? undefined : toCheckerMark(checked);
  if (checked !== undefined && !mark) return undefined;
  const entry: PortfolioEntry = { status, features: ticked, stretch: stretchTicked, url: link.href, note, updated };
  return mark ? { ...entry, checked: mark } : entry;
}
