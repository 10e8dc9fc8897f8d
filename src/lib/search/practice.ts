/**
 * A query that asks to practise ("practice sql joins", "python exercise for jwt expiry", "build a chat backend
 * project", "test my system design against a spike") wants something to do, not something to read: the search box
 * ranks the site's practice first, labs (design labs among them) and projects, found by the rest of the query
 * (src/components/search/search-runner.ts). A topic page that lists a lab would otherwise outrank the lab.
 */

/** Words that ask for practice wherever they stand, and that no page's subject needs: searched without them. */
const ASKING = new Set([
  'practice',
  'practise',
  'practicing',
  'practising',
  'exercise',
  'exercises',
  'drill',
  'drills',
  'kata',
  'katas',
  'lab',
  'labs',
  'handson',
  'challenge',
  'challenges',
]);
/** Words that ask for practice as the query's first word ("build a url shortener", "try writing a rate limiter"). */
const LEADING = new Set(['build', 'try', 'implement', 'code']);
/** Phrases that ask for practice anywhere: the learner's own work to be tested, something to make. */
const PHRASES = [
  // "Test my design", "test my server": what the site runs a learner's work against. "Test my code" asks how to test.
  /\btest my (?:own )?(?:system )?(?:design|server|api)\b/,
  /\bhands on\b/,
  /\bproject (?:ideas?|to build)\b/,
  /\bportfolio\b/,
];

/** The page types that are practice, as the index's `type` filter names them. */
export const PRACTICE_TYPES = ['lab', 'project'] as const;

/**
 * The rest of `query` (lower-case, as typed) when it asks to practise, with the words that only ask dropped;
 * `undefined` when it does not ask. "practice window functions in sql" → "window functions in sql".
 */
export function practiceQuery(query: string): string | undefined {
  const text = query.toLowerCase().replace(/hands-on/g, 'handson');
  const words = text.split(/\s+/).filter(Boolean);
  const asks =
    words.some((word) => ASKING.has(word.replace(/[^a-z]/g, ''))) ||
    LEADING.has(words[0] ?? '') ||
    PHRASES.some((phrase) => phrase.test(text.replace(/handson/g, 'hands on')));
  if (!asks) return undefined;
  const rest = words.filter((word) => !ASKING.has(word.replace(/[^a-z]/g, ''))).join(' ');
  return rest || text;
}
