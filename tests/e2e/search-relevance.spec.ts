/**
 * Search relevance on the real built index, through the /search/ page a learner uses: every query of
 * search-relevance.queries.ts is typed into its search box in turn, and its expected page must be among the first
 * three results.
 * Prints the top-1 and top-3 counts of each set (and every miss); fails when a set is below its floor: 95 % in the
 * top three and 80 % first for the first two, what search reaches now for the newer two (the held-out set among them).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { sitemapPaths } from './build-output.ts';
import { HELD_OUT_QUESTIONS } from './search-questions-2026-11-26.ts';
import { FRESH_QUESTIONS } from './search-questions-2026-11-26b.ts';
import { FRESH_QUESTIONS_27 } from './search-questions-2026-11-27.ts';
import { FRESH_QUESTIONS_29 } from './search-questions-2026-11-29.ts';
import { NEW_LEARNER_QUESTIONS } from './search-questions-2026-11.ts';
import { FIRST_QUERIES, LEARNER_QUESTIONS, type RelevanceQuery } from './search-relevance.queries.ts';

/** The goal on every set: the page in the top three for 95 % of queries, first for 80 %. */
const GOAL = { top3: 0.95, top1: 0.8, queries: 50 };
/**
 * The questions of 2026-11-26 (search-questions-2026-11.ts) are held to what search reaches on them now, below the
 * goal: the misses are paraphrases that share no word with their page ("find rows quickly" for indexes, "one page
 * at a time" for pagination), which no query handling reaches.
 */
const NEW_QUESTIONS_FLOOR = { top3: 0.85, top1: 0.7, queries: 40 };
/**
 * The held-out set (search-questions-2026-11-26.ts), never tuned on. Its goal is issue 62's, 38 of 40 in the top three
 * and 32 first; measured once on 2026-11-26 it reached 37 and 35 (the misses: a secret "pushed to github", "what
 * comes after junior developer", the error "too many connections"), and is held to that.
 */
const HELD_OUT_FLOOR = { top3: 37 / 40, top1: 35 / 40, queries: 40 };
/**
 * A second held-out set (search-questions-2026-11-26b.ts), written by a reader who never saw the search code and
 * never tuned on. Measured first on 2026-11-26 (evening), before that evening's search changes: 38 of 40 first and 39
 * in the top three (the miss: "how do i query an org chart in sql"). Held to issue 62's goal, 38 and 32 of 40.
 */
const FRESH_FLOOR = { top3: 38 / 40, top1: 32 / 40, queries: 40 };
/**
 * The set of 2026-11-27 (search-questions-2026-11-27.ts), written blind by a helper session: natural questions that
 * use none of the site's words, pasted errors, typos and run-together words, practice and career questions. Measured
 * first at 33 of 50 in the top three and 17 first; with practice ranked as practice (src/lib/search/practice.ts)
 * and run-together words split (did-you-mean.ts) 39 and 28, and held there. Issue 76's goal, 95 % and 85 %, is not
 * reached: the misses are paraphrases that share no word with their page ("push new data to the browser" for
 * server-sent events). With each word's score saturated before a question's words are summed
 * (src/lib/search/any-words.ts, `WORD_SATURATION`), 42 and 34, held there.
 */
const SET_27_FLOOR = { top3: 42 / 50, top1: 34 / 50, queries: 50 };

/**
 * The set of 2026-11-29 (search-questions-2026-11-29.ts), written blind by a helper session the same way. Measured
 * first at 46 of 50 in the top three and 32 first, with the searches of a question's words run side by side and six
 * results a page (neither changes a ranking). Seeing its misses, the spelling the site uses now names the page a
 * run-together word means even when the typed word found pages ("eventsourcing": 33 first), a rule for every such
 * word; no query of the set went into the learner vocabulary. Held there. Issue 76's goal, 95 % and 85 %, is not
 * reached: the misses are paraphrases ("the other side of the world" for a CDN) and career questions. With each
 * word's score saturated (`WORD_SATURATION`), a title that shares one word of a question in another sense no longer
 * comes first ("connection is not available" and high availability): 37 first, held there.
 */
const SET_29_FLOOR = { top3: 46 / 50, top1: 37 / 50, queries: 50 };

/** A query with fewer results than this "finds little" (src/components/search/search-runner.ts). */
const FEW_RESULTS = 5;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The search's count, first three result links and "Did you mean" suggestion once the summary reports the search for
 * exactly `term` as finished. They are read in one look: the page draws all three when a search answers
 * (src/components/search/search-view.ts, `show`), and a search that answers after a newer one started is dropped
 * (search.spec.ts checks that), so what this reads is `term`'s answer whole.
 */
