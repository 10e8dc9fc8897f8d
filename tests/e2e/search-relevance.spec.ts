/**
 * Search relevance on the real built index, through the /search/ page a learner uses: every query of
 * search-relevance.queries.ts is typed into its search box in turn, and its expected page must be among the first
 * three results.
 * Prints the top-1 and top-3 counts (and every miss); fails below 95 % in the top three or 80 % first.
 */
import { expect, type Page, test } from '@playwright/test';
import { RELEVANCE_QUERIES, type RelevanceQuery } from './search-relevance.queries.ts';

const TOP3_FLOOR = 0.95;
const TOP1_FLOOR = 0.8;

/** "Did you mean" is offered when a query finds fewer results than this (src/components/search/search-suggestion.ts). */
const FEW_RESULTS = 5;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The search's count and main result links (not sub-results) once the summary reports the search for exactly
 * `term` as finished. A search that answers after a newer one started is dropped by the search box (search.spec.ts
 * checks that), so the summary naming `term` means the list below it is `term`'s.
 */
async function resultsFor(page: Page, term: string): Promise<{ count: number; top: string[] }> {
  const summary = page.locator('[data-search-summary]');
  await expect(summary).toHaveText(new RegExp(`^(\\d+ results?|No results) for ${escape(term)}$`));
  const count = Number(/(\d+) results? for/.exec((await summary.textContent()) ?? '')?.[1] ?? 0);
  const top: string[] = [];
  for (let index = 0; index < Math.min(count, 3); index++) {
    const link = page.locator('[data-search-results] > li').nth(index).locator('.search-result-link');
    top.push(new URL((await link.getAttribute('href'))!, page.url()).pathname);
  }
  await expect(summary, "the results read are still this search's").toHaveText(new RegExp(` for ${escape(term)}$`));
  return { count, top };
}

/**
 * Types the query into the /search/ page's box, as a learner searching one thing after another would. A typo is
 * searched from a freshly loaded page instead: Pagefind answers a word that is not in the index differently once
 * earlier queries have loaded more of the index ("ddd" then "djano" finds 11 pages; "djano" alone finds none).
 */
async function search(page: Page, { query, kind }: RelevanceQuery): Promise<string[]> {
  if (kind === 'typo') await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  else await page.getByRole('searchbox').fill(query);
  const { count, top } = await resultsFor(page, query);
  // A typo may be answered with one "Did you mean" click, as a learner would make it. The suggestion comes
  // after the results (its vocabulary is fetched on first need), and only for a query that found little.
  const suggestion = page.locator('[data-search-suggestion] button');
  if (
    kind === 'typo' &&
    count < FEW_RESULTS &&
    (await suggestion.waitFor({ timeout: 2_000 }).then(
      () => true,
      () => false,
    ))
  ) {
    const term = (await suggestion.textContent())!.trim();
    await suggestion.click();
    return (await resultsFor(page, term)).top;
  }
  return top;
}

test('learners find the page they mean: top three and first place over the query set', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/search/');
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const item of RELEVANCE_QUERIES) {
    const top = await search(page, item);
    const rank = top.findIndex((path) => item.expect.includes(path));
    if (rank === 0) top1++;
    if (rank >= 0) top3++;
    else
      misses.push(
        `  ${item.kind.padEnd(12)} ${JSON.stringify(item.query).padEnd(28)} → ${top.join(', ') || '(nothing)'}`,
      );
  }
  const total = RELEVANCE_QUERIES.length;
  console.log(`search relevance over ${total} queries: top-1 ${top1}/${total}, top-3 ${top3}/${total}`);
  if (misses.length) console.log(`not in the top three:\n${misses.join('\n')}`);
  expect(total).toBeGreaterThanOrEqual(50);
  expect(top3 / total, `top-3 ${top3}/${total}`).toBeGreaterThanOrEqual(TOP3_FLOOR);
  expect(top1 / total, `top-1 ${top1}/${total}`).toBeGreaterThanOrEqual(TOP1_FLOOR);
});
