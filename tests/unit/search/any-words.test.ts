import { describe, expect, it } from 'vitest';
import { meaningfulWords, mergeAnyWords, namedPhraseKeys } from '../../../src/lib/search/any-words.ts';

describe('a question searched word by word', () => {
  it('keeps the words that carry its meaning, each once, and all of them when nothing else is left', () => {
    expect(meaningfulWords('senior backend engineer differently')).toEqual([
      'senior',
      'backend',
      'engineer',
      'differently',
    ]);
    expect(meaningfulWords('showing huge list results one page at time')).not.toContain('at');
    expect(meaningfulWords('where from')).toEqual(['where', 'from']);
    expect(meaningfulWords('kafka kafka')).toEqual(['kafka']);
  });

  it('ranks a page by its words’ scores times the share of the words it holds', () => {
    const ranked = mergeAnyWords([
      [
        { id: 'role', score: 10 },
        { id: 'market', score: 6 },
      ],
      [
        { id: 'role', score: 10 },
        { id: 'market', score: 6 },
      ],
      [
        { id: 'market', score: 6 },
        { id: 'http', score: 30 },
      ],
    ]);
    // role: 20 × 2/3; market: 18 × 3/3; http: 30 × 1/3.
    expect(ranked.map(({ id, matched }) => [id, matched])).toEqual([
      ['market', 3],
      ['role', 2],
      ['http', 1],
    ]);
    expect(ranked[1]!.score).toBeCloseTo(40 / 3);
    expect(ranked[0]!.hits).toHaveLength(3);
    expect(mergeAnyWords([])).toEqual([]);
  });

  it("ranks by the words a page holds, not by one word's weight in its title", () => {
    // "HikariPool-1 - Connection is not available, request timed out after 30000ms", as Pagefind scored each word:
    // high availability's title holds "available" (32); connection pooling holds "connection" (14) and four more.
    const scores: [word: string, availability: number | null, pooling: number | null][] = [
      ['hikaripool', null, 0.001],
      ['1', 0.52, 0.47],
      ['connection', 0.28, 14.02],
      ['available', 32.22, 3.34],
      ['request', 1.15, 1.14],
      ['timed', 0.53, 0.63],
      ['30000ms', null, null],
    ];
    const ranked = mergeAnyWords(
      scores.map(([, availability, pooling]) => [
        ...(availability === null ? [] : [{ id: 'availability', score: availability }]),
        ...(pooling === null ? [] : [{ id: 'pooling', score: pooling }]),
      ]),
    );
    expect(ranked.map(({ id }) => id)).toEqual(['pooling', 'availability']);
    // The score stays in Pagefind's units, for weighing this search against a whole query's: 34.7 × 5/7.
    expect(ranked[1]!.score).toBeCloseTo(34.7 * (5 / 7));
    // A strong match is still worth more than a weak one of the same word.
    expect(
      mergeAnyWords([
        [
          { id: 'a', score: 1 },
          { id: 'b', score: 20 },
        ],
      ]).map(({ id }) => id),
    ).toEqual(['b', 'a']);
  });

  it('keeps the order of first appearance on a tie', () => {
    const ranked = mergeAnyWords([[{ id: 'b', score: 1 }], [{ id: 'a', score: 1 }]]);
    expect(ranked.map((hit) => hit.id)).toEqual(['b', 'a']);
  });

  it('offers the phrases inside a question that may name a page: at least two words and half of them, longest first', () => {
    const keys = namedPhraseKeys(['skills', 'needed', 'first', 'backend', 'job']);
    expect(keys).toContain('backend first job');
    expect(keys).not.toContain('backend job'); // two of five words is less than half
    expect(keys[0]!.split(' ')).toHaveLength(4);
    expect(keys).not.toContain('backend first job needed skills'); // the whole is looked up as the whole
    expect(namedPhraseKeys(['sql', 'injection'])).toEqual([]);
    expect(namedPhraseKeys(['stop', 'sql', 'injection'])).toContain('injection sql');
    expect(namedPhraseKeys('a b c d e f g h i'.split(' '))).toEqual([]);
  });
});
