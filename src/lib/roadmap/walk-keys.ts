/**
 * Where the browser remembers which roadmap a learner walks (for this tab, and the roadmap page last opened) and
 * when they viewed each roadmap (roadmap-visits.ts). A module of its own, so the roadmap pages, which only write
 * the last one, do not load the walk itself (roadmap-walk.ts), and /progress/ reads the visits without their logic.
 */
export const WALK_KEYS = { tab: 'atlas-walk', last: 'atlas-last-roadmap' } as const;
export const VISITS_KEY = 'atlas-roadmap-visits';
