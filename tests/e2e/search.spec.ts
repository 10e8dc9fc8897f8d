/** Search on the built site: the real Pagefind index, the dialog, the /search/ page and the in-roadmap filter. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { axeBothThemes } from './axe.ts';
import { mainRoadmap, named, roles, topic } from './content.ts';
import { INTERFACE_QUERIES, INTERFACE_TEXT } from './interface-text.ts';
import { trackRequests } from './learner.ts';

const { kafka, redis, postgresql, django, rabbitmq, kubernetes } = named;
/** What a learner types to find `topic`. */
const TOPIC_QUERY = topic.id;

/** What a search fetches: pagefind.js and its index, and the exact-phrase shards. */
const SEARCH_FILES = /^\/(pagefind|search-exact)\//;

const results = (page: Page) => page.locator('[data-search-results] > li');
const summary = (page: Page) => page.locator('[data-search-summary]');

async function openDialog(page: Page, path = '/topics/') {
  await page.goto(path);
  await page.keyboard.press('Control+k');
  const input = page.getByRole('dialog').getByRole('searchbox');
  await expect(input).toBeFocused();
  return input;
}

test('typing a topic’s name lists the topic and an interview question on it, labelled by type', async ({
  readPage: page,
}) => {
  const input = await openDialog(page);
  await input.fill(TOPIC_QUERY);
  const found = results(page).filter({ has: page.locator(`a[href="${topic.url}"]`) });
  await expect(found).toHaveCount(1);
  await expect(found.locator('.atlas-result-type')).toHaveText('topic');
  const question = results(page)
    .filter({ has: page.locator('a[href^="/questions/"]') })
    .filter({ hasText: new RegExp(TOPIC_QUERY, 'i') });
  await expect(question.first()).toBeVisible();
  await expect(question.first().locator('.atlas-result-type')).toHaveText('question');
  await expect(question.first().locator('.atlas-result-meta')).toHaveText(/junior|mid|senior/);
});

