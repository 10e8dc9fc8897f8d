/**
 * No raw backtick where a reader meets a built page: its visible text (code and preformatted text aside, where a
 * backtick may be real code), its <title>, the descriptions and labels in its attributes, its structured data, and the
 * Atom feed. Inline code in a title or summary (`ETag`) is drawn as <code> on a page and as plain words where no
 * element can go (src/core/format/inline-code.ts). Reads dist/ (or ATLAS_DIST), like html-validate.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../e2e/build-output.ts';

if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run \`npm run build\` first.`);

const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .sort();
const BACKTICK = /`|&#96;|&#x60;|&grave;/i;
// Elements whose text a reader does not see as prose: code, scripts, styles, the lab editor's starter, diagrams.
const NOT_PROSE = /<(pre|code|script|style|template|textarea|svg)\b[\s\S]*?<\/\1>/g;
// A tag with its attributes, quoted values included (a value may hold ">").
const TAG = /<[a-z!/](?:[^>"']|"[^"]*"|'[^']*')*>/gi;
// Attributes a browser, a screen reader, a link preview or a search engine shows.
const SHOWN_ATTRIBUTE = /\s(content|aria-label|alt|title|placeholder)="([^"]*)"/g;

/** Where the page shows a raw backtick: a few characters around each, in words. */
function rawBackticks(html: string): string[] {
  const around = (text: string) =>
    [...text.matchAll(/.{0,40}(?:`|&#96;|&#x60;|&grave;).{0,40}/gi)].map((m) => m[0].trim());
  const text = html.replace(NOT_PROSE, ' ').replace(TAG, ' ').replace(/\s+/g, ' ');
  const attributes = [...html.matchAll(SHOWN_ATTRIBUTE)]
    .filter((m) => BACKTICK.test(m[2]!))
    .map((m) => `${m[1]}="${m[2]!.slice(0, 80)}"`);
  const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
    .filter((m) => BACKTICK.test(m[1]!))
    .map(() => 'structured data (JSON-LD)');
  return [...around(text), ...attributes, ...jsonLd];
}

describe('no built page shows a raw backtick', () => {
  it('finds one where a page has it, in its text, its title or its description', () => {
    expect(rawBackticks('<title>Use `ETag`</title><p>Answer with <code>304</code></p>')).toEqual([
      expect.stringContaining('Use `ETag`'),
    ]);
    expect(rawBackticks('<p>A <code>`template`</code> literal</p><pre>`x`</pre>')).toEqual([]);
    expect(rawBackticks('<meta name="description" content="Send `ETag` back">')).toEqual([
      'content="Send `ETag` back"',
    ]);
  });

  it('in any page of the build', () => {
    expect(pages.length).toBeGreaterThan(100);
    const found = pages.flatMap((file) =>
      rawBackticks(readFileSync(join(DIST, file), 'utf8')).map((where) => `${file}: ${where}`),
    );
    expect(found).toEqual([]);
  });

  it('in the Atom feed of changes', () => {
    const feed = readFileSync(join(DIST, 'changes/feed.xml'), 'utf8');
    expect(feed.match(/<(title|summary)>[^<]*`[^<]*<\/\1>/g) ?? []).toEqual([]);
  });
});
