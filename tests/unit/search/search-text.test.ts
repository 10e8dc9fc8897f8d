import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTerms, normalizeSearchText, titleAliases } from '../../../src/lib/search/search-text.ts';

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

  it('drops what a learner\'s question wraps around its subject: pronouns, "become", "learn", the kind of page', () => {
    expect(normalizeSearchText('why is my query slow')).toBe('query slow');
    expect(normalizeSearchText('How can I become a DevOps engineer?')).toBe('devops engineer');
    expect(normalizeSearchText('I want to learn Go')).toBe('go');
    expect(normalizeSearchText("what's the best docker tutorial for beginners")).toBe('docker');
    expect(normalizeSearchText('what does idempotent mean')).toBe('idempotent');
    expect(normalizeSearchText("I'm stuck: should we use SQL or NoSQL?")).toBe('stuck sql nosql');
  });

  it('reads "my sql" as MySQL, not as "my" and "sql"', () => {
    expect(normalizeSearchText('My SQL')).toBe('mysql');
    expect(normalizeSearchText('mysql vs postgres')).toBe('mysql postgres');
    expect(normalizeSearchText('why is my sql query slow')).toBe('mysql query slow');
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

  it('reads both names of a title "X (Y)", and none of any other title', () => {
    expect(titleAliases('Go (Golang)')).toBe('go|golang');
    expect(titleAliases('Cross-Site Request Forgery (CSRF)')).toBe('cross site request forgery|csrf');
    expect(titleAliases('Cloud Platforms (AWS, GCP, Azure)')).toBe('cloud platforms|aws gcp azure');
    expect(titleAliases('Apache Kafka')).toBe('');
    expect(titleAliases('What is broken object level authorization (IDOR), and how do you prevent it?')).toBe('');
  });
});
