/**
 * What changed on the site, from each entry's `created`, `updated` and `change` frontmatter (src/schemas/shared.ts,
 * `changeFields`): the list on /changes/, its Atom feed and the dates roadmap pages compare with a learner's last
 * visit. Pure functions; src/lib/changes/change-log.ts feeds them the collections.
 */
import { COLLECTIONS, type CollectionName } from '../../schemas/shared.ts';
import { type AtomFeed, dayToDateTime } from './atom-feed.ts';
import type { TopicDates } from '../roadmap/changed-topics.ts';
import { inlinePlainText } from '../../core/format/inline-code.ts';
import { SITE_NAME } from '../site/site.ts';
import { CHANGES_URLS, entryUrl } from '../site/urls.ts';

/** One entry's dates and its change line, as the frontmatter gives them. */
export interface DatedEntry {
  collection: CollectionName;
  id: string;
  /** What a reader calls it: the title, or the question itself. */
  title: string;
  /** YYYY-MM-DD */
  created: string;
  /** YYYY-MM-DD */
  updated: string;
  change?: string | undefined;
}

/** An entry's latest change, ready to list. */
export interface Change extends DatedEntry {
  /** New: published on its `updated` day. Updated: changed after it was published. */
  kind: 'new' | 'updated';
  /** What changed, in a line: the author's `change` note, or "New topic." for a new entry. */
  line: string;
  /** Site-relative URL of the entry. */
  url: string;
}

/** The kind of entry, as a label: "Topic", "Roadmap", … */
export const ENTRY_KIND: Record<CollectionName, string> = {
  roadmaps: 'Roadmap',
  topics: 'Topic',
  labs: 'Lab',
  timelines: 'Concurrency timeline',
  roles: 'Role',
  questions: 'Interview question',
  projects: 'Project',
  comparisons: 'Comparison',
};

/** Every entry's latest change, newest first; on the same day, in the navigation's order of collections, then by title. */
export function listChanges(entries: readonly DatedEntry[]): Change[] {
  const rank = (c: CollectionName) => COLLECTIONS.indexOf(c);
  return entries
    .map((entry): Change => {
      const kind = entry.updated > entry.created ? 'updated' : 'new';
      const line = entry.change ?? (kind === 'new' ? `New ${ENTRY_KIND[entry.collection].toLowerCase()}.` : 'Revised.');
      return { ...entry, kind, line, url: entryUrl(entry.collection, entry.id) };
    })
    .sort(
      (a, b) =>
        (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0) ||
        rank(a.collection) - rank(b.collection) ||
        a.title.localeCompare(b.title, 'en'),
    );
}

/** Changes grouped by day, newest day first, and within a day by collection (in navigation order). */
export function changesByDay(
  changes: readonly Change[],
): { day: string; groups: { collection: CollectionName; changes: Change[] }[] }[] {
  const days = new Map<string, Map<CollectionName, Change[]>>();
  for (const change of changes) {
    const day = days.get(change.updated) ?? new Map<CollectionName, Change[]>();
    days.set(change.updated, day);
    day.set(change.collection, [...(day.get(change.collection) ?? []), change]);
  }
  return [...days]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([day, groups]) => ({
      day,
      groups: COLLECTIONS.filter((c) => groups.has(c)).map((collection) => ({
        collection,
        changes: groups.get(collection)!,
      })),
    }));
}

/** The topic dates a roadmap page fetches once a learner has visited before (CHANGES_URLS.topicDates). */
export function topicDates(entries: readonly DatedEntry[]): TopicDates {
  const dates: TopicDates = {};
  for (const e of entries) if (e.collection === 'topics') dates[e.id] = [e.created, e.updated];
  return dates;
}

/** The feed's title, also on the link to it in every page's head. */
export const FEED_TITLE = `${SITE_NAME}: what changed`;

/** How many of the latest changes the Atom feed carries. */
export const FEED_SIZE = 100;

/**
 * The feed of the latest changes, with absolute URLs from the site's origin. An entry's id names the entry and the
 * day of its change (a tag URI, RFC 4151), so a later change of the same page arrives as a new item.
 */
export function changesFeed(changes: readonly Change[], site: URL, size = FEED_SIZE): AtomFeed {
  const latest = changes.slice(0, size);
  const absolute = (path: string) => new URL(path, site).href;
  return {
    id: absolute(CHANGES_URLS.page),
    title: FEED_TITLE,
    subtitle: 'New and revised roadmaps, topics, roles, interview questions, projects and comparisons.',
    updated: dayToDateTime(latest[0]?.updated ?? '2026-11-21'),
    self: absolute(CHANGES_URLS.feed),
    alternate: absolute(CHANGES_URLS.page),
    author: SITE_NAME,
    entries: latest.map((c) => ({
      id: `tag:${site.hostname},${c.created}:${c.collection}/${c.id}/${c.updated}`,
      title: `${ENTRY_KIND[c.collection]}: ${inlinePlainText(c.title)}`,
      updated: dayToDateTime(c.updated),
      link: absolute(c.url),
      summary: inlinePlainText(c.line),
      category: ENTRY_KIND[c.collection],
    })),
  };
}
