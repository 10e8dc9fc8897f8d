/**
 * How a learner's roadmap is told apart from ours, in a module small enough for every page's store and a topic
 * page's walk: its id starts with "my-" (no roadmap of ours may, src/lib/site/urls.ts), and it opens at
 * /roadmaps/custom/ with the roadmap in the link's fragment.
 */
export const CUSTOM_ID_PREFIX = 'my-';
export const isCustomRoadmapId = (id: string) => id.startsWith(CUSTOM_ID_PREFIX);
export const CUSTOM_ROADMAP_PATH = '/roadmaps/custom/';
/** The fragment that carries the roadmap: #roadmap=<code> (roadmap-link.ts). */
export const ROADMAP_PREFIX = '#roadmap=';
