/**
 * One search box's searches: what the learner typed goes through the normalizer the index was written with
 * (src/lib/search/search-text.ts), Pagefind answers, and the page the query names exactly comes first
 * (src/lib/search/exact-ranking.ts). A question's words that no page holds are left out in turn and the best of
 * those searches answers (src/lib/search/relax.ts); a query that finds little or holds a word no result holds is
 * checked against the site's vocabulary, and searched as spelled there when that finds better pages
 * (src/lib/search/did-you-mean.ts); search-data.ts fetches the shards and the vocabulary. Only the newest search
 * answers: one overtaken while it waited for the index, for Pagefind or for its ranking shards answers `undefined`,
 * so a slow "redis" never replaces a newer "kafka". An answer that found only the first letters of the query's words
 * is no answer (src/lib/search/word-match.ts). A query that asks to practise puts labs and projects first
 * (search-practice.ts).
 */
import { meaningfulWords, MIN_ANY_WORDS, namedPhraseKeys } from '../../lib/search/any-words.ts';
import { exactFirst, exactRank, queryKeys, shardOf, shardsFor } from '../../lib/search/exact-ranking.ts';
import { bestRelaxation, relaxations, type Searched as Relaxed, weighed } from '../../lib/search/relax.ts';
import { PRACTICE_TYPES, practiceQuery } from '../../lib/search/practice.ts';
import { normalizeSearchText } from '../../lib/search/search-text.ts';
import { foundOnlyStarts, missingWords } from '../../lib/search/word-match.ts';
import {
  type FilterCounts,
  loadPagefind,
  noneCounted,
  type Pagefind,
  type PagefindResult,
  type PagefindSearch,
  type ResultData,
} from './pagefind.ts';
import { anyWordsSearch, searchEachWord } from './search-any-words.ts';
import { PRACTICE_FIRST, practiceBefore } from './search-practice.ts';
import { entryIn, exactShard, loadSpeller, merged } from './search-data.ts';

/** Filter name → the values chosen (a page with any of them matches). */
export type ChosenFilters = Record<string, string[]>;

export interface SearchAnswer {
  term: string;
  filters: ChosenFilters;
  /** Every page found, best first. */
  results: PagefindResult[];
  /** The data of the first results, as far as they have been shown. */
  shown: ResultData[];
  filterCounts: FilterCounts;
  /** A spelling from the site's vocabulary for a query that found little or held a word no result holds. */
  suggestion?: string;
}

/** How many results show at once (more on request): each is a file fetched, and six fill over a screen of the dialog. */
const PAGE_SIZE = 6;
/** How many of Pagefind's first results may be reordered for one the query names exactly: about a dialog's worth. */
const EXACT_WINDOW = 6;
/** A query with fewer results than this "finds little": it may be misspelt. */
const FEW_RESULTS = 5;

const pathOf = (url: string) => new URL(url, location.origin).pathname;

/** One query Pagefind was asked (the whole normalized query or a shorter one), with its answer. */
interface Searched extends Relaxed {
  search: PagefindSearch;
  /** Searched word by word: the words no page holds as typed (search-any-words.ts). */
  unknown?: string[];
}
/** The search that answers, with the data of its first results. */
interface Found extends Searched {
  head: ResultData[];
}

/** The chosen filters as Pagefind takes them: each with the values any of which a page may have. */
const pagefindFilters = (filters: ChosenFilters) => ({
  filters: Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  ),
});

/**
 * Searches what the learner typed, normalized, and each shorter query of it (src/lib/search/relax.ts), in turn;
 * `null` once overtaken.
 */
async function searchRelaxed(pagefind: Pagefind, term: string, filters: object, current: () => boolean) {
  const searched: Searched[] = [];
  for (const relaxation of relaxations(normalizeSearchText(term), queryKeys(term).sides)) {
    if (!current()) return null;
    const search = await pagefind.search(relaxation.query || null, filters);
    if (!search) return null;
    searched.push({ ...relaxation, search, top: search.results[0]?.score ?? 0, count: search.results.length });
  }
  return searched;
}

