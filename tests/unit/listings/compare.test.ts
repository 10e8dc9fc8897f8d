import { describe, expect, it } from 'vitest';
import { compareOutput, lineDiff, masked, parseVary } from '../../../src/lib/listings/compare.ts';

describe('compareOutput', () => {
  it('holds the lines exactly, trailing spaces and blank ends aside', () => {
    expect(compareOutput('a\nb  \n', '\na\nb\n\n').same).toBe(true);
    expect(compareOutput('a\nb', 'a\nc').same).toBe(false);
    expect(compareOutput('a\nb', 'a\nb\nc').same).toBe(false);
  });

  it('lets a line of … stand for any number of lines, and a line ending in … for its start', () => {
    expect(compareOutput('first\n…\nlast', 'first\n1\n2\n3\nlast').same).toBe(true);
    expect(compareOutput('first\n...\nlast', 'first\nlast').same).toBe(true);
    expect(compareOutput('first\n…\nlast', 'first\n1\nnot last').same).toBe(false);
    expect(compareOutput('Seq Scan on orders …', 'Seq Scan on orders  (cost=0.00..1.00)').same).toBe(true);
    expect(compareOutput('Seq Scan on orders …', 'Index Scan on orders').same).toBe(false);
  });

  it('skips the commands a page shows typed ($ lines)', () => {
    expect(compareOutput('$ node app.mjs\nlistening', 'listening').same).toBe(true);
  });

  it('masks only the kinds of part named in vary=', () => {
    expect(compareOutput('took 12 ms', 'took 15 ms').same).toBe(false);
    expect(compareOutput('took 12 ms', 'took 15 ms', ['timings']).same).toBe(true);
    expect(compareOutput('took 12 ms, 3 rows', 'took 15 ms, 4 rows', ['timings']).same).toBe(false);
    // A time padded to a width loses a space when it takes a digit more: ' 908ms' on the page, '1012ms' on a slow run.
    expect(compareOutput(' 908ms  weather done', '1012ms  weather done', ['timings']).same).toBe(true);
    expect(compareOutput(' 908ms  weather done', '1012ms  news done', ['timings']).same).toBe(false);
    expect(compareOutput('at 2026-11-27T10:00:00Z', 'at 2026-12-01T08:30:12.5Z', ['dates']).same).toBe(true);
    expect(compareOutput('id 0f9a8b7c6d', 'id 11aa22bb33cc', ['hashes']).same).toBe(true);
    expect(compareOutput("key 'acme_live_fyvx…ivlJ'", "key 'acme_live_Q0bz…x9Ab'", ['hashes']).same).toBe(true);
    expect(compareOutput('key sk_live_...4242 ok', 'key sk_live_...9d0e ok', ['hashes']).same).toBe(true);
    expect(compareOutput('key acme_live_fyvx…ivlJ', 'key acme_live_fyvx…', ['hashes']).same).toBe(false);
    // A base64url token is one part wherever a '-' falls in it, even before a run of hex digits (a flaky run once).
    expect(
      compareOutput(
        '{"access_token":"Qm9vdF9hY2Nlc3NfdG9rZW5fZXhhbXBsZV8x","expires_in":900}',
        '{"access_token":"Zk3xLq0pW8vR2tY6uN4mB7cE9aS1dF-0fa3b9c2e1d","expires_in":900}',
        ['hashes'],
      ).same,
    ).toBe(true);
    expect(compareOutput('b', 'a\nb').same).toBe(false);
    expect(compareOutput('a\nb', 'b\na', ['order']).same).toBe(true);
    expect(
      compareOutput(
        'Limit  (cost=0.42..82.75 rows=20 width=22) (actual time=0.252..0.358 rows=20.00 loops=1)',
        'Limit  (cost=0.42..80.10 rows=21 width=22) (actual time=0.101..0.200 rows=20.00 loops=1)',
        ['costs', 'timings'],
      ).same,
    ).toBe(true);
  });

  it('knows its vary= words and names the others', () => {
    expect(parseVary('timings, dates,nonsense')).toEqual({
      kinds: ['timings', 'dates', 'nonsense'],
      unknown: ['nonsense'],
    });
    expect(masked('12 ms', ['timings'])).toBe('‹timings›');
    expect(masked('display: acme_live_fyvx…ivlJ, then a…b and more…', ['hashes'])).toBe(
      'display: ‹hashes›, then a…b and more…',
    );
  });

  it('prints a diff with the page as - and the run as +', () => {
    expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe('  a\n+ x\n- b\n  c');
  });
});
