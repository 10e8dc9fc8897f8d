/**
 * Search relevance on the real built index, through the /search/ page a learner uses: every query of
 * search-relevance.queries.ts is searched, and its expected page must be among the first three results.
 * Prints the top-1 and top-3 counts (and every miss); fails below 95 % in the top three or 80 % first.
 */
import { expect, type Page, test } from '@playwright/test';
import { RELEVANCE_QUERIES, type RelevanceQuery } from './search-relevance.queries';

const TOP3_FLOOR = 0.95;
const TOP1_FLOOR = 0.8;

/** The main result links (not sub-results) once the summary reports the search for `term` as finished. */
async function resultsFor(page: Page, term: string): Promise<string[]> {
  const summary = page.locator('pagefind-summary');
  await expect(summary).toContainText(term);
  await expect(summary).toHaveText(/\d+ results? for|No results for/);
  const count = Number(/(\d+) results? for/.exec((await summary.textContent()) ?? '')?.[1] ?? 0);
  const links = page.locator('pagefind-results .pf-result .pf-result-link');
  await expect.poll(() => links.count()).toBeGreaterThanOrEqual(Math.min(count, 3));
  return (await links.evaluateAll((as) => as.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname)));
}

async function search(page: Page, { query, kind }: RelevanceQuery): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  const top = await resultsFor(page, query);
  // A typo may be answered with one "Did you mean" click, as a learner would make it.
  const suggestion = page.locator('[data-search-suggestion] button');
  if (kind === 'typo' && (await suggestion.isVisible())) {
    const term = (await suggestion.textContent())!.trim();
    await suggestion.click();
    return resultsFor(page, term);
  }
  return top;
}

test('learners find the page they mean: top three and first place over the query set', async ({ page }) => {
  test.setTimeout(360_000);
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const item of RELEVANCE_QUERIES) {
    const top = await search(page, item);
    const rank = top.findIndex((path) => item.expect.includes(path));
    if (rank === 0) top1++;
    if (rank >= 0) top3++;
    else misses.push(`  ${item.kind.padEnd(12)} ${JSON.stringify(item.query).padEnd(28)} → ${top.join(', ') || '(nothing)'}`);
  }
  const total = RELEVANCE_QUERIES.length;
  console.log(`search relevance over ${total} queries: top-1 ${top1}/${total}, top-3 ${top3}/${total}`);
  if (misses.length) console.log(`not in the top three:\n${misses.join('\n')}`);
  expect(total).toBeGreaterThanOrEqual(50);
  expect(top3 / total, `top-3 ${top3}/${total}`).toBeGreaterThanOrEqual(TOP3_FLOOR);
  expect(top1 / total, `top-1 ${top1}/${total}`).toBeGreaterThanOrEqual(TOP1_FLOOR);
});
