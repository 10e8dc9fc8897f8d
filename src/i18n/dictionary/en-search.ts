/**
 * The search box's words in English, and the level words it filters by, which badges use too (dictionary/en.ts holds
 * them).
 */

/**
 * A level or difficulty, as a badge names it: a roadmap's levels, a lab's or project's level, a question's difficulty;
 * search names its filter values with the same words.
 */
export const level = {
  beginner: 'beginner',
  intermediate: 'intermediate',
  advanced: 'advanced',
  expert: 'expert',
  junior: 'junior',
  mid: 'mid',
  senior: 'senior',
} as const;

/** The search dialog's and page's words, read by their scripts (plain strings: {name} marks what they fill in). */
export const searchBox = {
  placeholder: 'Search topics, roadmaps, questions…',
  label: 'Search the atlas',
  results: 'Results',
  more: 'Show more results',
  searching: 'Searching…',
  none: 'No results',
  one: '1 result',
  many: '{n} results',
  forTerm: '{found} for {term}',
  unreachable:
    'Search could not load. Check your connection; offline, search works once a roadmap has been saved for offline.',
  offlinePartial:
    'You are offline, so search only looked in the parts of its index this browser fetched before. Saving a roadmap for offline keeps all of it.',
  dialog: 'Search',
  close: 'Close',
  closeLabel: 'Close search',
  hints: '↑ ↓ move through results · Enter opens · Esc closes',
  openPage: 'Open the search page',
  filters: 'Filters',
  anyOf: 'Any {name}',
  filterBy: 'Filter by {name}',
  didYouMean: 'Did you mean',
  filterNames: { type: 'type', level: 'level', difficulty: 'difficulty', role: 'role' },
  values: {
    page: 'page',
    roadmap: 'roadmap',
    topic: 'topic',
    lab: 'lab',
    timeline: 'timeline',
    role: 'role',
    question: 'question',
    project: 'project',
    comparison: 'comparison',
    ...level,
  },
} as const;
