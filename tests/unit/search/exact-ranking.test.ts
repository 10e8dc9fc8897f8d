import { describe, expect, it } from 'vitest';
import {
  exactFirst,
  type ExactPage,
  exactRank,
  exactShards,
  queryKeys,
  SHARDS,
  shardsFor,
} from '../../../src/lib/search/exact-ranking.ts';
import { exactPhrases, titleAliases } from '../../../src/lib/search/search-text.ts';

/** A page as the build reads it back from its HTML: phrases through `exactPhrases`, as SearchTerms.astro writes them. */
const page = (url: string, type: string, title: string, ...terms: string[]): ExactPage => ({
  url,
  topic: type === 'topic',
  phrases: exactPhrases(title, terms).split('|'),
});

/** A page whose title names it twice, "X (Y)", as the build reads it back (aliases among its phrases too). */
const aliased = (url: string, type: string, title: string, ...terms: string[]): ExactPage => {
  const aliases = titleAliases(title).split('|');
  return {
    ...page(url, type, title, ...terms),
    aliases,
    phrases: [...exactPhrases(title, terms).split('|'), ...aliases],
  };
};

/** A comparison as the build reads it back: its own phrases, and the rows it lists. */
const comparison = (url: string, title: string, rows: string[]): ExactPage => ({
  ...page(url, 'comparison', title),
  listed: exactPhrases('', rows).split('|'),
});

/**
 * How `query` ranks `p` when the shards hold `p` and `others`, looked up only in the shards the query asks for;
 * `relaxed` are the shorter queries search settled for.
 */
function rank(query: string, p: ExactPage, others: ExactPage[] = [], relaxed: string[] = []): number {
  const shards = exactShards([p, ...others]);
  const keys = queryKeys(query, relaxed);
  const loaded = Object.fromEntries(shardsFor(keys).flatMap((name) => Object.entries(shards[name]!)));
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

  it('ranks the page that names the query search settled for as if the whole query had named it', () => {
    const sqlInjection = page('/topics/sql-injection/', 'topic', 'SQL Injection', 'sqli');
    expect(rank('how do I stop SQL injection', sqlInjection)).toBe(3);
    expect(rank('how do I stop SQL injection', sqlInjection, [], ['sql injection'])).toBe(0);
    const roadmap = page('/roadmaps/backend-developer/', 'roadmap', 'Backend Developer', 'backend roadmap');
    expect(rank('become a backend developer', roadmap, [], ['backend developer'])).toBe(1);
    expect(queryKeys('stop sql injection', ['sql injection', 'stop sql injection']).relaxed).toEqual(['injection sql']);
  });

  it('names a topic by either name of its title "X (Y)" as by its title', () => {
    const go = aliased('/topics/go/', 'topic', 'Go (Golang)', 'golang');
    const roadmap = aliased('/roadmaps/go/', 'roadmap', 'Go (Golang)', 'go roadmap');
    expect(rank('go', go, [roadmap])).toBe(0);
    expect(rank('golang', go, [roadmap])).toBe(0);
    expect(rank('go', roadmap, [go])).toBe(1);
    expect(rank('what is csrf', aliased('/topics/csrf/', 'topic', 'Cross-Site Request Forgery (CSRF)'))).toBe(0);
  });

  it('ranks a comparison by the rows it lists for "X vs Y", not for a query that names one row', () => {
    const market = comparison('/compare/job-market-by-role/', 'Backend job market by role', [
      'Python developer',
      'Security engineer',
    ]);
    const role = page('/roles/python-developer/', 'role', 'Python Backend Developer', 'django developer');
    expect(rank('python developer', market, [role])).toBe(3);
    const languages = comparison('/compare/backend-languages/', 'Backend languages compared', ['Python', 'Go']);
    expect(rank('python vs go', languages)).toBe(1);
    expect(rank('python vs rust', languages)).toBe(2);
    expect(exactShards([market]).d!['developer python']).toEqual({ named: [], listed: [market.url] });
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

  it('asks a query for the shards of the whole query, of each side and of each query search settled for', () => {
    expect(shardsFor(queryKeys('jwt'))).toEqual(['j']);
    expect(shardsFor(queryKeys('become backend developer', ['backend developer']))).toEqual(['b']);
    expect(shardsFor(queryKeys('stop sql injection', ['sql injection']))).toEqual(['i']);
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