async function resultsFor(page: Page, term: string): Promise<{ count: number; top: string[]; suggestion?: string }> {
  const summary = page.locator('[data-search-summary]');
  await expect(summary).toHaveText(new RegExp(`^(\\d+ results?|No results) for ${escape(term)}$`));
  const view = await page.evaluate(() => ({
    summary: document.querySelector('[data-search-summary]')?.textContent ?? '',
    top: [...document.querySelectorAll('[data-search-results] > li .search-result-link')]
      .slice(0, 3)
      .map((link) => new URL(link.getAttribute('href')!, location.href).pathname),
    suggestion: document.querySelector('[data-search-suggestion] button')?.textContent?.trim(),
  }));
  expect(view.summary, "the results read are still this search's").toMatch(new RegExp(` for ${escape(term)}$`));
  const count = Number(/(\d+) results? for/.exec(view.summary)?.[1] ?? 0);
  return { count, top: view.top, ...(view.suggestion ? { suggestion: view.suggestion } : {}) };
}

/**
 * Types the query into the /search/ page's box, as a learner searching one thing after another would. A typo is
 * searched from a freshly loaded page instead: Pagefind answers a word that is not in the index differently once
 * earlier queries have loaded more of the index ("ddd" then "djano" finds 11 pages; "djano" alone finds none).
 */
async function search(page: Page, { query, kind }: RelevanceQuery): Promise<string[]> {
  if (kind === 'typo') await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  else await page.getByRole('searchbox').fill(query);
  const { count, top, suggestion } = await resultsFor(page, query);
  // A typo that found little may be answered with one "Did you mean" click, as a learner would make it.
  if (kind === 'typo' && count < FEW_RESULTS && suggestion) {
    await page.locator('[data-search-suggestion] button').click();
    return (await resultsFor(page, suggestion)).top;
  }
  return top;
}

/** How one set of queries did: top-1 and top-3 counts, and every query whose page was not in the top three. */
interface Tally {
  name: string;
  total: number;
  top1: number;
  top3: number;
  misses: string[];
  /** Queries whose page came second or third. */
  late: string[];
}

async function measure(page: Page, name: string, queries: readonly RelevanceQuery[]): Promise<Tally> {
  const tally: Tally = { name, total: queries.length, top1: 0, top3: 0, misses: [], late: [] };
  for (const item of queries) {
    const top = await search(page, item);
    const rank = top.findIndex((path) => item.expect.includes(path));
    if (rank === 0) tally.top1++;
    if (rank >= 0) tally.top3++;
    const line = `  ${item.kind.padEnd(12)} ${JSON.stringify(item.query).padEnd(40)} → ${top.join(', ') || '(nothing)'}`;
    if (rank > 0) tally.late.push(line);
    else if (rank < 0) tally.misses.push(line);
  }
  console.log(
    `search relevance, ${name} (${tally.total} queries): top-1 ${tally.top1}/${tally.total}, top-3 ${tally.top3}/${tally.total}`,
  );
  if (tally.misses.length) console.log(`not in the top three:\n${tally.misses.join('\n')}`);
  if (tally.late.length) console.log(`second or third:\n${tally.late.join('\n')}`);
  return tally;
}

test('every page a query should find is in the build', () => {
  const pages = new Set(sitemapPaths());
  const gone = [
    ...FIRST_QUERIES,
    ...LEARNER_QUESTIONS,
    ...NEW_LEARNER_QUESTIONS,
    ...HELD_OUT_QUESTIONS,
    ...FRESH_QUESTIONS,
    ...FRESH_QUESTIONS_27,
    ...FRESH_QUESTIONS_29,
  ].flatMap(({ query, expect: wanted }) =>
    wanted.filter((path) => !pages.has(path)).map((path) => `${JSON.stringify(query)} → ${path}`),
  );
  expect(gone, 'pages search-relevance.queries.ts expects that the build no longer has').toEqual([]);
});

test('learners find the page they mean: top three and first place over each query set', async ({ readPage: page }) => {
  test.setTimeout(420_000);
  await page.goto('/search/');
  const tallies = [
    { ...(await measure(page, 'first set', FIRST_QUERIES)), floor: GOAL },
    { ...(await measure(page, 'learner questions', LEARNER_QUESTIONS)), floor: GOAL },
    { ...(await measure(page, 'questions of 2026-11-26', NEW_LEARNER_QUESTIONS)), floor: NEW_QUESTIONS_FLOOR },
    { ...(await measure(page, 'held-out questions', HELD_OUT_QUESTIONS)), floor: HELD_OUT_FLOOR },
    { ...(await measure(page, 'fresh held-out questions', FRESH_QUESTIONS)), floor: FRESH_FLOOR },
    { ...(await measure(page, 'questions of 2026-11-27', FRESH_QUESTIONS_27)), floor: SET_27_FLOOR },
    { ...(await measure(page, 'questions of 2026-11-29', FRESH_QUESTIONS_29)), floor: SET_29_FLOOR },
  ];
  for (const { name, total, top1, top3, floor } of tallies) {
    expect(total, name).toBeGreaterThanOrEqual(floor.queries);
    expect(top3 / total, `${name}: top-3 ${top3}/${total}`).toBeGreaterThanOrEqual(floor.top3);
    expect(top1 / total, `${name}: top-1 ${top1}/${total}`).toBeGreaterThanOrEqual(floor.top1);
  }
});
