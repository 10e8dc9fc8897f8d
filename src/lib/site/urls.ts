import type { CollectionName } from '../../schemas/shared.ts';
import { isCustomRoadmapId } from '../custom-roadmap/ids.ts';

/** The URL segment of each collection. Comparisons live under /compare/, the rest under their own name. */
export const SECTION: Record<CollectionName, string> = {
  roadmaps: 'roadmaps',
  topics: 'topics',
  labs: 'labs',
  timelines: 'timelines',
  roles: 'roles',
  questions: 'questions',
  projects: 'projects',
  comparisons: 'compare',
};

/** The name of each collection's section, as the navigation, the breadcrumbs and their JSON-LD show it. */
export const SECTION_LABEL: Record<CollectionName, string> = {
  roadmaps: 'Roadmaps',
  topics: 'Topics',
  labs: 'Labs',
  timelines: 'Timelines',
  roles: 'Roles',
  questions: 'Questions',
  projects: 'Projects',
  comparisons: 'Compare',
};

/** Site-relative URL of an entry (or of a collection index when id is omitted); always with a trailing slash. */
export function entryUrl(collection: CollectionName, id?: string): string {
  return id ? `/${SECTION[collection]}/${id}/` : `/${SECTION[collection]}/`;
}

/** A link to a collection's index page, labelled with its section's name. */
export const sectionLink = (collection: CollectionName) => ({
  href: entryUrl(collection),
  label: SECTION_LABEL[collection],
});

/** What changed: the page, its Atom feed (linked from every page's head) and the topic dates roadmap pages fetch. */
export const CHANGES_URLS = {
  page: '/changes/',
  feed: '/changes/feed.xml',
  topicDates: '/changes/topics.json',
} as const;

/**
 * Pages under /roadmaps/ that are not roadmaps: the builder and a learner's roadmap. No roadmap may take these ids,
 * and a learner's roadmap ids start with "my-" (src/lib/custom-roadmap/model.ts), which no roadmap of ours may either.
 */
const ROADMAP_TOOL_PAGES = { builder: 'new', custom: 'custom' } as const;
export const isReservedRoadmapId = (id: string) =>
  Object.values<string>(ROADMAP_TOOL_PAGES).includes(id) || isCustomRoadmapId(id);