test('a slow search never replaces a newer one’s results: typing goes on while an earlier query waits', async ({
  page,
}) => {
  // The ranking file every query starting with the slow query's letter needs is held back, as on a slow connection,
  // until the fast query has answered.
  const [slow, fast] = [redis, kafka];
  expect(slow.id[0], 'the two queries need different ranking files').not.toBe(fast.id[0]);
  const slowShard = `**/search-exact/${slow.id[0]}.json`;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(slowShard, async (route) => {
    await released;
    await route.continue();
  });
  const input = await openDialog(page);
  const search = trackRequests(page, SEARCH_FILES);
  // Every summary the dialog shows, in order: the slow search answering after the fast one would show here.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { summaries: string[] }).summaries = seen;
    const summary = document.querySelector('[data-search-summary]')!;
    new MutationObserver(() => seen.push(summary.textContent?.trim() ?? '')).observe(summary, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  // The slow search has started once it asks for its file. Waiting for that keeps a busy page from folding all
  // the typing into the last query, which searches only the fast one and tests nothing.
  const slowFileAsked = page.waitForRequest(slowShard);
  await input.pressSequentially(slow.id); // no delay between keys: each one starts a search
  await slowFileAsked;
  await input.fill('');
  await input.pressSequentially(fast.id);
  await expect(summary(page)).toContainText(`for ${fast.id}`);
  await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', fast.url);
  const slowFile = page.waitForResponse(slowShard);
  release();
  await slowFile;
  await search.idle(); // the slow searches have what they waited for and finish
  await expect(summary(page)).toContainText(`for ${fast.id}`);
  await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', fast.url);
  const summaries = await page.evaluate(() => (window as unknown as { summaries: string[] }).summaries);
  const fastAt = summaries.findIndex((text) => text.includes(`for ${fast.id}`));
  expect(
    summaries.slice(fastAt).filter((text) => !text.includes(`for ${fast.id}`) && /\bfor\b/.test(text)),
    summaries.join(' | '),
  ).toEqual([]);
});

test('searches typed while the index loads show the last one typed, not an earlier one or its clearing', async ({
  page,
}) => {
  // A slow connection, held step by step: pagefind.js, then the filter lists (the last step of loading).
  const held = () => {
    let release!: () => void;
    return { done: new Promise<void>((resolve) => (release = resolve)), release: () => release() };
  };
  const script = held();
  const filters = held();
  const filtersAsked = held();
  await page.route('**/pagefind/pagefind.js', async (route) => {
    await script.done;
    await route.continue();
  });
  await page.route('**/pagefind/filter/*', async (route) => {
    filtersAsked.release();
    await filters.done;
    await route.continue();
  });
  const input = await openDialog(page);
  const search = trackRequests(page, SEARCH_FILES);
  // Typed before pagefind.js has arrived: these wait for the load.
  await input.pressSequentially(redis.id);
  await input.fill('');
  script.release();
  // Typed once the search code runs (it asks for the filter lists right after) but before the lists are in.
  await filtersAsked.done;
  await input.pressSequentially(kafka.id);
  filters.release();
  await page.waitForResponse('**/pagefind/filter/*');
  await search.idle(); // the searches that waited for the load have answered
  await expect(summary(page)).toContainText(new RegExp(`\\d+ results? for ${kafka.id}`));
  await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', kafka.url);
});

test('Ctrl+K opens the dialog, Escape closes it and focus returns to the search button', async ({ readPage: page }) => {
  await page.goto('/roadmaps/');
  await page.getByRole('button', { name: 'Search' }).focus();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Search' })).toBeFocused();
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('Pagefind’s code and index load only when search is first used', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(topic.url);
  // The page as a learner meets it: the search link has become a button, the notes field and the Done button are
  // ready, and the browser has had an idle moment, when a page would start any fetch it puts off.
  const button = page.getByRole('button', { name: 'Search' });
  await expect(button).toBeVisible();
  await expect(page.getByRole('button', { name: 'Done' })).toBeEnabled();
  // An idle moment for anything eager to start fetching; on a loaded machine the page may never be idle, so at most 2 s
  // (a clean-clone run once waited out the test's minute here).
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
  const script = page.waitForRequest('**/pagefind/pagefind.js');
  await button.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await script;
});

test('the type filter narrows results to questions', async ({ readPage: page }) => {
  const input = await openDialog(page);
  await input.fill(TOPIC_QUERY);
  await expect(results(page).locator('.atlas-result-type').filter({ hasText: 'topic' }).first()).toBeVisible();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Filter by type' }).selectOption('question');
  await expect(summary(page)).toContainText(TOPIC_QUERY);
  await expect(results(page).first().locator('.atlas-result-type')).toHaveText('question');
  await expect(results(page).locator('.atlas-result-type').filter({ hasText: 'topic' })).toHaveCount(0);
  const types = await results(page).locator('.atlas-result-type').allTextContents();
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(['question']));
});

test('a sub-result link lands on the right heading', async ({ readPage: page }) => {
  const input = await openDialog(page);
  await input.fill(TOPIC_QUERY);
  const found = results(page).filter({ has: page.locator(`a[href="${topic.url}"]`) });
  const sub = found.locator('.search-heading-link').first();
  const href = (await sub.getAttribute('href'))!;
  expect(href.startsWith(`${topic.url}#`)).toBe(true);
  const headingText = (await sub.textContent())!.replace(/^#\s*/, '').trim();
  await sub.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const target = page.locator(`[id="${href.split('#')[1]}"]`);
  await expect(target).toBeInViewport();
  await expect(target).toHaveText(headingText);
});

test('/search/?q=… searches on load, filters from the URL apply, and the URL follows the search', async ({
  readPage: page,
}) => {
  await page.goto(`/search/?q=${TOPIC_QUERY}&type=question`);
  await expect(page.getByRole('searchbox')).toHaveValue(TOPIC_QUERY);
  await expect(results(page).first().locator('.atlas-result-type')).toHaveText('question');
  const types = await results(page).locator('.atlas-result-type').allTextContents();
  expect(new Set(types)).toEqual(new Set(['question']));
  await page.getByRole('searchbox').fill(kafka.id);
  await expect(page).toHaveURL(`/search/?q=${kafka.id}&type=question`);
});

test('on /search/, a filter checkbox says how many results it keeps, narrows them and goes into the URL', async ({
  readPage: page,
}) => {
  await page.goto(`/search/?q=${TOPIC_QUERY}`);
  await expect(results(page).first()).toBeVisible();
  const question = page.getByRole('checkbox', { name: /^Question \d+$/ });
  const kept = Number(/(\d+)$/.exec((await question.locator('xpath=..').textContent())!.trim())![1]);
  expect(kept).toBeGreaterThan(0);
  await question.check();
  await expect(page).toHaveURL(`/search/?q=${TOPIC_QUERY}&type=question`);
  await expect(summary(page)).toHaveText(`${kept} ${kept === 1 ? 'result' : 'results'} for ${TOPIC_QUERY}`);
  expect(new Set(await results(page).locator('.atlas-result-type').allTextContents())).toEqual(new Set(['question']));
  // Excerpts are text with the query's words marked, nothing else.
  const tags = await page.locator('.search-result-excerpt *').evaluateAll((nodes) => nodes.map((n) => n.tagName));
  expect(new Set(tags)).toEqual(new Set(['MARK']));
});

test('the arrow keys move from the box through the results and back; "Show more results" adds the next ones', async ({
  readPage: page,
}) => {
  const input = await openDialog(page);
  await input.fill('cache');
  await expect(summary(page)).toHaveText(/^\d+ results for cache$/);
  const found = Number(/^(\d+)/.exec((await summary(page).textContent())!)![1]);
  expect(found).toBeGreaterThan(12);
  // Six at a time: about two screens of the dialog on a phone, and each result's excerpt is a file fetched.
  await expect(results(page)).toHaveCount(6);
  const links = page.getByRole('dialog').locator('[data-search-results] a');
  await input.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(input).toBeFocused();
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(results(page)).toHaveCount(12);
  await expect(results(page).nth(6).locator('.search-result-link')).toBeFocused();
});

test('when search cannot load it says so, and the next search once it can shows results', async ({ page }) => {
  let offline = true;
  // Every try, the retries' own URLs (pagefind.js?retry=1…) included.
  await page.route(/\/pagefind\/pagefind\.js(\?|$)/, (route) =>
    offline ? route.abort('internetdisconnected') : route.continue(),
  );
  const input = await openDialog(page);
  await input.fill(kafka.id);
  await expect(summary(page)).toHaveText(/^Search could not load\. Check your connection/);
  await expect(results(page)).toHaveCount(0);
  offline = false;
  await input.fill(`${kafka.id} streams`);
  await expect(summary(page)).toHaveText(new RegExp(`^\\d+ results? for ${kafka.id} streams$`));
  await expect(results(page).first()).toBeVisible();
});

test('with JavaScript off, the header search is a link and /search/ says what to do instead', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page
    .getByRole('banner')
    .getByRole('link', { name: /Search/ })
    .click();
  await expect(page).toHaveURL(/\/search\/$/);
  await expect(page.getByText('Search runs in your browser, so it needs JavaScript.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Topics' }).last()).toHaveAttribute('href', '/topics/');
  await context.close();
});

