import { describe, expect, it } from 'vitest';
import {
  exactFirst,
  type ExactPage,
  exactRank,
  exactShards,
  queryKeys,
  SHARDS,
  shardsFor,
} from '../../src/lib/search/exact-ranking.ts';
import { exactPhrases } from '../../src/lib/search/search-text.ts';

/** A page as the build reads it back from its HTML: phrases through `exactPhrases`, as SearchTerms.astro writes them. */
const page = (url: string, type: string, title: string, ...terms: string[]): ExactPage => ({
  url,
  topic: type === 'topic',
  phrases: exactPhrases(title, terms).split('|'),
});

/** How `query` ranks `p` when the shards hold `p` and `others`, looked up only in the shards the query asks for. */
function rank(query: string, p: ExactPage, others: ExactPage[] = []): number {
  const shards = exactShards([p, ...others]);
  const keys = queryKeys(query);
  const loaded = Object.assign({}, ...shardsFor(keys).map((name) => shards[name]));
  return exactRank(keys, (key) => loaded[key], p.url);
}

describe('exact matches from the build shards', () => {
  const topic = (title: string, ...terms: string[]) => page('/topics/a/', 'topic', title, ...terms);
  const other = (type: string, title: string, ...terms: string[]) => page('/topics/a/', type, title, ...terms);

  it('ranks a topic titled with the query above a page titled or termed with it, and those above the rest', () => {
    expect(rank('Go', topic('Go', 'golang'))).toBe(0);
    expect(rank('go', other('roadmap', 'Go', 'golang roadmap'))).toBe(1);
    expect(rank('golang', topic('Go', 'golang'))).toBe(1);
    expect(rank('go', topic('GORM', 'golang orm'))).toBe(3);
    expect(rank('c#', topic('C#'))).toBe(0);
    expect(rank('what is the n+1 query problem', topic('The N+1 Query Problem'))).toBe(0);
  });

  it('reads words in any order, and "X vs Y" as naming both sides', () => {
    expect(rank('kafka apache', topic('Apache Kafka'))).toBe(0);
    expect(
      rank('graphql vs rest', other('question', 'When would you choose GraphQL over REST?', 'rest vs graphql')),
    ).toBe(1);
    expect(rank('python vs go', other('comparison', 'Backend languages compared', 'Python', 'Go', 'Java'))).toBe(1);
    expect(rank('python vs go', topic('Python'))).toBe(2);
    expect(rank('python vs go', topic('Rust'))).toBe(3);
    expect(rank('anything', { url: '/topics/a/', topic: false, phrases: [] })).toBe(3);
  });

  it('ranks by page URL: another page with the same phrase does not lend it its rank', () => {
    const jwt = page('/topics/jwt/', 'topic', 'JWT', 'json web token');
    const question = page('/questions/jwt/', 'question', 'What is inside a JWT?', 'jwt');
    expect(rank('jwt', jwt, [question])).toBe(0);
    expect(rank('jwt', question, [jwt])).toBe(1);
    expect(rank('jwt', page('/topics/oauth/', 'topic', 'OAuth 2'), [jwt, question])).toBe(3);
  });
});

describe('exact-phrase shards', () => {
  it('has every shard, each key in the shard of its first character, and only topics marked by title', () => {
    const shards = exactShards([
      page('/topics/kafka/', 'topic', 'Apache Kafka', 'kafka'),
      page('/questions/kafka/', 'question', 'Kafka', 'C#'),
      page('/topics/elan/', 'topic', 'Élan'),
    ]);
    expect(Object.keys(shards).sort()).toEqual([...SHARDS].sort());
    expect(shards.a!['apache kafka']).toEqual({ named: ['/topics/kafka/'], title: ['/topics/kafka/'] });
    expect(shards.k!.kafka).toEqual({ named: ['/topics/kafka/', '/questions/kafka/'] });
    expect(shards.c!.csharp).toEqual({ named: ['/questions/kafka/'] });
    expect(shards._!['élan']).toEqual({ named: ['/topics/elan/'], title: ['/topics/elan/'] });
    for (const [name, shard] of Object.entries(shards))
      for (const key of Object.keys(shard)) expect(shardsFor(queryKeys(key))).toContain(name);
  });

  it('asks a query for the shards of the whole query and of each side', () => {
    expect(shardsFor(queryKeys('jwt'))).toEqual(['j']);
    expect(shardsFor(queryKeys('kafka vs rabbitmq'))).toEqual(['k', 'r']);
    expect(shardsFor(queryKeys('404 vs 410'))).toEqual(['4']);
  });
});

describe('exact first', () => {
  it('moves lower ranks first and keeps Pagefind order within a rank', () => {
    const results = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => ({ id }));
    const ranks: Record<string, number> = { c: 1, h: 0, e: 1 };
    expect(exactFirst(results, (r) => ranks[r.id] ?? 3).map((r) => r.id)).toEqual([
      'h',
      'c',
      'e',
      'a',
      'b',
      'd',
      'f',
      'g',
    ]);
  });

  it('reorders only the first `window` results', () => {
    const results = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => ({ id }));
    const ranks: Record<string, number> = { c: 1, h: 0, e: 1 };
    expect(exactFirst(results, (r) => ranks[r.id] ?? 3, 6).map((r) => r.id)).toEqual([
      'c',
      'e',
      'a',
      'b',
      'd',
      'f',
      'g',
      'h',
    ]);
  });
});
