/** dist/_headers for Netlify and Cloudflare Pages, and the README's nginx lines that must say the same. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { metaPolicy, parsePolicy } from '../../src/integrations/security-headers.ts';
import { cspHash } from '../../src/lib/content/csp.ts';
import { parseHeadersFile } from '../../src/dev/static-host.ts';
import { builtPages, DIST } from './build-output.ts';

/** The headers of the `/*` block of dist/_headers. */
function headersForAll(): Map<string, string> {
  return new Map(
    parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8')).find((rule) => rule.pattern === '/*')!.headers,
  );
}

test('dist/_headers sends a CSP with frame-ancestors and the other security headers on every path', () => {
  const headers = headersForAll();
  expect(parsePolicy(headers.get('Content-Security-Policy')!).get('frame-ancestors')).toBe("'none'");
  expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  for (const name of ['Referrer-Policy', 'Permissions-Policy', 'Strict-Transport-Security'])
    expect(headers.get(name), name).toBeTruthy();
  expect(headers.get('Strict-Transport-Security')).toMatch(/max-age=\d{8,}/);
});

test('the header CSP repeats only what every page’s meta policy says alike, so it never blocks a page’s own scripts', () => {
  const header = parsePolicy(headersForAll().get('Content-Security-Policy')!);
  for (const name of ['default-src', 'script-src', 'style-src']) expect(header.has(name), name).toBe(false);
  const pages = builtPages().filter((p) => !p.html.includes('http-equiv="refresh"'));
  // Differences are gathered and compared once: an expect a directive of every page took two minutes of a worker.
  const differ: string[] = [];
  for (const { path, html } of pages) {
    const meta = parsePolicy(metaPolicy(html) ?? '');
    for (const [name, value] of header)
      if (name !== 'frame-ancestors' && meta.get(name) !== value)
        differ.push(`${path} ${name}: ${meta.get(name)} in the page, ${value} in the header`);
  }
  expect(differ).toEqual([]);
});

test('every inline <style> and <script> of every page is allowed by that page’s CSP, through its hash', () => {
  const pages = builtPages().filter((p) => !p.html.includes('http-equiv="refresh"'));
  expect(pages.length).toBeGreaterThan(100);
  let inline = 0;
  const unhashed: string[] = [];
  for (const { path, html } of pages) {
    const meta = parsePolicy(metaPolicy(html) ?? '');
    for (const [, tag, attributes, body] of html.matchAll(/<(style|script)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
      if (tag === 'script' && /\ssrc=/.test(attributes!)) continue;
      if (tag === 'script' && /type="application\/(ld\+)?json"/.test(attributes!)) continue;
      inline++;
      const allowed = meta.get(`${tag}-src`)?.split(' ') ?? [];
      if (!allowed.includes(`'${cspHash(body!)}'`))
        unhashed.push(`${path}: <${tag}${attributes}> ${body!.slice(0, 60)}…`);
    }
  }
  expect(unhashed, 'inline code whose hash the page’s CSP does not list').toEqual([]);
  expect(inline).toBeGreaterThan(pages.length);
});

test('the README’s nginx lines send the same headers as dist/_headers', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const nginx = new Map([...readme.matchAll(/^\s*add_header (\S+) "([^"]*)" always;$/gm)].map((m) => [m[1]!, m[2]!]));
  expect(Object.fromEntries(nginx)).toEqual(Object.fromEntries(headersForAll()));
});

test('the README’s nginx location for /_astro/ sends the assets’ caching and script policy of dist/_headers', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const location = /location \/_astro\/ \{([\s\S]*?)\n\s*\}/.exec(readme)![1]!;
  const lines = new Map([...location.matchAll(/^\s*add_header (\S+) "([^"]*)";$/gm)].map((m) => [m[1]!, m[2]!]));
  const rule = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8')).find((r) => r.pattern === '/_astro/*')!;
  expect(Object.fromEntries(lines)).toEqual(Object.fromEntries(rule.headers));
});

test('the README’s nginx locations for /labs/ and /pagefind/ send the isolation headers of dist/_headers', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'));
  for (const path of ['/labs/', '/pagefind/']) {
    const location = new RegExp(`location ${path} \\{([\\s\\S]*?)\\n\\s*\\}`).exec(readme)![1]!;
    const lines = new Map([...location.matchAll(/^\s*add_header (\S+) "([^"]*)";$/gm)].map((m) => [m[1]!, m[2]!]));
    const rule = rules.find((r) => r.pattern === `${path}*`)!;
    expect(Object.fromEntries(lines), path).toEqual(Object.fromEntries(rule.headers));
  }
});

test('lab pages are cross-origin isolated, and the scripts they start as workers may be: other pages are not', async ({
  page,
}) => {
  const lab = (await page.goto('/labs/py-lru-cache/'))!;
  expect(lab.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(lab.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const topic = (await page.goto('/topics/'))!;
  expect(topic.headers()['cross-origin-embedder-policy']).toBeUndefined();
});

test('the tests’ server sends those headers as a host would: the CSP on pages, a year of caching on hashed assets', async ({
  page,
}) => {
  const response = (await page.goto('/topics/'))!;
  expect(parsePolicy(response.headers()['content-security-policy'] ?? '').get('frame-ancestors')).toBe("'none'");
  const assets = await page
    .locator('link[rel="stylesheet"][href^="/_astro/"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
  expect(assets.length).toBeGreaterThan(0);
  const asset = await page.request.get(assets[0]!);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  // Scripts, workers among them, carry a policy without 'unsafe-eval' (both policies apply: comma-joined).
  const worker = readdirSync(join(DIST, '_astro')).find((f) => /^sql-worker-.*\.js$/.test(f))!;
  const policies = (await page.request.get(`/_astro/${worker}`)).headers()['content-security-policy']!.split(', ');
  expect(policies).toContain("script-src 'self' 'wasm-unsafe-eval'");
});
