/**
 * What Pagefind indexed of every page, read back from the index itself (each page's fragment holds the text its
 * excerpts are cut from): the page's teaching, never its interface. No control, badge, state word or card fact
 * (src/after-build/search-index.ts, INTERFACE_SELECTORS) may reach it, or a result's excerpt reads "Pythonintermediate
 * about 20 minPassed." Reads dist/ (or ATLAS_DIST), like html-validate.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST } from '../e2e/build-output.ts';
import { INTERFACE_TEXT } from '../e2e/interface-text.ts';

const FRAGMENTS = join(DIST, 'pagefind', 'fragment');
if (!existsSync(FRAGMENTS)) throw new Error(`No search index in ${DIST}: run \`npm run build\` first.`);

/** Pagefind's fragment file: a signature, then the page's JSON. */
const SIGNATURE = 'pagefind_dcd';
const fragments = readdirSync(FRAGMENTS).map((file) => {
  const text = gunzipSync(readFileSync(join(FRAGMENTS, file))).toString('utf8');
  return JSON.parse(text.slice(SIGNATURE.length)) as { url: string; content: string };
});

describe('the search index', () => {
  it('holds every page', () => {
    expect(fragments.length).toBeGreaterThan(500);
  });

  it('holds no interface text: no excerpt can show a control, badge or state word', () => {
    const found = fragments.flatMap(({ url, content }) =>
      INTERFACE_TEXT.flatMap((pattern) => {
        const match = pattern.exec(content);
        return match ? [`${url}: …${content.slice(Math.max(0, match.index - 40), match.index + 40)}…`] : [];
      }),
    );
    expect(found).toEqual([]);
  });
});
