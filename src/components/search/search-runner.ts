/**
 * One search box's searches: what the learner typed goes through the normalizer the index was written with
 * (src/lib/search/search-text.ts), Pagefind answers, and the page the query names exactly comes first
 * (src/lib/search/exact-ranking.ts). A question's words that no page holds are left out in turn and the best of
 * those searches answers (src/lib/search/relax.ts); a query that finds little or holds a word no result holds is
 * checked against the site's vocabulary, and searched as spelled there when that finds better pages
 * (src/lib/search/did-you-mean.ts). Only the newest search answers: one overtaken while it waited for the index,
 * for Pagefind or for its ranking shards answers `undefined`, so a slow "redis" never replaces a newer "kafka".
 * An answer that found only the first letters of the query's words is no answer (src/lib/search/word-match.ts).
 */
import { suggestQuery, type Vocabulary, VOCABULARY_URL } from '../../lib/search/did-you-mean.ts';
import {
  EXACT_DIR,
  type ExactEntry,
  type ExactShard,
  exactFirst,
  exactRank,
  queryKeys,
  shardOf,
  shardsFor,
} from '../../lib/search/exact-ranking.ts';
import { bestRelaxation, relaxations, type Searched as Relaxed, weighed } from '../../lib/search/relax.ts';
import { normalizeSearchText } from '../../lib/search/search-text.ts';
import { foundOnlyStarts, missingWords } from '../../lib/search/word-match.ts';
import {
  type FilterCounts,
  loadPagefind,
  type Pagefind,
  type PagefindResult,
  type PagefindSearch,
  type ResultData,
} from './pagefind.ts';

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

/** How many results are shown at once; more on request. */
export const PAGE_SIZE = 8;
/** How many of Pagefind's first results may be reordered for one the query names exactly: about a dialog's worth. */
const EXACT_WINDOW = 6;
/** A query with fewer results than this "finds little": it may be misspelt. */
export const FEW_RESULTS = 5;

const shards = new Map<string, Promise<ExactShard>>();
/** A shard of exact phrases, fetched once; one that cannot be fetched (offline) counts as empty and is asked again later. */
function exactShard(name: string): Promise<ExactShard> {
  let shard = shards.get(name);
  if (!shard) {
    shard = fetch(`${EXACT_DIR}${name}.json`)
      .then((response) => (response.ok ? (response.json() as Promise<ExactShard>) : {}))
      .catch(() => {
        shards.delete(name);
        return {};
      });
    shards.set(name, shard);
  }
  return shard;
}

const NO_WORDS: Vocabulary = { titles: [], terms: [] };
let vocabulary: Promise<Vocabulary> | undefined;
/** The words of every title and search term, fetched the first time a query may be misspelt, never before. */
const loadVocabulary = () =>
  (vocabulary ??= fetch(VOCABULARY_URL).then(
    (response) => (response.ok ? (response.json() as Promise<Vocabulary>) : NO_WORDS),
    () => NO_WORDS,
  ));

const pathOf = (url: string) => new URL(url, location.origin).pathname;

/** Loaded shards as one. */
const merged = (loaded: ExactShard[]): ExactShard => Object.assign({}, ...loaded) as ExactShard;
/** A phrase's entry in loaded shards; a key such as "constructor" is a phrase, not the object's own property. */
const entryIn = (shard: ExactShard, key: string): ExactEntry | undefined =>
  Object.hasOwn(shard, key) ? shard[key] : undefined;

/** One query Pagefind was asked (the whole normalized query or a shorter one), with its answer. */
interface Searched extends Relaxed {
  search: PagefindSearch;
}
/** The search that answers, with the data of its first results. */
interface Found extends Searched {
  head: ResultData[];
}

/** The same filters, every value counting no page. */
const noneCounted = (counts: FilterCounts): FilterCounts =>
  Object.fromEntries(
    Object.entries(counts).map(([name, values]) => [name, Object.fromEntries(Object.keys(values).map((v) => [v, 0]))]),
  );

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
   * Searches what the learner typed, normalized, and each shorter query of it (src/lib/search/relax.ts), in turn;
   * `null` once overtaken.
   */
  async function searchAll(pagefind: Pagefind, term: string, filters: object, current: () => boolean) {
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

  /**
   * The answer for `term` and `filters`, or `undefined` when a newer search started meanwhile. Rejects when this,
   * the newest search, cannot load what it needs.
   */
  async function run(term: string, filters: ChosenFilters): Promise<SearchAnswer | undefined> {
    const ticket = ++latest;
    const current = () => ticket === latest;
    try {
      const query = normalizeSearchText(term);
      // The shards that rank the query's pages, fetched alongside Pagefind.
      if (query) void Promise.all(shardsFor(queryKeys(term)).map(exactShard));
      const pagefind = await loadPagefind();
      if (!current()) return undefined;
      const chosen = {
        filters: Object.fromEntries(
          Object.entries(filters)
            .filter(([, values]) => values.length > 0)
            .map(([name, values]) => [name, { any: values }]),
        ),
      };
      const searched = await inTurn(() => searchAll(pagefind, term, chosen, current));
      if (!searched || !current()) return undefined;
      let found = await choose(searched);
      if (!current()) return undefined;
      // A query that found little as typed, or whose answer holds a word no result holds ("graphlq" found GraphQL
      // only through "graph"), may be misspelt: the spelling the site uses answers instead when it scores higher.
      let suggestion: string | undefined;
      let spelt = false;
      const whole = searched[0]!;
      const little = (search: Relaxed) => search.count < FEW_RESULTS;
      if (query && (little(whole) || little(found) || missingWords(found.query, found.head).length > 0)) {
        suggestion = suggestQuery(term, await loadVocabulary());
        if (!current()) return undefined;
        if (suggestion) {
          const other = await inTurn(() => searchAll(pagefind, suggestion!, chosen, current));
          if (!other || !current()) return undefined;
          const alternative = await choose(other);
          if (!current()) return undefined;
          if (weighed(alternative) > weighed(found)) [found, spelt] = [alternative, true];
        }
      }
      const keys = query ? queryKeys(spelt ? suggestion! : term, [found.query]) : undefined;
      const entries = merged(keys ? await Promise.all(shardsFor(keys).map(exactShard)) : []);
      if (!current()) return undefined;
      const pairs = found.head.map((data, i) => ({ data, result: found.search.results[i]! }));
      const rank = ({ data }: { data: ResultData }) =>
        exactRank(keys!, (key) => entryIn(entries, key), pathOf(data.url));
      const ranked = keys ? exactFirst(pairs, rank, EXACT_WINDOW) : pairs;
      return {
        term,
        filters,
        results: [...ranked.map((pair) => pair.result), ...found.search.results.slice(found.head.length)],
        shown: ranked.map((pair) => pair.data),
        filterCounts: found.count > 0 ? found.search.filters : noneCounted(found.search.filters),
        ...(suggestion ? { suggestion } : {}),
      };
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
