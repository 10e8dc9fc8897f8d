/**
 * Where the browser remembers which roadmap a learner walks: for this tab, and the roadmap page last opened. A module
 * of its own, so the roadmap pages, which only write the last one, do not load the walk itself (roadmap-walk.ts).
 */
export const WALK_KEYS = { tab: 'atlas-walk', last: 'atlas-last-roadmap' } as const;
