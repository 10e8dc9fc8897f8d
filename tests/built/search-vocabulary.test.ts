/**
 * The learner's vocabulary (content/learner-vocabulary.yaml) reaches search in the build: every phrase is an exact
 * phrase of the pages it means and of no other (dist/search-exact/, so a query that is the phrase, or holds it, puts
 * them first: src/lib/search/exact-ranking.ts), and its words are in those pages' search metadata, which Pagefind
 * weighs above their prose. A build made without the vocabulary fails both. Reads dist/ (or ATLAS_DIST).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../src/lib/content/content-files.ts';
import { readVocabulary } from '../../src/lib/content/learner-vocabulary.ts';
import { EXACT_DIR, type ExactShard, phraseKey, shardOf } from '../../src/lib/search/exact-ranking.ts';
import { normalizeSearchText } from '../../src/lib/search/search-text.ts';
import { entryUrl } from '../../src/lib/site/urls.ts';
import type { CollectionName } from '../../src/schemas/shared.ts';
import { DIST } from '../e2e/build-output.ts';

const SHARDS = join(DIST, EXACT_DIR);
const FRAGMENTS = join(DIST, 'pagefind', 'fragment');
if (!existsSync(SHARDS) || !existsSync(FRAGMENTS))
  throw new Error(`No search index in ${DIST}: run \`npm run build\` first.`);

const vocabulary = readVocabulary();
const shards = new Map<string, ExactShard>();
const shard = (name: string) => {
  if (!shards.has(name)) shards.set(name, JSON.parse(readFileSync(join(SHARDS, `${name}.json`), 'utf8')) as ExactShard);
  return shards.get(name)!;
};

/** Each page's search metadata (its search terms and phrasings), by URL, from Pagefind's fragments. */
const SIGNATURE = 'pagefind_dcd';
const metaWords = new Map(
  readdirSync(FRAGMENTS).map((file) => {
    const text = gunzipSync(readFileSync(join(FRAGMENTS, file))).toString('utf8');
    const { url, meta } = JSON.parse(text.slice(SIGNATURE.length)) as { url: string; meta: Record<string, string> };
    return [url, new Set(`${meta.terms ?? ''} ${meta.phrasings ?? ''}`.split(' '))];
  }),
);

/** The URL of the page a target names: an old id (an alias) is the page it redirects to. */
const current = new Map<string, string>();
for (const { collection, id, data } of readContentDir())
  for (const name of [id, ...((data as { aliases?: string[] } | undefined)?.aliases ?? [])])
    current.set(`${collection}/${name}`, entryUrl(collection, id));
const urlOf = (target: string) =>
  current.get(target) ?? entryUrl(target.split('/')[0] as CollectionName, target.split('/')[1]);

describe('the learner vocabulary in the search index', () => {
  it('is there to check', () => {
    expect(vocabulary.issues).toEqual([]);
    expect(vocabulary.meanings.length).toBeGreaterThan(50);
  });

  it('makes every phrase an exact phrase of the pages it means, and of no other', () => {
    const wrong = vocabulary.meanings.flatMap(({ says, means }) => {
      const urls = means.map(urlOf).sort();
      return says.flatMap((phrase) => {
        const key = phraseKey(phrase);
        const named = [...(shard(shardOf(key))[key]?.named ?? [])].sort();
        return named.join(' ') === urls.join(' ') ? [] : [`"${phrase}" names ${named.join(', ') || 'no page'}`];
      });
    });
    expect(wrong).toEqual([]);
  });

  it('puts every word of a phrase in the search metadata of the pages it means', () => {
    const missing = vocabulary.meanings.flatMap(({ says, means }) =>
      means.flatMap((target) => {
        const words = metaWords.get(urlOf(target)) ?? new Set<string>();
        return says
          .flatMap((phrase) => normalizeSearchText(phrase).split(' '))
          .filter((word) => !words.has(word))
          .map((word) => `${target}: "${word}"`);
      }),
    );
    expect(missing).toEqual([]);
  });
});
