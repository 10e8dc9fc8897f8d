/**
 * A long question searched word by word (src/lib/search/any-words.ts): one Pagefind search per meaningful word,
 * and one for them all together, whose pages show the passage that holds every word. A word Pagefind found only
 * by a short start of it ("elixir" through "e") is left out, as the search box does for a whole query
 * (src/lib/search/word-match.ts), so a word the site never uses adds no pages of its own.
 */
import { type AnyWordsHit, mergeAnyWords } from '../../lib/search/any-words.ts';
import { foundOnlyStarts } from '../../lib/search/word-match.ts';
import type { FilterCounts, Pagefind, PagefindResult, PagefindSearch } from './pagefind.ts';

/** Per filter value, the most pages any one search had: the union holds at least that many. */
function countsOf(searches: readonly PagefindSearch[]): FilterCounts {
  const counts: FilterCounts = {};
  for (const search of searches)
    for (const [name, values] of Object.entries(search.filters)) {
      const into = (counts[name] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = Math.max(into[value] ?? 0, n);
    }
  return counts;
}

/** A merged page as a Pagefind result: its data from the search for every word when that found it, else its best word's. */
function asResult(hit: AnyWordsHit<PagefindResult>, together: ReadonlyMap<string, PagefindResult>): PagefindResult {
  const best = together.get(hit.id) ?? hit.hits.reduce((a, b) => (b.score > a.score ? b : a));
  return { id: hit.id, score: hit.score, data: () => best.data() };
}

/** Whether Pagefind found `word` itself (or a longer word it starts), judged on its best page. */
async function foundItself(word: string, search: PagefindSearch): Promise<boolean> {
  const first = search.results[0];
  return !!first && !foundOnlyStarts(word, [await first.data()]);
}

/**
 * Pagefind's searches for `words`, all together and then each alone; `null` once overtaken (`current()` false).
 * `filters` as Pagefind takes them. Run in the search's turn; `mergeAnyWords` reads them after it.
 */
export async function searchEachWord(
  pagefind: Pagefind,
  words: readonly string[],
  filters: object,
  current: () => boolean,
): Promise<PagefindSearch[] | null> {
  if (!current()) return null;
  // All at once: each search waits for its words' index chunks, and asked together they load side by side.
  const searches = await Promise.all([words.join(' '), ...words].map((query) => pagefind.search(query, filters)));
  if (!current() || searches.some((search) => !search)) return null;
  return searches as PagefindSearch[];
}

/**
 * The searches of `searchEachWord` as one: every page any known word found, best first; and the words Pagefind
 * found only by a start of them, which may be misspelt.
 */
export async function anyWordsSearch(words: readonly string[], searches: readonly PagefindSearch[]) {
  const [all, ...each] = searches as [PagefindSearch, ...PagefindSearch[]];
  const found = await Promise.all(each.map((search, i) => foundItself(words[i]!, search)));
  const known = each.filter((_, i) => found[i]);
  const together = new Map(all.results.map((result) => [result.id, result]));
  const results = mergeAnyWords(known.map((search) => search.results)).map((hit) => asResult(hit, together));
  const search: PagefindSearch = { results, filters: countsOf([all, ...known]) };
  return { search, unknown: words.filter((_, i) => !found[i]) };
}
