/** Page weight (src/dev/page-weight.ts), which the budgets rest on: every file a first view loads is counted once. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { measurePage } from '../../../src/dev/page-weight.ts';

const dist = mkdtempSync(join(tmpdir(), 'atlas-weight-'));
const files: Record<string, string> = {
  'roadmaps/api/index.html':
    '<link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/a.css" media="print"><script type="module" src="/_astro/page.js"></script><script src="/pagefind/pagefind.js"></script><style>p{}</style>',
  '_astro/a.css': '@font-face{src:url(/fonts/inter.woff2)}@font-face{src:url("/fonts/inter.woff2")}body{margin:0}',
  '_astro/page.js': 'import "./chunk.js";import{x}from"../shared/util.js";x()',
  '_astro/chunk.js': 'import{x}from"../shared/util.js";console.log(x)',
  'shared/util.js': 'export const x=()=>1',
  'fonts/inter.woff2': 'wOF2 font bytes',
};
for (const [path, body] of Object.entries(files)) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), body);
}
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const gzip = (path: string) => gzipSync(Buffer.from(files[path]!), { level: 6 }).length;

describe('page weight', () => {
  it('counts the HTML, its stylesheets and their fonts, its scripts and every module they import, each once', () => {
    const weight = measurePage(dist, '/roadmaps/api/');
    expect(weight.files.map((f) => [f.kind, f.path])).toEqual([
      ['html', '/roadmaps/api/'],
      ['css', '/_astro/a.css'],
      ['font', '/fonts/inter.woff2'],
      ['js', '/_astro/page.js'],
      ['js', '/_astro/chunk.js'],
      ['js', '/shared/util.js'],
    ]);
    expect(weight.files.map((f) => f.gzip)).toEqual(
      [
        'roadmaps/api/index.html',
        '_astro/a.css',
        'fonts/inter.woff2',
        '_astro/page.js',
        '_astro/chunk.js',
        'shared/util.js',
      ].map(gzip),
    );
  });

  it('adds the kinds up into the total, leaving search (loaded on first use) out', () => {
    const weight = measurePage(dist, '/roadmaps/api/');
    expect(weight.js).toBe(gzip('_astro/page.js') + gzip('_astro/chunk.js') + gzip('shared/util.js'));
    expect([weight.html, weight.css, weight.fonts]).toEqual([
      gzip('roadmaps/api/index.html'),
      gzip('_astro/a.css'),
      gzip('fonts/inter.woff2'),
    ]);
    expect(weight.total).toBe(weight.html + weight.css + weight.js + weight.fonts);
    expect(weight.files.some((f) => f.path.startsWith('/pagefind/'))).toBe(false);
  });
});
