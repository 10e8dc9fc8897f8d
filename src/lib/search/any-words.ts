/**
 * A long question ranked by the words it shares with each page. Pagefind returns only pages holding every word of
 * a query, so a learner's question of five words, one or two of which no page says ("what does a senior backend
 * engineer do differently", "skills needed for a first backend job"), finds a handful of pages that happen to
 * hold them all, or none. A question of `MIN_ANY_WORDS` meaningful words or more is searched word by word instead,
 * and each page ranked by the sum of its words' scores, scaled by the share of the question's words it holds
 * (BM25 over any of the words, with the coordination factor of classic Lucene): a page holding every word still
 * ranks first when it matches them as well, and a page that holds three of four in its title beats one that
 * merely mentions all four.
 */

/**
 * Ordinary English words that carry no subject in a question (the stop words of the usual English lists, beyond
 * the filler search-text.ts drops from every query). Left out of the word-by-word search only: every page holds
 * them, and one that holds "time" or "one" in its title would rise for "one page at a time".
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    'about above after again against all also any as at because before being below both but by each few from',
    'further get gets got had has have having he her here hers herself him himself his if into its itself just',
    'made make makes many more most much myself no nor not now off on once only other ours ourselves out over own',
    're same she some such their theirs them themselves then they through too under until up very was way were',
    'where while who whom why yours yourself yourselves really actually thing things',
  ]
    .join(' ')
    .split(' '),
);

/** A normalized query of at least this many meaningful words is searched word by word. */
export const MIN_ANY_WORDS = 3;

/** The words of a normalized query that carry its meaning, each once: stop words out, unless nothing else is left. */
export function meaningfulWords(query: string): string[] {
  const words = [...new Set(query.split(' ').filter(Boolean))];
  const kept = words.filter((word) => !STOP_WORDS.has(word));
  return kept.length ? kept : words;
}

/** One page as one word's search found it. */
export interface WordHit {
  id: string;
  score: number;
}

/** A page as the word-by-word search ranks it: its score, how many words found it, and each word's hit. */
export interface AnyWordsHit<T extends WordHit> {
  id: string;
  score: number;
  matched: number;
  hits: T[];
}

/**
 * How far one word's score counts toward a page's: `score / (score + WORD_SATURATION)`, between 0 and 1. Pagefind's
 * score for one word already weighs where the page holds it (a title or search-term match counts many times a
 * passage's), so a page whose title shares one word of a question in another sense (connection not "available" and
 * high "availability", "profile" pictures and performance "profiling") scored 30 to 45 on that word alone and
 * outranked the page that holds more of the question's words in its text. Saturating each word's score once its
 * places are weighed, as BM25F saturates a term's weighted frequency, lets a strong match count for more than a weak
 * one but never for several words: 32 counts 0.56, 14 counts 0.36, and a word every page holds (0.1) almost nothing.
 * The value was chosen over 5 and 12 on the relevance sets (tests/e2e/search-relevance.spec.ts): it gains the most
 * in the top three and holds every set's floor.
 */
const WORD_SATURATION = 25;

/**
 * The pages of each word's search (`perWord`, one list per word of the question), best first: each ranked by the
 * sum of its words' saturated scores (`WORD_SATURATION`) times the share of the question's words that found it; on
 * a tie, in order of first appearance. A page's `score` stays in Pagefind's units (the sum of its words' scores
 * times that share), so the search runner can weigh this search against a whole query's (relax.ts, `weighed`).
 */
export function mergeAnyWords<T extends WordHit>(perWord: readonly (readonly T[])[]): AnyWordsHit<T>[] {
  const pages = new Map<string, { sum: number; worth: number; hits: T[]; order: number }>();
  for (const results of perWord)
    for (const hit of results) {
      const page =
        pages.get(hit.id) ?? pages.set(hit.id, { sum: 0, worth: 0, hits: [], order: pages.size }).get(hit.id)!;
      page.sum += hit.score;
      page.worth += hit.score / (hit.score + WORD_SATURATION);
      page.hits.push(hit);
    }
  const words = Math.max(1, perWord.length);
  const share = (hits: readonly T[]) => hits.length / words;
  return [...pages]
    .map(([id, { sum, worth, hits, order }]) => ({
      id,
      score: sum * share(hits),
      rank: worth * share(hits),
      hits,
      order,
    }))
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .map(({ id, score, hits }) => ({ id, score, matched: hits.length, hits }));
}

/**
 * The phrases inside a question that may name a page ("first backend job" in "skills needed for a first backend
 * job"): every choice of at least two of its words and at least half of them, as phrase keys (sorted words, see
 * exact-ranking.ts), longest first. A question of more than `maxWords` words gives none: the choices grow as 2ⁿ.
 */
export function namedPhraseKeys(words: readonly string[], maxWords = 8): string[] {
  const n = words.length;
  if (n < 2 || n > maxWords) return [];
  const least = Math.max(2, Math.ceil(n / 2));
  const keys: string[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    const chosen = words.filter((_, i) => mask & (1 << i));
    if (chosen.length >= least && chosen.length < n) keys.push(chosen);
  }
  return [...new Set(keys.sort((a, b) => b.length - a.length).map((chosen) => [...chosen].sort().join(' ')))];
}
