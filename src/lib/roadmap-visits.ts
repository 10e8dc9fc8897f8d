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
  let data: unknown;
  try {
    data = JSON.parse(raw ?? '{}');
  } catch {
    return {};
  }
  const visits: Record<string, RoadmapVisit> = {};
  if (!data || typeof data !== 'object' || Array.isArray(data)) return visits;
  for (const [id, visit] of Object.entries(data)) {
    if (!ROADMAP_ID.test(id) || !visit || typeof visit !== 'object' || !isTime((visit as RoadmapVisit).last)) continue;
    const { last, since } = visit as RoadmapVisit;
    visits[id] = isTime(since) && since <= last ? { last, since } : { last };
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

/**
 * Each topic's created and updated day, { "<topic id>": ["<created>", "<updated>"] }: written at build
 * (CHANGES_URLS.topicDates) and fetched by a roadmap page only for a returning learner. Ids and days only, so it stays small.
 */
export type TopicDates = Record<string, [created: string, updated: string]>;

/**
 * Topics of a roadmap that are new or updated after a visit. Content dates are days (YYYY-MM-DD), so a topic
 * counts when its day is after the visit's day (UTC): a change made later on the day of the visit waits a day.
 */
export function changedSince(dates: Readonly<TopicDates>, topicIds: readonly string[], since: string): { added: string[]; updated: string[] } {
  const day = since.slice(0, 10);
  const added: string[] = [];
  const updated: string[] = [];
  for (const id of topicIds) {
    const [created, changed] = dates[id] ?? [];
    if (created && created > day) added.push(id);
    else if (changed && changed > day) updated.push(id);
  }
  return { added, updated };
}

/** "2 new topics and 3 topics updated", "1 topic updated"; empty when nothing changed. */
export function changeSummary(added: number, updated: number): string {
  const topics = (n: number) => `${n} ${n === 1 ? 'topic' : 'topics'}`;
  return [added ? `${added} new ${added === 1 ? 'topic' : 'topics'}` : '', updated ? `${topics(updated)} updated` : ''].filter(Boolean).join(' and ');
}
