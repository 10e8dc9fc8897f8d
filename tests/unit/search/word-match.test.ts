import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foundOnlyStarts, type MatchedResult, missingWords, sharedStart } from '../../../src/lib/search/word-match.ts';

const result = (excerpt: string, meta: MatchedResult['meta'] = {}, subs: string[] = []): MatchedResult => ({
  excerpt,
  meta,
  sub_results: subs.map((sub) => ({ excerpt: sub })),
});

// Excerpts as Pagefind 1.6 gave them on this site's index for each query.
describe('a query Pagefind answered through a short start of its word', () => {
  it('finds nothing in pages found by a first letter or two', () => {
    const elixir = [
      result("the same <mark>'é'</mark> as <mark>'e'</mark> plus a combining accent", {
        title: 'Character Encoding and Unicode',
      }),
      result('} catch (Throwable <mark>$e):</mark> log it', { title: 'Move the welcome e-mail to a queue' }),
    ];
    expect(foundOnlyStarts('elixir', elixir)).toBe(true);
    expect(foundOnlyStarts('svelte', [result('curl <mark>-sv</mark> https://example.com', { title: 'HTTP' })])).toBe(
      true,
    );
    expect(foundOnlyStarts('qqzxv', [result('ts_rank(search_vector, <mark>q)</mark> DESC', { title: 'Git' })])).toBe(
      true,
    );
    const tcp = result('<mark>TCP/IP</mark> over <mark>TCP</mark>', { title: 'TCP/IP and Sockets' });
    expect(foundOnlyStarts('tcpdump', [tcp])).toBe(true);
    expect(foundOnlyStarts('geohash', [result('cacheable <mark>GETs</mark>', { title: 'ETags' })])).toBe(true);
  });

  it('keeps a typo or a half-typed word that found its word', () => {
    const kubernetes = [result('during a <mark>Kubernetes</mark> rollout', { title: 'Graceful shutdown in Go' })];
    expect(foundOnlyStarts('kubernets', kubernetes)).toBe(false);
    expect(foundOnlyStarts('kube', kubernetes)).toBe(false);
    expect(foundOnlyStarts('idempotancy', [result('an <mark>Idempotency-Key</mark> header')])).toBe(false);
    expect(foundOnlyStarts('caching', [result('put a <mark>cache</mark> in front')])).toBe(false);
    expect(foundOnlyStarts('flamegraph', [result('read the <mark>flame</mark> graph', { title: 'Profiling' })])).toBe(
      false,
    );
  });

  it('counts a word found in the title, the search terms or a section, not only the excerpt', () => {
    const go = result('a statically typed language', { title: 'Go (Golang)', terms: 'go golang' });
    expect(foundOnlyStarts('golang', [go])).toBe(false);
    expect(foundOnlyStarts('n+1 queries', [result('', { terms: 'nplusone orm' })])).toBe(false);
    expect(
      foundOnlyStarts('websocket', [result('nothing marked', {}, ['the <mark>WebSockets</mark> handshake'])]),
    ).toBe(false);
  });

  it("counts a word of the learners' phrasings of a page (content/learner-vocabulary.yaml) as found", () => {
    const sse = [
      result('', { title: 'Server-Sent Events', terms: 'server sent events sse', phrasings: 'push browser' }),
    ];
    expect(foundOnlyStarts('browser', sse)).toBe(false);
    expect(missingWords('push browser', sse)).toEqual([]);
  });

  it('needs one query word found, not all of them', () => {
    const frameworks = [result('pick a <mark>web</mark> <mark>framework</mark>', { title: 'Web frameworks' })];
    expect(foundOnlyStarts('elixir web framework', frameworks)).toBe(false);
  });

  it('says nothing of an empty query or an empty answer', () => {
    expect(foundOnlyStarts('', [result('<mark>a</mark>')])).toBe(false);
    expect(foundOnlyStarts('elixir', [])).toBe(false);
  });

  it('always accepts a page that holds the query word itself, whatever follows it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), fc.stringMatching(/^[a-z]{0,6}$/), (word, tail) => {
        expect(foundOnlyStarts(word, [result(`see <mark>${word}${tail}</mark>`)])).toBe(false);
      }),
    );
  });

  it('asks for the whole of a short word, four letters of a longer one, five from nine letters on', () => {
    expect(sharedStart('go')).toBe(2);
    expect(sharedStart('jwt')).toBe(3);
    expect(sharedStart('elixir')).toBe(4);
    expect(sharedStart('postgres')).toBe(4);
    expect(sharedStart('kubernets')).toBe(5);
    expect(sharedStart('authentication')).toBe(5);
  });
});

// What Pagefind 1.6 answered misspellings with on this site's index.
describe('the words of a query no result holds as written', () => {
  it('finds a misspelling that Pagefind answered through the start it shares with a real word', () => {
    const graph = [
      result('a <mark>Graph</mark> database', { title: 'Graph Databases and Neo4j', terms: 'cypher graph db' }),
    ];
    expect(missingWords('graphlq', graph)).toEqual(['graphlq']);
    const web = [result('the <mark>Web</mark> framework', { title: 'Actix Web', terms: 'actix' })];
    expect(missingWords('websokets', web)).toEqual(['websokets']);
    expect(missingWords('redis cahce', [result('<mark>Redis</mark> is', { title: 'Redis' })])).toEqual(['cahce']);
  });

  it('counts a word the results hold, a half-typed word and a word one letter short of theirs', () => {
    const kubernetes = [result('during a <mark>Kubernetes</mark> rollout', { title: 'Graceful shutdown in Go' })];
    expect(missingWords('kubernetes', kubernetes)).toEqual([]);
    expect(missingWords('kube', kubernetes)).toEqual([]);
    expect(missingWords('kubernete', kubernetes)).toEqual([]);
    expect(missingWords('index', [result('', { title: 'Database Indexes' })])).toEqual([]);
    expect(missingWords('go channels', [result('', { title: 'Goroutines and Channels', terms: 'go' })])).toEqual([]);
  });

  it('finds every query word missing from no results, and none of an empty query', () => {
    expect(missingWords('kafka streams', [])).toEqual(['kafka', 'streams']);
    expect(missingWords('', [result('<mark>a</mark>')])).toEqual([]);
  });

  it('never holds a word that a result holds, whatever follows it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), fc.stringMatching(/^[a-z]{0,6}$/), (word, tail) => {
        expect(missingWords(word, [result(`see <mark>${word}${tail}</mark>`)])).toEqual([]);
      }),
    );
  });
});