test('symbols, abbreviations and "X vs Y" find the same pages in the dialog as on /search/', async ({
  readPage: page,
}) => {
  const cases: [string, string][] = [
    ['c#', named.csharp.url],
    ['n+1', named.nPlusOne.url],
    ['k8s', kubernetes.url],
    ['rest vs graphql', named.graphqlVsRest.url],
  ];
  const input = await openDialog(page);
  for (const [query, first] of cases) {
    await input.fill(query);
    await expect(summary(page)).toContainText(query);
    await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', first);
  }
  for (const [query, first] of cases) {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect(page.getByRole('searchbox')).toHaveValue(query);
    await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', first);
  }
});

test('a question typed as a learner asks it finds the page that answers it first', async ({ readPage: page }) => {
  const input = await openDialog(page);
  // Key by key, as typed: every keystroke searches, and the answer on screen is the whole question's. No page
  // holds "stop", and a dependency-injection question holds all three words; the SQL Injection topic answers.
  await input.pressSequentially('How do I stop SQL injection?');
  await expect(summary(page)).toHaveText(/^\d+ results for How do I stop SQL injection\?$/);
  await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', named.sqlInjection.url);
  // A role by the wish to become one, and a misspelt name without a click on "Did you mean".
  const cases: [string, string][] = [
    ['how can I become a DevOps engineer', roles.devops.url],
    ['rabitmq', rabbitmq.url],
  ];
  for (const [query, first] of cases) {
    await input.fill(query);
    await expect(summary(page)).toContainText(`for ${query}`);
    await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', first);
  }
  await expect(page.getByRole('dialog').locator('[data-search-suggestion]')).toHaveText(
    `Did you mean ${rabbitmq.title}?`,
  );
});

