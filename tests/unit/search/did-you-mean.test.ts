import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedEdits,
  buildVocabulary,
  editDistance,
  splitRunTogether,
  suggestQuery,
} from '../../../src/lib/search/did-you-mean.ts';
import { englishNearVocabulary, parseWordList } from '../../../src/lib/search/english-words.ts';
import { normalizeSearchText } from '../../../src/lib/search/search-text.ts';

/** Plain Levenshtein plus adjacent swaps, written the slow and obvious way, to check the fast one against. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('edit distance', () => {
  it('counts insertions, deletions, replacements and swaps of neighbours', () => {
    expect(editDistance('postgress', 'postgres')).toBe(1);
    expect(editDistance('postgress', 'postgresql')).toBe(2);
    expect(editDistance('kafak', 'kafka')).toBe(1);
    expect(editDistance('djano', 'django')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('agrees with the plain definition, and stops early past the limit', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = reference(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
      }),
    );
  });
});

describe('did you mean', () => {
  const vocabulary = buildVocabulary(
    [
      'PostgreSQL',
      'Apache Kafka',
      'Kubernetes',
      'Django',
      'Go',
      'The N+1 Query Problem',
      'Authentication',
      'Idempotency',
    ],
    ['postgres', 'k8s', 'golang', 'kafka streams'],
  );

  it('builds the vocabulary from titles, then the other words of search terms, without filler or short words', () => {
    expect(vocabulary.titles).toEqual(expect.arrayContaining(['PostgreSQL', 'Kafka', 'Kubernetes']));
    expect(vocabulary.titles).not.toContain('The');
    expect(vocabulary.titles).not.toContain('Go');
    expect(vocabulary.terms).toEqual(['postgres', 'golang', 'streams']);
    expect(buildVocabulary(['Redis', 'Redis Streams', 'Streams', 'redis']).titles).toEqual(['Redis', 'Streams']);
  });

  it('corrects a misspelt word to the nearest known one, in the case typed unless the name has inner capitals', () => {
    expect(suggestQuery('postgress', vocabulary)).toBe('PostgreSQL');
    expect(suggestQuery('kafak', vocabulary)).toBe('kafka');
    expect(suggestQuery('Kafak', vocabulary)).toBe('Kafka');
    expect(suggestQuery('kubernets', vocabulary)).toBe('kubernetes');
    expect(suggestQuery('djano', vocabulary)).toBe('django');
    expect(suggestQuery('authentification', vocabulary)).toBe('authentication');
    expect(suggestQuery('idempotancy keys', vocabulary)).toBe('idempotency keys');
    expect(suggestQuery('golnag', vocabulary)).toBe('golang');
  });

  it('offers nothing for known words, words being typed, short words or words far from any', () => {
    expect(suggestQuery('kafka', vocabulary)).toBeUndefined();
    expect(suggestQuery('kube', vocabulary)).toBeUndefined();
    expect(suggestQuery('k8s', vocabulary)).toBeUndefined();
    expect(suggestQuery('zzzzzzzz', vocabulary)).toBeUndefined();
    expect(suggestQuery('', vocabulary)).toBeUndefined();
  });
});

describe('did you mean keeps English words as typed', () => {
  const vocabulary = buildVocabulary(['During Deploys', 'Calculator API', 'Still Need Tests', 'Kafka'], []);
  const keys = [...vocabulary.titles, ...vocabulary.terms].map(normalizeSearchText);
  const withEnglish = {
    ...vocabulary,
    english: englishNearVocabulary(['buying', 'calculation', 'skills', 'needed', 'stall', 'kafka'], keys),
  };

  it('ships only the English words a correction could reach, never a vocabulary word', () => {
    // "calculation" is two edits from "calculator" (11 letters may be two away); "stall" one from "still".
    expect(withEnglish.english).toEqual(['calculation', 'stall']);
  });

  it('rewrites no English word into a word of the site, and still corrects a misspelt one beside it', () => {
    expect(suggestQuery('buying', withEnglish)).toBeUndefined();
    expect(suggestQuery('expensive calculation', withEnglish)).toBeUndefined();
    expect(suggestQuery('skills needed', withEnglish)).toBeUndefined();
    expect(suggestQuery('stall', withEnglish)).toBeUndefined();
    expect(suggestQuery('kafak skills', withEnglish)).toBe('kafka skills');
  });

  it('allows one edit up to seven letters and two from eight', () => {
    expect([4, 7, 8, 16].map(allowedEdits)).toEqual([1, 1, 2, 2]);
  });
});

describe('the English word list', () => {
  const english = parseWordList(readFileSync('src/lib/search/english-words.txt', 'utf8'));

  it('holds common English words, lower case, and none of the misspellings learners type', () => {
    expect(english.length).toBeGreaterThan(20_000);
    expect(english).toEqual(expect.arrayContaining(['buying', 'calculation', 'skills', 'needed', 'differently']));
    expect(english.every((word) => /^[a-z]{4,}$/.test(word))).toBe(true);
    const typos = ['postgress', 'kubernets', 'kafak', 'djano', 'cahce', 'websokets', 'idempotancy', 'consistancy'];
    expect(english.filter((word) => typos.includes(word))).toEqual([]);
  });
});

describe('splitRunTogether', () => {
  const vocabulary = buildVocabulary(
    ['Load Balancing', 'Rate Limiting', 'Health checks', 'WebSockets', 'Middleware', 'Message queues'],
    ['load balancer', 'loadbalancer'],
  );
  it('writes two site words run together apart, even when a search term holds them joined', () => {
    expect(splitRunTogether('loadbalancer', vocabulary)).toBe('load balancer');
    expect(splitRunTogether('ratelimiting', vocabulary)).toBe('rate limiting');
    expect(suggestQuery('Ratelimiting per user', vocabulary)).toBe('Rate Limiting per user');
  });
  it('takes an acronym of three letters the site writes as one of the two, in its capitals', () => {
    const withAcronyms = buildVocabulary(['SQL Injection', 'API Gateway', 'The Event Loop'], ['JWT auth']);
    expect(withAcronyms.acronyms).toEqual(['SQL', 'API', 'JWT']);
    expect(splitRunTogether('sqlinjection', withAcronyms)).toBe('SQL injection');
    expect(splitRunTogether('apigateway', withAcronyms)).toBe('API gateway');
    expect(splitRunTogether('jwtauth', withAcronyms)).toBe('JWT auth');
    // Two acronyms are no word the site writes; "the" is no acronym, though a title starts with it.
    expect(splitRunTogether('sqlapi', withAcronyms)).toBeUndefined();
    expect(splitRunTogether('theevent', withAcronyms)).toBeUndefined();
  });
  it('never splits a word a title holds whole, or into parts the site does not use', () => {
    expect(splitRunTogether('websockets', vocabulary)).toBeUndefined();
    expect(splitRunTogether('middleware', vocabulary)).toBeUndefined();
    expect(splitRunTogether('messagequeue', vocabulary)).toBeUndefined();
    expect(splitRunTogether('kafka', vocabulary)).toBeUndefined();
  });
});
