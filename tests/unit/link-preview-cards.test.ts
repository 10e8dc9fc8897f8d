/** The share-cards build step: which cards the site has, what is drawn, where cards land; drawing is mocked except in the pool test. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RawEntry } from '../../src/lib/content/content-files.ts';
import { cardKey } from '../../src/lib/cards/link-preview-card.ts';
import { SITE_CARD } from '../../src/lib/cards/link-preview-content.ts';
import { cardPool, copyCards, drawMissing, planCards } from '../../src/integrations/link-preview-cards.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-cards-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const topic = (id: string, title: string): RawEntry => ({
  collection: 'topics',
  id,
  file: `content/topics/${id}.md`,
  data: {
    created: '2026-11-01',
    updated: '2026-11-01',
    title,
    summary: 'A summary that is long enough.',
    area: 'security',
    hours: 3,
    resources: [{ title: 'Spec', url: 'https://example.org/spec', type: 'spec' }],
    selfCheck: [1, 2, 3].map((n) => ({
      question: `Why does mechanism number ${n} behave the way it does?`,
      answer: `Because of reason number ${n}, which a learner can explain after reading the page carefully.`,
    })),
  },
  body: '',
  bodyLine: 1,
});
const comparison: RawEntry = {
  collection: 'comparisons',
  id: 'a-vs-b',
  file: 'content/comparisons/a-vs-b.yaml',
  data: {},
  body: '',
  bodyLine: 1,
};

describe('planCards', () => {
  it('plans the site card and one card per entry of a card collection, at the URL the pages link to', () => {
    const jobs = planCards([topic('jwt', 'JSON Web Tokens'), comparison]);
    expect(jobs).toEqual([
      { path: 'og/site.png', input: SITE_CARD },
      {
        path: 'og/topics/jwt.png',
        input: { kind: 'Topic', title: 'JSON Web Tokens', facts: ['About 3 h to learn', '1 resources'] },
      },
    ]);
  });

  it('names the file when an entry cannot be parsed', () => {
    expect(() => planCards([{ ...topic('jwt', 'JSON Web Tokens'), data: { title: 'JSON Web Tokens' } }])).toThrow(
      /content\/topics\/jwt\.md: its share card cannot be drawn/,
    );
  });
});

describe('drawMissing and copyCards', () => {
  const cache = join(root, 'cache');
  const jobs = planCards([
    topic('jwt', 'JSON Web Tokens'),
    topic('oauth', 'OAuth 2.0'),
    topic('jwt-again', 'JSON Web Tokens'),
  ]);
  const fakeDraw = vi.fn(async (input: { title: string }) => {
    writeFileSync(join(cache, `${cardKey(input as never)}.png`), `png of ${input.title}`);
  });

  it('draws each distinct card once, and nothing the cache already has', async () => {
    mkdirSync(cache, { recursive: true });
    expect(await drawMissing(jobs, cache, fakeDraw)).toBe(3); // site, jwt (twice the same card), oauth
    expect(fakeDraw).toHaveBeenCalledTimes(3);
    expect(await drawMissing(jobs, cache, fakeDraw)).toBe(0);
    expect(fakeDraw).toHaveBeenCalledTimes(3);
  });

  it('copies every card to its path in the build, the same card to both pages that show it', async () => {
    const out = join(root, 'dist');
    await copyCards(jobs, cache, out);
    expect(readFileSync(join(out, 'og/topics/jwt.png'), 'utf8')).toBe('png of JSON Web Tokens');
    expect(readFileSync(join(out, 'og/topics/jwt-again.png'), 'utf8')).toBe('png of JSON Web Tokens');
    expect(readFileSync(join(out, 'og/site.png'), 'utf8')).toBe(`png of ${SITE_CARD.title}`);
  });

  it('fails when a card is missing from the cache instead of shipping a page without its card', async () => {
    await expect(copyCards(planCards([topic('new', 'Never drawn')]), cache, join(root, 'dist2'))).rejects.toThrow(
      /ENOENT/,
    );
  });
});

it('cardPool draws real PNG cards in worker threads into the cache', async () => {
  const cache = join(root, 'pool');
  const pool = cardPool(2, cache);
  const inputs = ['One', 'Two', 'Three'].map((title) => ({ kind: 'Topic', title, facts: ['About 1 h to learn'] }));
  try {
    await Promise.all(inputs.map(pool.draw));
  } finally {
    await pool.close();
  }
  for (const input of inputs) {
    const file = join(cache, `${cardKey(input)}.png`);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  }
});
