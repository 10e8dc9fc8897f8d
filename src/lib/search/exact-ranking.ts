/**
 * Puts the page a query names first. Pagefind matches word prefixes (`go` also finds `gorm`), so its scores alone
 * cannot promise that the page a query names comes first; the pages each phrase names are known at build, though.
 *
 * The build (src/after-build/search-index.ts) writes every page's exact phrases (its title and search terms, see
 * `exactPhrases`) into small shards under /search-exact/, one per first character of the phrase's sorted words,
 * each mapping a phrase to the URLs of the pages it names. A query fetches only the shards of its own words,
 * alongside Pagefind's search, and ranks the first results by the URL Pagefind gives for each.
 */
import { normalizeSearchText } from './search-text.ts';

/** The folder of the shards, each `<shard>.json`. */
export const EXACT_DIR = '/search-exact/';

/**
 * The pages a phrase names, by URL: `title` those topics whose title it is (or one of the two names of a title
 * "X (Y)"), `named` every page with it as title or term, `listed` the pages that list it among other things (a
 * comparison's rows: "Python developer" is a row of the job market by role, not what that page is about).
 */
export interface ExactEntry {
  title?: string[];
  named: string[];
  listed?: string[];
}
/** One shard: phrase key (see `phraseKey`) → the pages it names. */
export type ExactShard = Record<string, ExactEntry>;

/**
 * A page as the build knows it: its URL, whether it is a topic, its exact phrases (title first), the other names
 * its title gives it ("go" and "golang" of "Go (Golang)", among its phrases too), what it lists.
 */
export interface ExactPage {
  url: string;
  topic: boolean;
  phrases: readonly string[];
  aliases?: readonly string[];
  listed?: readonly string[];
}

/** A phrase's key: its normalized words, sorted, so "kafka apache" names "Apache Kafka". */
export const phraseKey = (phrase: string) => normalizeSearchText(phrase).split(' ').filter(Boolean).sort().join(' ');

/** Every shard name: a key's first letter or digit, anything else "_". */
export const SHARDS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz0123456789_'];
export const shardOf = (key: string): string => (/^[a-z0-9]/.test(key) ? key[0]! : '_');

/** The shards of a build's pages; every name of `SHARDS` is present, empty when no phrase starts with it. */
export function exactShards(pages: readonly ExactPage[]): Record<string, ExactShard> {
  const shards: Record<string, ExactShard> = Object.fromEntries(SHARDS.map((name) => [name, {}]));
  for (const page of pages) {
    const keys = page.phrases.map(phraseKey).filter(Boolean);
    const titles = new Set([keys[0], ...(page.aliases ?? []).map(phraseKey)]);
    for (const key of keys) {
      const entry = (shards[shardOf(key)]![key] ??= { named: [] });
      if (entry.named.includes(page.url)) continue;
      entry.named.push(page.url);
      if (page.topic && titles.has(key)) (entry.title ??= []).push(page.url);
    }
    for (const key of (page.listed ?? []).map(phraseKey).filter(Boolean)) {
      const entry = (shards[shardOf(key)]![key] ??= { named: [] });
      if (!entry.named.includes(page.url) && !entry.listed?.includes(page.url)) (entry.listed ??= []).push(page.url);
    }
  }
  return shards;
}

/** "X vs Y", "X versus Y", "X or Y": the things a comparison query names. */
const SIDES = /\s+(?:vs\.?|versus|or)\s+/i;

/**
 * What a query is looked up by: the whole query, for "X vs Y" each side (none otherwise), and the queries search
 * settled for when the whole query named nothing well enough (src/lib/search/relax.ts: "how do I stop SQL
 * injection" searched as "sql injection"), each of which counts as the whole.
 */
export interface QueryKeys {
  whole: string;
  sides: string[];
  relaxed: string[];
}
export function queryKeys(query: string, relaxed: readonly string[] = []): QueryKeys {
  const sides = query.split(SIDES).map(phraseKey).filter(Boolean);
  const whole = phraseKey(query);
  return {
    whole,
    sides: sides.length < 2 ? [] : sides,
    relaxed: [...new Set(relaxed.map(phraseKey))].filter((key) => key && key !== whole),
  };
}

/** The shards a query's keys live in. */
export const shardsFor = (keys: QueryKeys): string[] => [
  ...new Set([keys.whole, ...keys.sides, ...keys.relaxed].filter(Boolean).map(shardOf)),
];

/**
 * How exactly the page at `url` answers a query, lower first: 0 for a topic whose title is the query (or a query it
 * was relaxed to); 1 for any page whose title or a search term is one of those, or that names or lists every side
 * of "X vs Y"; 2 for a page that names or lists one side; 3 otherwise. A page that only lists the query (a
 * comparison row) gets no rank for it. `entryOf` looks a key up in the loaded shards.
 */
export function exactRank(
  keys: QueryKeys,
  entryOf: (key: string) => ExactEntry | undefined,
  url: string,
): 0 | 1 | 2 | 3 {
  const wholes = [keys.whole, ...keys.relaxed].filter(Boolean).map(entryOf);
  if (wholes.some((entry) => entry?.title?.includes(url))) return 0;
  if (wholes.some((entry) => entry?.named.includes(url))) return 1;
  if (keys.sides.length < 2) return 3;
  const names = (entry: ExactEntry | undefined) =>
    !!entry && (entry.named.includes(url) || !!entry.listed?.includes(url));
  const named = keys.sides.filter((side) => names(entryOf(side))).length;
  return named === keys.sides.length ? 1 : named > 0 ? 2 : 3;
}

/**
 * The first `window` results by `rank`, lower first, keeping their order within a rank (a stable sort); the rest
 * stay where Pagefind put them. The window is the first screen of results: reaching further would lift a page
 * that merely lists the query (a comparison row "Go") over the topic Pagefind found for it ("Go (Golang)").
 */
export function exactFirst<T>(results: readonly T[], rank: (result: T) => number, window = results.length): T[] {
  const head = results
    .slice(0, window)
    .map((result, i) => ({ result, rank: rank(result), i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((o) => o.result);
  return [...head, ...results.slice(window)];
}
