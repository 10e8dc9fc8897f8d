/**
 * What the roadmap's scripts say, in the page's language: the dictionary's `roadmapView` section (src/i18n/dictionary/),
 * with the `storage` section's words, which the page gives <atlas-roadmap-view> as JSON (`data-words`, RoadmapView.astro and CustomRoadmapView.astro).
 */
import type { Messages } from '../../i18n/dictionary/messages.ts';

export type RoadmapWords = Messages['roadmapView'] & { storage: Messages['storage'] };
