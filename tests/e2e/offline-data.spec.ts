/**
 * Offline, a page still has the data it fetches. With the HTTP cache emptied and the network cut, a roadmap keeps
 * the "lab ✓" ticks of the labs a learner passed (/labs/topics.json is in the shell the worker precaches, so this
 * holds even when the page was first fetched before the worker was there), and a topic's review card fetched online
 * opens again (the worker keeps data files as pages fetch them).
 */
import { mainRoadmap, sqlLab } from './content.ts';
import { expect, node, storeText, test } from './learner.ts';
import { controlled, cutNetwork } from './offline-helpers.ts';

const PASSED = '2026-11-24T10:00:00.000Z';

// The worker is the subject here (playwright.config.ts blocks it for every other spec).
test.use({
  serviceWorkers: 'allow',
  progress: storeText({
    topics: { [sqlLab.home.id]: 'done' },
    labs: { [sqlLab.id]: { passed: PASSED, runs: 1, updated: PASSED } },
  }),
});

test('a roadmap keeps its lab ticks offline', async ({ context, page }) => {
  await page.goto(mainRoadmap.url);
  const tag = node(page, sqlLab.home.id).locator('.rg-lab');
  await expect(tag).toHaveText('lab ✓ (you passed a lab on it)');
  await controlled(page);
  await cutNetwork(context, page);
  await page.reload();
  await expect(page.locator('[data-progress-summary]')).toContainText('1 lab passed');
  await expect(tag).toHaveText('lab ✓ (you passed a lab on it)');
});

test('a topic’s review card fetched online opens offline', async ({ context, page }) => {
  await page.goto('/practice/topics/');
  await controlled(page);
  await page.reload(); // this page's own requests now go through the worker
  const summary = page.locator('[data-summary]');
  await expect(summary).not.toHaveText(/^(Loading…)?$/);
  const text = await summary.textContent();
  await cutNetwork(context, page);
  await page.reload();
  await expect(summary).toHaveText(text!);
  await expect(page.locator('[data-load-problem]')).toBeHidden();
});
