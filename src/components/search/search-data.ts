/**
 * What search fetches besides Pagefind (search-runner.ts): the exact-phrase shards that rank a page the query names
 * first, and "did you mean" (its code and the site's vocabulary); each fetched once, and only when a query needs it.
 */
import type { Vocabulary } from '../../lib/search/did-you-mean.ts';
import { EXACT_DIR, type ExactEntry, type ExactShard } from '../../lib/search/exact-ranking.ts';

const shards = new Map<string, Promise<ExactShard>>();
/** A shard of exact phrases, fetched once; one that cannot be fetched (offline) counts as empty and is asked again later. */
export function exactShard(name: string): Promise<ExactShard> {
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
let speller: Promise<(term: string) => string | undefined> | undefined;
/**
 * "Did you mean": the code that finds the nearest spelling and the words of every title and search term, both
 * fetched the first time a query may be misspelt, never before (most searches never need them). Offline and not
 * yet cached, it suggests nothing and is asked again next time.
 */
export const loadSpeller = () =>
  (speller ??= import('../../lib/search/did-you-mean.ts').then(
    async ({ suggestQuery, VOCABULARY_URL }) => {
      const words = await fetch(VOCABULARY_URL).then(
        (response) => (response.ok ? (response.json() as Promise<Vocabulary>) : NO_WORDS),
        () => NO_WORDS,
      );
      return (term: string) => suggestQuery(term, words);
    },
    () => {
      speller = undefined;
      return () => undefined;
    },
  ));

/** Loaded shards as one. */
export const merged = (loaded: ExactShard[]): ExactShard => Object.assign({}, ...loaded) as ExactShard;
/** A phrase's entry in loaded shards; a key such as "constructor" is a phrase, not the object's own property. */
export const entryIn = (shard: ExactShard, key: string): ExactEntry | undefined =>
  Object.hasOwn(shard, key) ? shard[key] : undefined;