/**
 * Searches what the learner typed: a question of `MIN_ANY_WORDS` meaningful words or more word by word
 * (search-any-words.ts), a shorter query whole and relaxed. `null` once overtaken.
 */
async function searchAll(turn: Turn, term: string): Promise<Searched[] | null> {
  const words = meaningfulWords(normalizeSearchText(term));
  if (words.length < MIN_ANY_WORDS)
    return turn.inTurn(() => searchRelaxed(turn.pagefind, term, turn.filters, turn.current));
  const searches = await turn.inTurn(() => searchEachWord(turn.pagefind, words, turn.filters, turn.current));
  if (!searches || !turn.current()) return null;
  const { search, unknown } = await anyWordsSearch(words, searches);
  const top = search.results[0]?.score ?? 0;
  return [{ query: words.join(' '), dropped: 0, search, top, count: search.results.length, unknown }];
}

/**
 * The search that answers of those `searchAll` made, with the data of its first results; one that found only
 * short starts of its words counts as finding nothing.
 */
async function choose(searched: readonly Searched[]): Promise<Found> {
  // Which shorter queries name a page: the exact-phrase shards of their words.
  const keys = searched.map(({ query }) => queryKeys(query).whole).filter(Boolean);
  const names = merged(await Promise.all([...new Set(keys.map(shardOf))].map(exactShard)));
  const named = (query: string) => entryIn(names, queryKeys(query).whole) !== undefined;
  const chosen = bestRelaxation(searched, named, FEW_RESULTS)!;
  const head = await Promise.all(chosen.search.results.slice(0, PAGE_SIZE).map((result) => result.data()));
  if (foundOnlyStarts(chosen.query, head))
    return { ...chosen, search: { ...chosen.search, results: [] }, top: 0, count: 0, head: [] };
  return { ...chosen, head };
}

/** What one search needs: the index, the filters as Pagefind takes them, whether it is still the newest, its turn. */
interface Turn {
  pagefind: Pagefind;
  filters: object;
  current: () => boolean;
  inTurn: <T>(task: () => Promise<T | null>) => Promise<T | null>;
}

/**
 * A query that found little as typed, or whose answer holds a word no result holds ("graphlq" found GraphQL only
 * through "graph"), may be misspelt: the spelling the site uses answers instead when it scores higher. `null` once
 * overtaken.
 */
async function respelled(term: string, whole: Searched, found: Found, turn: Turn) {
  const little = (search: Relaxed) => search.count < FEW_RESULTS;
  // A question searched word by word holds many words no one result holds: only a word no page holds may be misspelt.
  const missing = found.unknown ?? missingWords(found.query, found.head);
  if (!(little(whole) || little(found) || missing.length > 0)) return { found, suggestion: undefined, spelt: false };
  const suggestion = (await loadSpeller())(term);
  if (!turn.current()) return null;
  if (!suggestion) return { found, suggestion, spelt: false };
  const other = await searchAll(turn, suggestion);
  if (!other || !turn.current()) return null;
  const alternative = await choose(other);
  if (!turn.current()) return null;
  const spelt = weighed(alternative) > weighed(found);
  return { found: spelt ? alternative : found, suggestion, spelt };
}

/** The first results with a page the query names exactly moved up (src/lib/search/exact-ranking.ts). */
async function exactlyNamedFirst(found: Found, keys: ReturnType<typeof queryKeys> | undefined) {
  const entries = merged(keys ? await Promise.all(shardsFor(keys).map(exactShard)) : []);
  const pairs = found.head.map((data, i) => ({ data, result: found.search.results[i]! }));
  const rank = ({ data }: { data: ResultData }) => exactRank(keys!, (key) => entryIn(entries, key), pathOf(data.url));
  return keys ? exactFirst(pairs, rank, EXACT_WINDOW) : pairs;
}

