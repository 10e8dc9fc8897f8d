/**
 * Search on a learner's questions: English words are searched as typed and only a misspelt word is corrected; a long
 * question ranks by the words pages hold; on a phone three results fit the first screen, excerpts start at a word
 * and marks hold words only.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { named, roles } from './content.ts';

const summary = (page: Page) => page.locator('[data-search-summary]');
const suggestion = (page: Page) => page.locator('[data-search-suggestion]');
const results = (page: Page) => page.locator('[data-search-results] > li');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** /search/ with `query` searched, once its summary reports that search. */
async function searched(page: Page, query: string) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(summary(page)).toHaveText(new RegExp(`^(\\d+ results?|No results) for ${escape(query)}$`));
}

test('an English word the site does not use is searched as typed; a misspelt word is corrected', async ({
  readPage: page,
}) => {
  // Each was rewritten into a word of the site: "still need", "Calculator", "during".
  for (const query of [
    'skills needed for a first backend job',
    'cache the result of an expensive calculation',
    'stop customers buying the same thing twice',
  ]) {
    await searched(page, query);
    await expect(suggestion(page), query).toBeEmpty();
    await expect(page.getByRole('searchbox')).toHaveValue(query);
  }
  await searched(page, 'what is eventual consistancy');
  await expect(suggestion(page)).toHaveText('Did you mean what is eventual consistency?');
});

test('a long question ranks by the words pages hold, though a page holds not all of them', async ({
  readPage: page,
}) => {
  await searched(page, 'what does a senior backend engineer do differently');
  await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', roles.senior.url);
  await searched(page, 'skills needed for a first backend job');
  const hrefs = await results(page)
    .locator('.search-result-link')
    .evaluateAll((links) => links.slice(0, 3).map((link) => link.getAttribute('href')));
  expect(hrefs, 'the junior role among the first three').toContain(roles.junior.url);
  await searched(page, 'how do i stop sql injection');
  await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', named.sqlInjection.url);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  /** The bottom of the third result and of the screen (or the dialog's scrolling body), in CSS pixels. */
  const thirdResultFits = async (page: Page, within: string | undefined) =>
    page.evaluate((within) => {
      const third = document.querySelectorAll('[data-search-results] > li')[2];
      const bottom = within ? document.querySelector(within)!.getBoundingClientRect().bottom : innerHeight;
      return { third: third?.getBoundingClientRect().bottom ?? Infinity, bottom };
    }, within);

  test('three results fit the first screen of the search page and of the dialog; Filters is a touch target', async ({
    page,
  }) => {
    await searched(page, 'jwt');
    await expect(results(page).nth(2)).toBeVisible();
    const onPage = await thirdResultFits(page, undefined);
    expect(onPage.third, 'the third result ends on the first screen').toBeLessThanOrEqual(onPage.bottom);
    const filters = await page.getByText('Filters', { exact: true }).boundingBox();
    expect(filters?.height, 'the Filters disclosure is a 44 px touch target').toBeGreaterThanOrEqual(44);

    await page.goto('/topics/');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('dialog').getByRole('searchbox').fill('jwt');
    await expect(results(page).nth(2)).toBeVisible();
    const inDialog = await thirdResultFits(page, 'dialog[open] .search-body');
    expect(inDialog.third, 'the third result ends inside the open dialog').toBeLessThanOrEqual(inDialog.bottom);
  });

  test('excerpts start at a word, and a mark holds a word without its punctuation', async ({ page }) => {
    for (const query of ['jwt', 'kafka', 'cache', 'idempotency']) {
      await searched(page, query);
      const excerpts = await page.locator('.search-result-excerpt').allTextContents();
      expect(excerpts.length, query).toBeGreaterThan(2);
      for (const text of excerpts) expect(text, query).toMatch(/^…?[\p{L}\p{N}“"'(]/u);
      const marks = await page.locator('[data-search-results] mark').allTextContents();
      expect(marks.length, query).toBeGreaterThan(2);
      for (const mark of marks) expect(mark, query).toMatch(/^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/u);
    }
  });
});
