/**
 * A learner's question holds words no page holds: "how do I stop SQL injection" asks Pagefind, which finds only
 * pages holding every word, for "stop sql injection", and the SQL Injection topic never says "stop". So a query
 * of several words is also searched with each word left out in turn. A query left with the name of a page (a
 * title or search term: "sql injection", "backend developer", "devops engineer") may answer instead of the
 * whole, when its best page scores higher than the whole query's, weighed down by `RELAXED_WEIGHT` for the word
 * left out: the SQL Injection topic, named by both words, against a dependency-injection question that merely
 * holds all three. A query whose words together find little takes the best of its shorter queries, named or not
 * ("elixir web framework" is searched as "web framework").
 */

/** What Pagefind's best page scored is multiplied by, for each query word its search left out. */
export const RELAXED_WEIGHT = 0.5;

/**
 * A shorter query that names a page may answer for a query of at least this many words. Leaving one of two words
 * out drops half of what was asked ("mysql index" as "mysql"): a query of two words is answered by one of them
 * only when it found little.
 */
const MIN_RELAXED_WORDS = 3;

/** Queries longer than this are searched whole only: each word left out is one more search. */
export const MAX_RELAXED_WORDS = 8;

/** One query to search: its (normalized) words, and how many of the learner's words it leaves out. */
export interface Relaxation {
  query: string;
  dropped: number;
}

/**
 * The queries to search for a normalized query: the whole first, then, for two to `MAX_RELAXED_WORDS` words,
 * the query without each word in turn (each distinct query once). `sides`, the normalized sides of "X vs Y", each
 * keep a word: "python vs go" is never searched as "python" alone.
 */
export function relaxations(query: string, sides: readonly string[] = []): Relaxation[] {
  const words = query.split(' ').filter(Boolean);
  const all: Relaxation[] = [{ query: words.join(' '), dropped: 0 }];
  if (words.length < 2 || words.length > MAX_RELAXED_WORDS) return all;
  const seen = new Set([all[0]!.query]);
  for (const i of words.keys()) {
    const kept = words.filter((_, j) => j !== i);
    const fewer = kept.join(' ');
    const keepsSides = sides.every((side) => side.split(' ').some((word) => kept.includes(word)));
    if (keepsSides && !seen.has(fewer)) all.push({ query: fewer, dropped: 1 });
    seen.add(fewer);
  }
  return all;
}

/** A relaxation as searched: the score of its best page (0 when it found none) and how many pages it found. */
export interface Searched extends Relaxation {
  top: number;
  count: number;
}

/** How a searched relaxation is weighed: its best page's score, less for each word it left out. */
export const weighed = (searched: Searched) => searched.top * RELAXED_WEIGHT ** searched.dropped;

/**
 * The relaxation that answers, of those searched (the whole query first): the one with the highest weighed
 * score of the whole query and, for a query of `MIN_RELAXED_WORDS` or more, the shorter queries that `named` says
 * name a page (every shorter query when the whole found little: fewer than `few` pages); on a tie, the one that
 * found pages at all, then the one that left out fewest words, then the first.
 */
export function bestRelaxation<T extends Searched>(
  searched: readonly T[],
  named: (query: string) => boolean = () => true,
  few = 1,
): T | undefined {
  const whole = searched[0];
  if (!whole) return undefined;
  const foundLittle = whole.count < few || whole.top === 0;
  const long = whole.query.split(' ').length >= MIN_RELAXED_WORDS;
  let best: T | undefined;
  for (const candidate of searched) {
    if (candidate !== whole && !foundLittle && !(long && named(candidate.query))) continue;
    if (!best) best = candidate;
    else {
      const by = weighed(candidate) - weighed(best);
      const better =
        by > 0 ||
        (by === 0 && candidate.count > 0 && best.count === 0) ||
        (by === 0 && candidate.count > 0 === best.count > 0 && candidate.dropped < best.dropped);
      if (better) best = candidate;
    }
  }
  return best;
}
