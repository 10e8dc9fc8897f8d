import { describe, expect, it } from 'vitest';
import { article, count, sentence, withArticle } from '../../../src/core/format/words.ts';

describe('count', () => {
  it('writes one in the singular and every other number, zero too, in the plural', () => {
    expect(count(1, 'check')).toBe('1 check');
    expect(count(0, 'check')).toBe('0 checks');
    expect(count(3, 'check')).toBe('3 checks');
  });

  it('takes the plural when it is not the word plus "s"', () => {
    expect(count(1, 'query', 'queries')).toBe('1 query');
    expect(count(2, 'query', 'queries')).toBe('2 queries');
  });
});

describe('article', () => {
  it.for([
    ['ETag', 'an'],
    ['etag', 'an'],
    ['If-None-Match', 'an'],
    ['idempotency-key', 'an'],
    ['x-request-id', 'an'],
    ['HTTP', 'an'],
    ['SQL', 'an'],
    ['HTMLInputElement', 'an'],
    ['OPTIONS', 'an'],
    ['hour', 'an'],
    ['8-week plan', 'an'],
    ['11', 'an'],
    ['Location', 'a'],
    ['cache-control', 'a'],
    ['URL', 'a'],
    ['user', 'a'],
    ['unique index', 'a'],
    ['one', 'a'],
    ['HEAD request', 'a'],
    ['NULL', 'a'],
    ['JSON body', 'a'],
    ['110', 'a'],
    ['', 'a'],
  ] as const)('%s takes "%s"', ([word, expected]) => {
    expect(article(word)).toBe(expected);
  });

  it('puts the article before the word', () => {
    expect(withArticle('etag')).toBe('an etag');
    expect(withArticle('Location')).toBe('a Location');
  });
});

describe('sentence', () => {
  it('ends a sentence with a full stop once', () => {
    expect(sentence('x is not defined')).toBe('x is not defined.');
    expect(sentence('x is not defined.')).toBe('x is not defined.');
    expect(sentence('Stopped after 5 seconds. ')).toBe('Stopped after 5 seconds.');
  });

  it('keeps a question, an exclamation or an ellipsis, also inside closing quotes', () => {
    expect(sentence('Is the row locked?')).toBe('Is the row locked?');
    expect(sentence('Done!')).toBe('Done!');
    expect(sentence('Loading…')).toBe('Loading…');
    expect(sentence('It said “relation does not exist.”')).toBe('It said “relation does not exist.”');
  });

  it('leaves an empty text empty', () => {
    expect(sentence('')).toBe('');
  });
});
