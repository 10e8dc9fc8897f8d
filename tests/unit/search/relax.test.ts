import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestRelaxation,
  MAX_RELAXED_WORDS,
  RELAXED_WEIGHT,
  relaxations,
  type Searched,
  weighed,
} from '../../../src/lib/search/relax.ts';

/** A relaxation as the runner searched it: its best page's score and how many pages it found. */
const searched = (query: string, dropped: number, top: number, count = top > 0 ? 10 : 0): Searched => ({
  query,
  dropped,
  top,
  count,
});

describe('the queries a question is searched as', () => {
  it('searches the whole query first, then without each word in turn', () => {
    expect(relaxations('stop sql injection')).toEqual([
      { query: 'stop sql injection', dropped: 0 },
      { query: 'sql injection', dropped: 1 },
      { query: 'stop injection', dropped: 1 },
      { query: 'stop sql', dropped: 1 },
    ]);
    expect(relaxations('mysql index').map((r) => r.query)).toEqual(['mysql index', 'index', 'mysql']);
  });

  it('searches one word, no words or too many words whole only', () => {
    expect(relaxations('kafka')).toEqual([{ query: 'kafka', dropped: 0 }]);
    expect(relaxations('')).toEqual([{ query: '', dropped: 0 }]);
    const long = Array.from({ length: MAX_RELAXED_WORDS + 1 }, (_, i) => `w${i}`).join(' ');
    expect(relaxations(long)).toEqual([{ query: long, dropped: 0 }]);
  });

  it('searches each shorter query once, however often a word repeats', () => {
    expect(relaxations('go go channels').map((r) => r.query)).toEqual(['go go channels', 'go channels', 'go go']);
  });

  it('keeps a word of every side of "X vs Y"', () => {
    expect(relaxations('python go', ['python', 'go']).map((r) => r.query)).toEqual(['python go']);
    expect(relaxations('choose kafka rabbitmq', ['choose kafka', 'rabbitmq']).map((r) => r.query)).toEqual([
      'choose kafka rabbitmq',
      'kafka rabbitmq',
      'choose rabbitmq',
    ]);
  });

  it('leaves out at most one word, and only words of the query', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 10 }), (words) => {
        const query = words.join(' ');
        const all = relaxations(query);
        expect(all[0]).toEqual({ query, dropped: 0 });
        for (const { query: fewer, dropped } of all.slice(1)) {
          expect(dropped).toBe(1);
          expect(fewer.split(' ')).toHaveLength(words.length - 1);
          for (const word of fewer.split(' ')) expect(words).toContain(word);
        }
      }),
    );
  });
});

describe('the search that answers', () => {
  it('weighs a score down for each word left out', () => {
    expect(weighed(searched('a b', 0, 10))).toBe(10);
    expect(weighed(searched('a', 1, 10))).toBe(10 * RELAXED_WEIGHT);
  });

  it('takes a shorter query that names a page when its best page scores far higher than the whole query’s', () => {
    const names = new Set(['sql injection']);
    const named = (query: string) => names.has(query);
    const whole = searched('stop sql injection', 0, 13.9);
    const best = bestRelaxation([whole, searched('sql injection', 1, 42.6), searched('stop injection', 1, 20)], named);
    expect(best?.query).toBe('sql injection');
    // Not when the whole query's best page scores nearly as well.
    const close = [searched('stop sql injection', 0, 30), searched('sql injection', 1, 42.6)];
    expect(bestRelaxation(close, named)?.query).toBe('stop sql injection');
    // Nor a shorter query that names nothing.
    expect(bestRelaxation([whole, searched('stop sql', 1, 60)], named)).toBe(whole);
  });

  it('never answers a query of two words, which found enough, with one of them', () => {
    const whole = searched('mysql index', 0, 10);
    expect(bestRelaxation([whole, searched('index', 1, 100), searched('mysql', 1, 100)], () => true, 5)).toBe(whole);
  });

  it('takes the best of every shorter query, named or not, when the whole query found little', () => {
    const whole = searched('elixir web framework', 0, 0, 0);
    const best = bestRelaxation(
      [whole, searched('web framework', 1, 20), searched('elixir framework', 1, 0, 3), searched('elixir web', 1, 5)],
      () => false,
      5,
    );
    expect(best?.query).toBe('web framework');
    const few = searched('load balencer', 0, 0.6, 3);
    expect(bestRelaxation([few, searched('balencer', 1, 0, 0), searched('load', 1, 20)], () => false, 5)?.query).toBe(
      'load',
    );
  });

  it('on a tie prefers a search that found pages, then the one that left out fewer words', () => {
    const nothing = searched('a b c', 0, 0, 0);
    const some = searched('a b', 1, 0, 4);
    expect(bestRelaxation([nothing, some], () => false, 5)).toBe(some);
    const whole = searched('a b c', 0, 0, 2);
    expect(bestRelaxation([whole, searched('a b', 1, 0, 4)], () => false, 5)).toBe(whole);
    expect(bestRelaxation([])).toBeUndefined();
  });
});