test('no excerpt shows interface text: queries made of control, badge and state words find teaching only', async ({
  readPage: page,
}) => {
  // The index keeps a page's teaching, never its buttons, badges or card facts (src/after-build/search-index.ts).
  let excerpts = 0;
  for (const query of INTERFACE_QUERIES) {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect(summary(page)).toContainText(`for ${query}`);
    await page
      .getByRole('button', { name: /Show more results/ })
      .click({ timeout: 1000 })
      .catch(() => {});
    const texts = await page.locator('.search-result-excerpt, .search-heading-excerpt').allTextContents();
    excerpts += texts.length;
    const shown = texts.filter((text) => INTERFACE_TEXT.some((pattern) => pattern.test(text)));
    expect(shown, `excerpts for "${query}"`).toEqual([]);
  }
  expect(excerpts, 'the queries find pages, so there are excerpts to read').toBeGreaterThan(20);
});

test('a word the site does not teach finds nothing, not pages for its first letters; a typo still finds its page', async ({
  readPage: page,
}) => {
  const input = await openDialog(page);
  // Pagefind alone answers "elixir" with 40 pages that hold "e" and "svelte" with pages that hold "-sv".
  for (const word of ['elixir', 'svelte']) {
    await input.fill(word);
    await expect(summary(page).first()).toHaveText(`No results for ${word}`);
    await expect(results(page)).toHaveCount(0);
  }
  await input.fill('kubernets');
  await expect(results(page).locator(`a[href="${kubernetes.url}"]`).first()).toBeVisible();
  await input.fill('elixir web framework'); // one word found is enough
  await expect(summary(page).first()).toHaveText(/^\d+ results? for elixir web framework$/);
});

