/** What the local static host sends: the file for a path, the trailing-slash redirect, the 404 page, `_headers`, gzip. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFile } from '../../src/integrations/security-headers';
import { answerFor, compressible, contentType, headersFor, parseHeadersFile, patternMatches, staticHost } from '../../src/lib/static-host';

describe('parseHeadersFile', () => {
  it('reads the file the build writes: every block, every header, in order', () => {
    const rules = parseHeadersFile(headersFile("img-src 'self'; frame-ancestors 'none'"));
    expect(rules.map((r) => r.pattern)).toEqual(['/*', '/_astro/*']);
    expect(rules[0]!.headers[0]).toEqual(['Content-Security-Policy', "img-src 'self'; frame-ancestors 'none'"]);
    expect(rules[0]!.headers.map(([name]) => name)).toContain('Strict-Transport-Security');
    expect(rules[1]!.headers).toEqual([
      ['Cache-Control', 'public, max-age=31536000, immutable'],
      ['Content-Security-Policy', "script-src 'self' 'wasm-unsafe-eval'"],
    ]);
  });

  it('skips comments and blank lines, and keeps colons inside a value', () => {
    expect(parseHeadersFile('# a comment\n\n/a\n  Link: <https://x.test/>; rel=preload\n')).toEqual([{ pattern: '/a', headers: [['Link', '<https://x.test/>; rel=preload']] }]);
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

it('contentType knows the build’s file types and sends the rest as bytes', () => {
  expect(contentType('a/index.html')).toBe('text/html; charset=utf-8');
  expect(contentType('manifest.webmanifest')).toBe('application/manifest+json');
  expect(contentType('pagefind/index/en_1.pf_index')).toBe('application/octet-stream');
});

describe('answerFor', () => {
  const files = new Set(['index.html', '404.html', 'topics/jwt/index.html', 'sw.js']);
  const kind = (relative: string) => (files.has(relative) ? 'file' : [...files].some((f) => f.startsWith(`${relative}/`)) ? 'dir' : undefined);

  it('serves a folder’s index and a file as named', () => {
    expect(answerFor('/', kind)).toEqual({ status: 200, file: 'index.html' });
    expect(answerFor('/topics/jwt/', kind)).toEqual({ status: 200, file: 'topics/jwt/index.html' });
    expect(answerFor('/sw.js', kind)).toEqual({ status: 200, file: 'sw.js' });
  });

  it('redirects a folder without its slash to the slashed URL', () => {
    expect(answerFor('/topics/jwt', kind)).toEqual({ status: 301, location: '/topics/jwt/' });
  });

  it('answers the 404 page for what is not there, a folder without an index, or a path that climbs out', () => {
    for (const path of ['/nope/', '/nope.js', '/topics/', '/topics', '/../etc/passwd', '/%2e%2e/secret', '/%E0%A4%A'])
      expect(answerFor(path, kind), path).toEqual({ status: 404, file: '404.html' });
    expect(answerFor('/nope', () => undefined)).toEqual({ status: 404 });
  });
});

describe('staticHost', () => {
  let dir = '';
  let origin = '';
  const server = staticHost(() => dir);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-host-'));
    mkdirSync(join(dir, 'topics/jwt'), { recursive: true });
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, 'topics/jwt/index.html'), '<h1>JWT</h1>');
    writeFileSync(join(dir, '_astro/a.css'), 'h1{}');
    writeFileSync(join(dir, '404.html'), '<h1>Not here</h1>');
    writeFileSync(join(dir, 'index.html'), '<h1>Home</h1>');
    writeFileSync(join(dir, '_headers'), headersFile("frame-ancestors 'none'"));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a page with the security headers of _headers', async () => {
    const response = await fetch(`${origin}/topics/jwt/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<h1>JWT</h1>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBeNull();
  });

  it('caches hashed assets for a year', async () => {
    const response = await fetch(`${origin}/_astro/a.css`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('compresses text with gzip when the browser accepts it, and only then', async () => {
    const page = `<h1>Home</h1>${'<p>Backend Atlas</p>'.repeat(200)}`;
    writeFileSync(join(dir, 'index.html'), page);
    const zipped = await new Promise<IncomingMessage>((done) => get(`${origin}/`, { headers: { 'Accept-Encoding': 'gzip, br' } }, done));
    const chunks: Buffer[] = [];
    for await (const chunk of zipped) chunks.push(chunk as Buffer);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toBe('Accept-Encoding');
    expect(Number(zipped.headers['content-length'])).toBeLessThan(page.length / 10);
    expect(gunzipSync(Buffer.concat(chunks)).toString()).toBe(page);
    const plain = await new Promise<IncomingMessage>((done) => get(`${origin}/`, { headers: { 'Accept-Encoding': 'identity' } }, done));
    plain.resume();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(page.length);
  });

  it('compresses text types only: images, fonts, WebAssembly and Pagefind’s chunks go as they are', () => {
    for (const file of ['a.html', 'a.js', 'a.css', 'a.json', 'manifest.webmanifest', 'sitemap.xml', 'favicon.svg']) expect(compressible(contentType(file)), file).toBe(true);
    for (const file of ['icon.png', 'inter.woff2', 'wasm.en.pagefind', 'pagefind/index/en_1.pf_index', 'pagefind.wasm']) expect(compressible(contentType(file)), file).toBe(false);
  });

  it('redirects to the trailing slash, keeping the query', async () => {
    const response = await fetch(`${origin}/topics/jwt?x=1`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/topics/jwt/?x=1');
  });

  it('answers a missing page with the site’s 404 page and status 404', async () => {
    const response = await fetch(`${origin}/topics/nope/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<h1>Not here</h1>');
  });
});
