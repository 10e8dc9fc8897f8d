/**
 * IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE (the tests import it too).
 * When a learner last looked at each roadmap, so the roadmap page can mark the topics that are new or updated
 * since then. Kept in this browser only, in localStorage under VISITS_KEY:
 *   { "<roadmap id>": { "last": "<ISO time of the latest view>", "since": "<ISO time of the visit before this one>" } }
 * A visit is a session: views less than SESSION_GAP apart belong to the same visit, so the marks stay while a
 * learner opens a topic and comes back to the map, and reset on the next visit.
 */

export const VISITS_KEY = 'atlas-roadmap-visits';

/** Views closer together than this are one visit. */
export const SESSION_GAP_MS = 30 * 60 * 1000;

export interface RoadmapVisit {
  /** The latest view of the roadmap. */
  last: string;
  /** The last view of the visit before the current one: what "since your last visit" compares with. */
  since?: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ROADMAP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isTime = (value: unknown): value is string => typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));

/** Reads the stored visits; anything unreadable or foreign is dropped, never thrown. */
export function parseVisits(raw: string | null): Record<string, RoadmapVisit> {
  const visits: Record<string, RoadmapVisit> = {};
  try {
    for (const [id, visit] of Object.entries<Partial<RoadmapVisit> | null>(JSON.parse(raw ?? '{}') ?? {})) {
      const { last, since } = visit ?? {};
      if (!ROADMAP_ID.test(id) || !isTime(last)) continue;
      visits[id] = isTime(since) && since <= last ? { last, since } : { last };
    }
  } catch {
    // Not JSON, or not an object of visits: start afresh.
  }
  return visits;
}

/** The visits after a view of `roadmap` at `now`, and the time this view compares with (none on a first visit). */
export function recordVisit(visits: Readonly<Record<string, RoadmapVisit>>, roadmap: string, now: Date): { visits: Record<string, RoadmapVisit>; since: string | undefined } {
  const previous = visits[roadmap];
  const last = now.toISOString();
  let since: string | undefined;
  if (previous && now.getTime() - Date.parse(previous.last) >= SESSION_GAP_MS) since = previous.last;
  else if (previous) since = previous.since;
  return { visits: { ...visits, [roadmap]: since ? { last, since } : { last } }, since };
}

/**
 * Remembers this view of a roadmap and returns the time of the learner's last visit before it, or undefined on a
 * first visit or when storage is blocked.
 */
export function rememberVisit(roadmap: string, { now = new Date(), storage = (): Pick<Storage, 'getItem' | 'setItem'> => localStorage } = {}): string | undefined {
  try {
    // Even reading `localStorage` throws where storage is blocked, hence a function called inside the try.
    const store = storage();
    const { visits, since } = recordVisit(parseVisits(store.getItem(VISITS_KEY)), roadmap, now);
    store.setItem(VISITS_KEY, JSON.stringify(visits));
    return since;
  } catch {
    return undefined;
  }
}