test('a first search fetches at most 150 KB as the host sends it: the search code, Pagefind and its index, the excerpts', async ({
  page,
}) => {
  await page.goto(topic.url);
  const bytes = new Map<string, number>();
  // Everything fetched once the dialog opens: the search's code under /_astro/ and its data.
  const counted = (path: string) =>
    SEARCH_FILES.test(path) || path.startsWith('/_astro/') || path === '/search-vocabulary.json';
  page.on('requestfinished', async (request) => {
    const path = new URL(request.url()).pathname;
    // A file the page already had comes from the browser's cache: nothing crosses the network (its size reads -1 or less).
    const sent = (await request.sizes()).responseBodySize;
    if (counted(path) && sent > 0) bytes.set(path, sent);
  });
  const input = await openDialog(page);
  await input.fill('jwt');
  await expect(results(page).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const total = [...bytes.values()].reduce((sum, n) => sum + n, 0);
  console.log(`first search ("jwt"): ${bytes.size} files, ${(total / 1024).toFixed(1)} KB`);
  expect(bytes.size, 'Pagefind, its index and the excerpts were fetched').toBeGreaterThan(10);
  expect(total, [...bytes].map(([path, n]) => `${path} ${n}`).join('\n')).toBeLessThanOrEqual(150 * 1024);
});

test('a word run together from an acronym and a word finds the page that writes them apart', async ({
  readPage: page,
}) => {
  // Pagefind alone finds nothing for "sqlinjection" but pages that start with "sql", which count as no answer.
  const input = await openDialog(page);
  for (const [query, { url }, split] of [
    ['sqlinjection', named.sqlInjection, 'SQL injection'],
    ['apigateway', named.apiGateway, 'API gateway'],
  ] as const) {
    await input.fill(query);
    await expect(summary(page)).toHaveText(new RegExp(`^\\d+ results for ${query}$`));
    await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', url);
    await expect(page.getByRole('dialog').locator('[data-search-suggestion]')).toHaveText(`Did you mean ${split}?`);
  }
});

test('a query that finds little offers "Did you mean", and one click searches that instead', async ({ page }) => {
  const vocabulary: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/search-vocabulary.json') vocabulary.push(r.url());
  });
  const input = await openDialog(page);
  await input.fill(TOPIC_QUERY);
  await expect(results(page).first()).toBeVisible();
  expect(vocabulary, 'a query with results does not fetch the vocabulary').toEqual([]);
  // A misspelling that finds nothing as typed, answered as spelt on the site with the suggestion shown.
  await input.fill('postgrsql');
  const suggestion = page.getByRole('dialog').locator('[data-search-suggestion]');
  await expect(suggestion).toHaveText(`Did you mean ${postgresql.title}?`);
  expect(vocabulary).toHaveLength(1);
  await suggestion.getByRole('button', { name: postgresql.title }).click();
  await expect(input).toHaveValue(postgresql.title);
  await expect(input).toBeFocused();
  await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', postgresql.url);
  await expect(suggestion).toBeEmpty();

  await page.goto('/search/?q=djano');
  // Corrected in the case typed: the site writes "Django", the learner "djano".
  await page.locator('[data-search-suggestion]').getByRole('button', { name: django.title.toLowerCase() }).click();
  await expect(page).toHaveURL(`/search/?q=${django.title.toLowerCase()}`);
  await expect(results(page).first().locator('.search-result-link')).toHaveAttribute('href', django.url);
});

test('axe finds nothing with the search dialog open, in both themes', async ({ page }) => {
  const input = await openDialog(page);
  await input.fill('postgrsql');
  await expect(page.locator('[data-search-suggestion] button')).toBeVisible();
  expect(await axeBothThemes(page), 'with a suggestion').toEqual([]);
  await input.fill(TOPIC_QUERY);
  await expect(results(page).first().locator('.atlas-result-type')).toBeVisible();
  expect(await axeBothThemes(page), 'with results').toEqual([]);
});

test('the in-roadmap filter narrows the topics and says how many match', async ({ readPage: page }) => {
  await page.goto(mainRoadmap.url);
  const box = page.getByRole('searchbox', { name: 'Find a topic on this roadmap' });
  await box.fill(TOPIC_QUERY);
  await expect(page.locator('.rg-topic[id]:visible')).toHaveCount(1);
  await expect(page.locator(`.rg-topic[id="${topic.id}"]`)).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: new RegExp(`1 of \\d+ topics matches “${TOPIC_QUERY}”`) }),
  ).toBeAttached();
  await box.fill('');
  // The filter answers the input event on its own time: wait for every topic to come back.
  await expect.poll(() => page.locator('.rg-topic[id]:visible').count()).toBeGreaterThan(100);
});
