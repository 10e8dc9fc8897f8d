/**
 * One search box's searches: what the learner typed goes through the normalizer the index was written with
 * (src/lib/search/search-text.ts), Pagefind answers, and the page the query names exactly comes first
 * (src/lib/search/exact-ranking.ts). Only the newest search answers: one overtaken while it waited for the index,
 * for Pagefind or for its ranking shards answers `undefined`, so a slow "redis" never replaces a newer "kafka".
 * An answer that found only the first letters of the query's words is no answer (src/lib/search/word-match.ts).
 */
import {
  EXACT_DIR,
  type ExactShard,
  exactFirst,
  exactRank,
  queryKeys,
  shardsFor,
} from '../../lib/search/exact-ranking.ts';
import { normalizeSearchText } from '../../lib/search/search-text.ts';
import { foundOnlyStarts } from '../../lib/search/word-match.ts';
import { type FilterCounts, loadPagefind, type PagefindResult, type ResultData } from './pagefind.ts';

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
}

/** How many results are shown at once; more on request. */
export const PAGE_SIZE = 8;
/** How many of Pagefind's first results may be reordered for one the query names exactly: about a dialog's worth. */
const EXACT_WINDOW = 6;

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

const pathOf = (url: string) => new URL(url, location.origin).pathname;

/** The same filters, every value counting no page. */
const noneCounted = (counts: FilterCounts): FilterCounts =>
  Object.fromEntries(
    Object.entries(counts).map(([name, values]) => [name, Object.fromEntries(Object.keys(values).map((v) => [v, 0]))]),
  );

export function searchRunner() {
  let latest = 0;
  // Pagefind runs one search at a time, and only the newest of those waiting: a search started while another was
  // still loading its part of the index answered with the other query's pages. So searches here run in turn.
  let running: Promise<unknown> = Promise.resolve();

  /**
   * The answer for `term` and `filters`, or `undefined` when a newer search started meanwhile. Rejects when this,
   * the newest search, cannot load what it needs.
   */
  async function run(term: string, filters: ChosenFilters): Promise<SearchAnswer | undefined> {
    const ticket = ++latest;
    const current = () => ticket === latest;
    try {
      const query = normalizeSearchText(term);
      const keys = query ? queryKeys(term) : undefined;
      const loaded = keys ? Promise.all(shardsFor(keys).map(exactShard)) : Promise.resolve([]);
      const pagefind = await loadPagefind();
      if (!current()) return undefined;
      const chosen = Object.fromEntries(
        Object.entries(filters)
          .filter(([, values]) => values.length > 0)
          .map(([name, values]) => [name, { any: values }]),
      );
      const search = running.then(async () => {
        if (!current()) return null;
        const all = await pagefind.search(query || null, { filters: chosen });
        // Several words that find nothing together find what the rest find: a word the site does not use
        // ("elixir web framework") must not hide the pages for the others. The words left out are tried in turn.
        const words = query.split(' ');
        if (!all || all.results.length > 0 || words.length < 2) return all;
        let best = all;
        for (const i of words.keys()) {
          if (!current()) return null;
          const fewer = await pagefind.search(words.filter((_, j) => j !== i).join(' '), { filters: chosen });
          if (fewer && fewer.results.length > best.results.length) best = fewer;
        }
        return best;
      });
      running = search.catch(() => null);
      const found = await search;
      if (!found || !current()) return undefined;
      const head = await Promise.all(found.results.slice(0, PAGE_SIZE).map((result) => result.data()));
      const entries = Object.assign({}, ...(await loaded)) as ExactShard;
      if (!current()) return undefined;
      if (foundOnlyStarts(query, head))
        return { term, filters, results: [], shown: [], filterCounts: noneCounted(found.filters) };
      const pairs = head.map((data, i) => ({ data, result: found.results[i]! }));
      const ranked = keys
        ? exactFirst(pairs, ({ data }) => exactRank(keys, (key) => entries[key], pathOf(data.url)), EXACT_WINDOW)
        : pairs;
      return {
        term,
        filters,
        results: [...ranked.map((pair) => pair.result), ...found.results.slice(head.length)],
        shown: ranked.map((pair) => pair.data),
        filterCounts: found.filters,
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
