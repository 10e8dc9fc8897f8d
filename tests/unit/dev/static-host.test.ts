/** What the local static host sends: the file for a path, the 404 page, and the headers of `_headers`. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFile } from '../../../src/integrations/security-headers.ts';
import { headersFor, parseHeadersFile, patternMatches, staticHost } from '../../../src/dev/static-host.ts';

describe('parseHeadersFile', () => {
  it('reads the file the build writes: every block, every header, in order', () => {
    const rules = parseHeadersFile(headersFile("img-src 'self'; frame-ancestors 'none'"));
    expect(rules.map((r) => r.pattern)).toEqual(['/*', '/_astro/*', '/pagefind/*', '/labs/*', '/pt-br/labs/*']);
    expect(rules[0]!.headers[0]).toEqual(['Content-Security-Policy', "img-src 'self'; frame-ancestors 'none'"]);
    expect(rules[0]!.headers.map(([name]) => name)).toContain('Strict-Transport-Security');
    expect(rules[1]!.headers).toEqual([
      ['Cache-Control', 'public, max-age=31536000, immutable'],
      ['Content-Security-Policy', "script-src 'self' 'wasm-unsafe-eval'"],
      ['Cross-Origin-Embedder-Policy', 'require-corp'],
    ]);
    expect(rules[3]!.headers).toEqual([
      ['Cross-Origin-Opener-Policy', 'same-origin'],
      ['Cross-Origin-Embedder-Policy', 'require-corp'],
    ]);
  });

  it('skips comments and blank lines, and keeps colons inside a value', () => {
    expect(parseHeadersFile('# a comment\n\n/a\n  Link: <https://x.test/>; rel=preload\n')).toEqual([
      { pattern: '/a', headers: [['Link', '<https://x.test/>; rel=preload']] },
    ]);
  });

  it('names the line of a header that has no path above it, or is not a header', () => {
    expect(() => parseHeadersFile('  X-A: 1\n')).toThrow(/line 1/);
    expect(() => parseHeadersFile('/a\n  not a header\n')).toThrow(/line 2: "not a header"/);
  });
});

describe('patternMatches', () => {
  it('lets * match anything, slashes included, and :name one segment', () => {
    expect(patternMatches('/*', '/')).toBe(true);
    expect(patternMatches('/_astro/*', '/_astro/a/b.css')).toBe(true);
    expect(patternMatches('/_astro/*', '/topics/_astro/a.css')).toBe(false);
    expect(patternMatches('/topics/:id/', '/topics/jwt/')).toBe(true);
    expect(patternMatches('/topics/:id/', '/topics/jwt/more/')).toBe(false);
  });

  it('takes every other character literally', () => {
    expect(patternMatches('/a.css', '/a.css')).toBe(true);
    expect(patternMatches('/a.css', '/abcss')).toBe(false);
  });
});

it('headersFor merges every matching block, joining a header set twice', () => {
  const rules = parseHeadersFile('/*\n  X-A: 1\n  Cache-Control: no-cache\n/_astro/*\n  cache-control: immutable\n');
  expect(headersFor(rules, '/topics/')).toEqual({ 'X-A': '1', 'Cache-Control': 'no-cache' });
  expect(headersFor(rules, '/_astro/a.js')).toEqual({ 'X-A': '1', 'Cache-Control': 'no-cache, immutable' });
});

const LONG_PAGE = `<h1>Long</h1>${'<p>A paragraph of a long topic page.</p>'.repeat(200)}`;

describe('staticHost', () => {
  let dir = '';
  let origin = '';
  const server = staticHost(() => dir);

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'atlas-host-')), 'dist');
    mkdirSync(join(dir, 'topics/jwt'), { recursive: true });
    writeFileSync(join(dir, '../secret.txt'), 'outside the build');
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, 'topics/jwt/index.html'), '<h1>JWT</h1>');
    mkdirSync(join(dir, 'topics/long'));
    writeFileSync(join(dir, 'topics/long/index.html'), LONG_PAGE);
    writeFileSync(join(dir, '_astro/a.css'), 'h1{}');
    writeFileSync(join(dir, '404.html'), '<h1>Not here</h1>');
    writeFileSync(join(dir, 'index.html'), '<h1>Home</h1>');
    writeFileSync(join(dir, '_headers'), headersFile("frame-ancestors 'none'"));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('sends a page with the security headers of _headers', async () => {
    const response = await fetch(`${origin}/topics/jwt/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<h1>JWT</h1>');
    expect(response.headers.get('content-type')).toBe('text/html;charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('caches hashed assets for a year', async () => {
    const response = await fetch(`${origin}/_astro/a.css`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('text/css');
  });

  it('serves a folder asked for without its slash, and keeps a path from climbing out of the build', async () => {
    expect(await (await fetch(`${origin}/topics/jwt`)).text()).toBe('<h1>JWT</h1>');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/%E0%A4%A']) {
      const response = await new Promise<IncomingMessage>((done) =>
        get({ host: '127.0.0.1', port: new URL(origin).port, path }, done),
      );
      response.resume();
      expect(response.statusCode, path).toBe(404);
    }
  });

  it('compresses text for a browser that accepts gzip, as a static host does, and sends it whole to one that does not', async () => {
    const compressed = await fetch(`${origin}/topics/long/`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(await compressed.text()).toBe(LONG_PAGE);
    const plain = await fetch(`${origin}/topics/long/`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(LONG_PAGE);
  });

  it('answers a missing page with the site’s 404 page and status 404', async () => {
    const response = await fetch(`${origin}/topics/nope/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<h1>Not here</h1>');
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  });
});
