/**
 * The link a checker run ends with: the project page, with a fragment that says which milestones passed, on which
 * day, by which checker version: `/projects/to-do-list-api/#checked=1.0.0:2026-11-27:1,2,4`. Readable on purpose: it
 * is the learner's own report, not a certificate, and anyone can write one. The page reads it with `readResultLink`,
 * which refuses anything malformed rather than guess.
 * IMPORTED IN BOTH NODE AND BROWSER CODE: no Node.
 */

/** The checker's version: it changes when a contract's checks change what they ask. */
export const CHECKER_VERSION = '1.0.0';

/** The fragment's key. */
const RESULT_KEY = 'checked';

export interface CheckerResult {
  version: string;
  /** YYYY-MM-DD, the day of the run. */
  day: string;
  /** The milestones that passed, 1-based, ascending. */
  milestones: number[];
}

/** The link to the project page that carries `result`. */
export function resultLink(site: string, project: string, result: CheckerResult): string {
  const fragment = `${RESULT_KEY}=${result.version}:${result.day}:${result.milestones.join(',')}`;
  return `${site.replace(/\/$/, '')}/projects/${project}/#${fragment}`;
}

const VERSION = /^\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A result read from a fragment ("#checked=…"), checked against the project's milestone count and today; a reason
 * when it cannot be read. Never throws.
 */
export function readResultLink(
  fragment: string,
  milestoneCount: number,
  today: string,
): { result: CheckerResult } | { problem: string } | undefined {
  const text = fragment.replace(/^#/, '');
  if (!text.startsWith(`${RESULT_KEY}=`)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.slice(RESULT_KEY.length + 1));
  } catch {
    return { problem: 'The link is damaged: part of it is not text.' };
  }
  const parts = decoded.split(':');
  if (parts.length !== 3)
    return { problem: 'The link is not one the checker writes: it should read version:day:milestones.' };
  const [version = '', day = '', list = ''] = parts;
  if (!VERSION.test(version)) return { problem: `"${version.slice(0, 20)}" is not a checker version.` };
  const date = DAY.exec(day);
  const valid =
    date && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day) && day <= today && day >= '2026-01-01';
  if (!valid) return { problem: `"${day.slice(0, 20)}" is not the day of a checker run.` };
  const milestones = list === '' ? [] : list.split(',').map((n) => (/^\d{1,2}$/.test(n) ? Number(n) : NaN));
  if (milestones.some((n) => !Number.isInteger(n) || n < 1 || n > milestoneCount))
    return { problem: `The milestones must be numbers from 1 to ${milestoneCount}, each once.` };
  if (new Set(milestones).size !== milestones.length)
    return { problem: `The milestones must be numbers from 1 to ${milestoneCount}, each once.` };
  return { result: { version, day, milestones: [...milestones].sort((a, b) => a - b) } };
}
