/**
 * The learner's vocabulary finds its pages: a phrase of content/learner-vocabulary.yaml typed into the search box puts
 * a page it means first, through the build's own search (its words weigh on those pages in the index, and the
 * exact-phrase shards put a page the whole phrase names first). These are phrasings of the issue that asked for the
 * vocabulary; built without it, none of them finds its page first. tests/built/search-vocabulary.test.ts checks
 * every phrase in the index itself.
 */
import { readVocabulary } from '../../src/lib/content/learner-vocabulary.ts';
import { entryUrl } from '../../src/lib/site/urls.ts';
import type { CollectionName } from '../../src/schemas/shared.ts';
import { expect, test } from './fixtures.ts';

const PHRASES = [
  'dlq',
  // Run together, as learners type it; no page holds it and neither half is a site word, so it is not split.
  'deadletter',
  'push data to the browser',
  'latest row per group',
  'third party api is slow',
  'app freezes under heavy calculation',
  'keep secrets out of git',
  'clickjacking',
];

const { meanings } = readVocabulary();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a learner’s phrasing from the vocabulary finds a page it means first', async ({ readPage: page }) => {
  await page.goto('/search/');
  for (const phrase of PHRASES)
    await test.step(phrase, async () => {
      const means = meanings.find(({ says }) => says.includes(phrase))?.means ?? [];
      expect(means, `"${phrase}" is in content/learner-vocabulary.yaml`).not.toEqual([]);
      await page.getByRole('searchbox').fill(phrase);
      await expect(page.locator('[data-search-summary]')).toHaveText(
        new RegExp(`\\d+ results? for ${escape(phrase)}$`),
      );
      const first = await page.locator('[data-search-results] > li .search-result-link').first().getAttribute('href');
      const pages = means.map((target) => entryUrl(...(target.split('/') as [CollectionName, string])));
      expect(pages, `the first result for "${phrase}"`).toContain(new URL(first!, page.url()).pathname);
    });
});
