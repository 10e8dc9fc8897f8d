/**
 * Interface text the site writes, as Pagefind would keep it from a page: controls, state words and a card's facts
 * run together ("Pythonintermediateabout 20 minPassed."). None may reach the search index, so no excerpt shows it.
 * Read by the built test over the whole index and the browser test over real results.
 */
export const INTERFACE_TEXT = [
  /Copy link/,
  /Mark done/,
  /Choose a status/,
  /\bPassed\b/,
  /\d+ of \d+ finished/,
  /about \d+ min\b/,
  /(?:SQL|Python|JavaScript|TypeScript|HTTP API|Code|Design)(?:beginner|intermediate|advanced)/,
];

/** Queries made of those words: were any of it indexed, these would find it and show it in their excerpts. */
export const INTERFACE_QUERIES = [
  'copy link',
  'mark done',
  'choose a status',
  'passed',
  'finished',
  'intermediate min',
];