/** A query that asks to practise: its best labs and projects, to come first (search-practice.ts). */
async function practiceFirst(term: string, turn: Turn) {
  const rest = practiceQuery(term);
  if (rest === undefined) return [];
  const searched = await searchAll({ ...turn, filters: pagefindFilters({ type: [...PRACTICE_TYPES] }) }, rest);
  if (!searched || !turn.current()) return null;
  const { head, search } = await choose(searched);
  return head.slice(0, PRACTICE_FIRST).map((data, i) => ({ data, result: search.results[i]! }));
}

/** The answer for `term` and `filters`, or `undefined` once a newer search has started. */
async function find(term: string, filters: ChosenFilters, current: () => boolean, inTurn: Turn['inTurn']) {
  const query = normalizeSearchText(term);
  // The shards that rank the query's pages, fetched alongside Pagefind.
  if (query) void Promise.all(shardsFor(queryKeys(term)).map(exactShard));
  const pagefind = await loadPagefind();
  if (!current()) return undefined;
  const turn: Turn = { pagefind, filters: pagefindFilters(filters), current, inTurn };
  const searched = await searchAll(turn, term);
  if (!searched || !current()) return undefined;
  const chosen = await choose(searched);
  if (!current()) return undefined;
  const spelling = query
    ? await respelled(term, searched[0]!, chosen, turn)
    : { found: chosen, suggestion: undefined, spelt: false };
  if (!spelling) return undefined;
  const { found, suggestion, spelt } = spelling;
  const asked = spelt ? suggestion! : term;
  const named = namedPhraseKeys(meaningfulWords(normalizeSearchText(asked)));
  // A spelling the site uses, taken or not, names what the learner meant: "eventsourcing" the event sourcing page.
  const meant = suggestion && !spelt ? [suggestion] : [];
  const keys = query ? queryKeys(asked, [found.query, ...named, ...meant]) : undefined;
  const ranked = await exactlyNamedFirst(found, keys);
  if (!current()) return undefined;
  const practice = filters.type?.length ? [] : await practiceFirst(asked, turn);
  if (practice === null) return undefined;
  const rest = found.search.results.slice(found.head.length);
  const { results, shown } = await practiceBefore(practice, ranked, rest, PAGE_SIZE);
  if (!current()) return undefined;
  return {
    term,
    filters,
    results,
    shown,
    filterCounts: found.count > 0 ? found.search.filters : noneCounted(found.search.filters),
    ...(suggestion ? { suggestion } : {}),
  };
}

export function searchRunner() {
  let latest = 0;
  // Pagefind runs one search at a time, and only the newest of those waiting: a search started while another was
  // still loading its part of the index answered with the other query's pages. So searches here run in turn, and
  // nothing else (no ranking shard, no result's data) is waited for in that turn.
  let running: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(task: () => Promise<T | null>): Promise<T | null> => {
    const next = running.then(task);
    running = next.catch(() => null);
    return next;
  };

  /**
   * The answer for `term` and `filters`, or `undefined` when a newer search started meanwhile. Rejects when this,
   * the newest search, cannot load what it needs.
   */
  async function run(term: string, filters: ChosenFilters): Promise<SearchAnswer | undefined> {
    const ticket = ++latest;
    const current = () => ticket === latest;
    try {
      return await find(term, filters, current, inTurn);
    } catch (error) {
      // An index file that cannot be fetched (offline, say) fails the search; one already overtaken fails quietly.
      if (current()) throw error;
      return undefined;
    }
  }

  /** The data of the next page of `answer`'s results, added to what it has shown. */
  async function more(answer: SearchAnswer): Promise<ResultData[]> {
    const next = answer.results.slice(answer.shown.length, answer.shown.length + PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    answer.shown.push(...data);
    return data;
  }

  /** Drops every search still waiting: the box was cleared. */
  const cancel = () => void latest++;

  return { run, more, cancel };
}
