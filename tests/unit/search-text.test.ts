import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTerms, normalizeSearchText } from '../../src/lib/search/search-text.ts';

describe('search text normalization', () => {
  it('writes symbol terms as one word, the same way they are spelled out', () => {
    const cases: [string, string][] = [
      ['n+1', 'nplusone'],
      ['N + 1 queries', 'nplusone queries'],
      ['n plus one', 'nplusone'],
      ['c#', 'csharp'],
      ['C sharp', 'csharp'],
      ['c++', 'cplusplus'],
      ['F#', 'fsharp'],
      ['.net', 'dotnet'],
      ['dot net', 'dotnet'],
      ['ASP.NET Core', 'aspnet core'],
      ['Node.js', 'nodejs'],
      ['http/2', 'http2'],
      ['HTTP/1.1', 'http1'],
      ['http 3', 'http3'],
      ['oauth2', 'oauth2'],
      ['OAuth 2.0', 'oauth2'],
      ['ci/cd', 'cicd'],
      ['TCP/IP', 'tcpip'],
      ['pub/sub', 'pubsub'],
      ['404', '404'],
      ['@Transactional', 'transactional'],
    ];
    for (const [input, output] of cases) expect(normalizeSearchText(input), input).toBe(output);
  });

  it('leaves numbers after "http" alone when they are status codes', () => {
    expect(normalizeSearchText('http 200 ok')).toBe('http 200 ok');
    expect(normalizeSearchText('HTTP 404 vs 410')).toBe('http 404 410');
    expect(normalizeSearchText('oauth 2xx')).toBe('oauth 2xx');
  });

  it('drops the filler of questions and comparisons, but never the whole query', () => {
    expect(normalizeSearchText('What is a JWT?')).toBe('jwt');
    expect(normalizeSearchText("what's the CAP theorem")).toBe('cap theorem');
    expect(normalizeSearchText('Kafka vs RabbitMQ')).toBe('kafka rabbitmq');
    expect(normalizeSearchText('monolith versus microservices')).toBe('monolith microservices');
    expect(normalizeSearchText('how does dns work')).toBe('dns');
    expect(normalizeSearchText('what is')).toBe('what is');
  });

  it('keeps the words of the query in order and does not invent any', () => {
    expect(normalizeSearchText('  Go’s   context package ')).toBe('go context package');
    expect(normalizeSearchText('')).toBe('');
  });

  it('is idempotent, so index and query agree however often text passes through it', () => {
    const piece = fc.constantFrom(
      'n+1',
      'c#',
      'c++',
      '.net',
      'http/2',
      'oauth 2.0',
      '404',
      'vs',
      'what is',
      'Go',
      'node.js',
      'ci/cd',
      ' ',
      '+',
      '#',
      '/',
      '.',
      'x',
      '_',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 8 }), (pieces) => {
        const once = normalizeSearchText(pieces.join(''));
        expect(normalizeSearchText(once)).toBe(once);
      }),
    );
  });

  it('gives the index each word of the title and search terms once', () => {
    expect(indexTerms('The N+1 Query Problem', ['n plus one', 'lazy loading', 'N+1 queries'])).toBe(
      'nplusone query problem lazy loading queries',
    );
    expect(indexTerms('C#')).toBe('csharp');
  });
});
