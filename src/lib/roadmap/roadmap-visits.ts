/**
 * When a learner last looked at each roadmap, so the roadmap page can mark the topics that are new or updated
 * since then. Kept in this browser only, in localStorage under VISITS_KEY:
 *   { "<roadmap id>": { "last": "<ISO time of the latest view>", "since": "<ISO time of the visit before this one>" } }
 * A visit is a session: views less than SESSION_GAP apart belong to the same visit, so the marks stay while a
 * learner opens a topic and comes back to the map, and reset on the next visit.
 */
import { VISITS_KEY } from './walk-keys.ts';

export { VISITS_KEY };

/** Views closer together than this are one visit. */
export const SESSION_GAP_MS = 30 * 60 * 1000;

export interface RoadmapVisit {
  /** The latest view of the roadmap. */
  last: string;
  /** The last view of the visit before the current one: what "since your last visit" compares with. */
  since?: string;
}

/** A stored time as a canonical ISO string, or undefined when it is not a time. */
const asTime = (value: unknown) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;

/**
 * The visits after a view of `roadmap` at `now`, given what was stored (anything: unreadable data counts as no
 * visits), and the time this view compares with: none on a first visit.
 */
export function recordVisit(
  stored: unknown,
  roadmap: string,
  now: Date,
): { visits: Record<string, RoadmapVisit>; since: string | undefined } {
  const visits: Record<string, RoadmapVisit> =
    stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...stored } : {};
  const previous = visits[roadmap];
  const last = asTime(previous?.last);
  const since = last && now.getTime() - Date.parse(last) >= SESSION_GAP_MS ? last : last && asTime(previous?.since);
  visits[roadmap] = since ? { last: now.toISOString(), since } : { last: now.toISOString() };
  return { visits, since: since || undefined };
}

/**
 * Remembers this view of a roadmap and returns the time of the learner's last visit before it, or undefined on a
 * first visit or when storage is blocked.
 */
export function rememberVisit(
  roadmap: string,
  { now = new Date(), storage = (): Pick<Storage, 'getItem' | 'setItem'> => localStorage } = {},
): string | undefined {
  try {
    // Even reading `localStorage` throws where storage is blocked, hence a function called inside the try.
    const store = storage();
    let stored: unknown;
    try {
      stored = JSON.parse(store.getItem(VISITS_KEY) ?? '{}');
    } catch {
      // Not JSON: start afresh.
    }
    const { visits, since } = recordVisit(stored, roadmap, now);
    store.setItem(VISITS_KEY, JSON.stringify(visits));
    return since;
  } catch {
    return undefined;
  }
}
