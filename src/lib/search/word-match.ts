/**
 * Whether Pagefind found what was asked, or only the start of it. When a query word is not in the index, Pagefind
 * searches for its longest start that is (Pagefind/pagefind#599, with no option to turn it off yet: #780). That
 * keeps a typo or a half-typed word finding its page ("kubernets", "idempot"), but a word the site does not teach
 * at all finds pages for its first letter or two: "elixir" found 40 pages through "e", "svelte" three through
 * "-sv". The search box treats an answer in which no query word was found beyond such a start as no answer.
 */
import { normalizeSearchText } from './search-text.ts';

/**
 * What of a result shows which words it was found by: its title, search terms and learners' phrasings, and the
 * marked words.
 */
export interface MatchedResult {
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { excerpt: string }[];
}

const MARKED = /<mark>([^<]*)<\/mark>/g;

/**
 * How many leading letters a word of the page must share with query word `word` to count as that word: the whole of
 * a word of up to three letters, four of a longer one, five from nine letters on. That leaves room for a typo late
 * in the word, for the stemmer ("caching" is indexed as "cach" and rightly finds "cache") and for a word the site
 * writes as two ("flamegraph" finds "flame graph"), while a start of one to three letters ("e", "sv", "tcp") does
 * not count.
 */
export const sharedStart = (word: string) => Math.min(word.length, word.length >= 9 ? 5 : 4);

const commonStart = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/** The words a result was found by, normalized as the index writes them. */
function wordsOf(result: MatchedResult): string[] {
  const marked = [result.excerpt, ...(result.sub_results ?? []).map((sub) => sub.excerpt)].flatMap((excerpt) =>
    [...excerpt.matchAll(MARKED)].map((match) => match[1]!),
  );
  return [result.meta.title ?? '', result.meta.terms ?? '', result.meta.phrasings ?? '', ...marked]
    .flatMap((text) => normalizeSearchText(text).split(' '))
    .filter(Boolean);
}

/**
 * True when `results` (the first of an answer) hold no word of `query` beyond a short start of it: not one query
 * word shares `sharedStart(word)` leading letters with a word in a result's title, search terms or marked text.
 */
export function foundOnlyStarts(query: string, results: readonly MatchedResult[]): boolean {
  const asked = normalizeSearchText(query).split(' ').filter(Boolean);
  if (asked.length === 0 || results.length === 0) return false;
  const seen = new Set(results.flatMap(wordsOf));
  return !asked.some((word) => [...seen].some((other) => commonStart(word, other) >= sharedStart(word)));
}

/**
 * The words of `query` that `results` do not hold as written: no word of a result's title, search terms or marked
 * text starts with it, or with all of it but its last letter. Stricter than `foundOnlyStarts`, which accepts a
 * shared start: a misspelling that Pagefind answered through the start it shares with a real word ("graphlq" with
 * "GraphQL", "websokets" with "Web") is missing here, while a half-typed word ("kube") or a plural the stemmer
 * matched ("index" for "indexes") is not.
 */
export function missingWords(query: string, results: readonly MatchedResult[]): string[] {
  const asked = normalizeSearchText(query).split(' ').filter(Boolean);
  const seen = [...new Set(results.flatMap(wordsOf))];
  return asked.filter(
    (word) => !seen.some((other) => other.startsWith(word) || commonStart(word, other) >= Math.max(word.length - 1, 4)),
  );
}
