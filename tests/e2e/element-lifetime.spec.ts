/**
 * A custom element that leaves the page stops listening: keys it handled on the document do nothing once it is
 * removed. Each test first shows the element handling the key (the key's default is prevented), then removes the
 * element and sends the same key again.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { readStoreIfAny } from './learner.ts';

/** Sends `key` to the page as a keydown on its body; true when a listener handled it (prevented its default). */
const handled = (page: Page, key: string) =>
  page.evaluate(
    (k) => !document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })),
    key,
  );

test('the header search stops answering "/" once it leaves the page', async ({ page }) => {
  await page.goto('/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  expect(await handled(page, '/')).toBe(true);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.locator('atlas-site-search').evaluate((element) => element.remove());
  expect(await handled(page, '/')).toBe(false);
  await expect(dialog).toBeHidden();
});

test('a flashcard session stops rating on 1–4 once it leaves the page, and stores nothing', async ({ page }) => {
  await page.goto('/practice/?difficulty=junior');
  await expect(page.locator('[data-card]')).toBeVisible();
  expect(await handled(page, ' ')).toBe(true);
  await expect(page.locator('[data-answer]')).toBeVisible();

  await page.locator('atlas-practice-session').evaluate((element) => element.remove());
  expect(await handled(page, '1')).toBe(false);
  expect((await readStoreIfAny(page))?.reviews ?? {}).toEqual({});
});
