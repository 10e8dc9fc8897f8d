/**
 * Offline reading: the service worker takes over after a visit; with the HTTP cache emptied and the network cut,
 * visited pages and a saved roadmap's topics open and anything else gives the offline page; a new build's worker
 * waits and the page offers to reload. (Without emptying the cache, Chromium would answer offline from its HTTP
 * cache alone and prove nothing.)
 */
import { expect, test } from './fixtures.ts';
import { axeBothThemes, axeViolations } from './axe.ts';
import { controlled, cutNetwork } from './offline-helpers.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorker, labEngineFiles, listFiles, precacheOf } from '../../src/after-build/offline.ts';
import { type RoadmapList, roadmapListUrl } from '../../src/lib/offline/cache-rules.ts';
import { staticHost } from '../../src/dev/static-host.ts';
import { DIST, sitemapPaths } from './build-output.ts';
import { project, topic } from './content.ts';
import { readStore } from './learner.ts';

// The worker is the subject here (playwright.config.ts blocks it for every other spec).
test.use({ serviceWorkers: 'allow' });

const roadmapPath = sitemapPaths().find((p) => /^\/roadmaps\/[^/]+\/$/.test(p))!;
const roadmap = roadmapPath.split('/')[2]!;
const list = JSON.parse(readFileSync(join(DIST, roadmapListUrl(roadmap)), 'utf8')) as RoadmapList;
const savedTopics = list.files.filter((f) => f.kind === 'page' && f.url.startsWith('/topics/')).map((f) => f.url);
const visitedPage = sitemapPaths().find((p) => p.startsWith('/questions/') && p !== '/questions/')!;
const unvisitedPage = sitemapPaths().find((p) => p.startsWith('/roles/') && p !== '/roles/')!;

test('after a visit the service worker controls the page', async ({ page }) => {
  await page.goto(topic.url);
  await controlled(page);
  const names = await page.evaluate(() => caches.keys());
  expect(names.some((n) => /^atlas-[0-9a-f]+-shell$/.test(n))).toBe(true);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
});

test('the page a learner first arrives on, before the worker was there, opens offline too', async ({
  context,
  page,
}) => {
  await page.goto(unvisitedPage);
  const title = await page.title();
  await controlled(page);
  await cutNetwork(context, page);
  await page.reload();
  await expect(page).toHaveTitle(title);
});

test('the project checker downloads offline: it is in the shell the worker keeps', async ({ context, page }) => {
  await page.goto(project.url);
  await controlled(page);
  await cutNetwork(context, page);
  const script = await page.evaluate(async () => {
    const response = await fetch('/atlas-check.mjs');
    return { ok: response.ok, text: (await response.text()).slice(0, 200) };
  });
  expect(script.ok).toBe(true);
  expect(script.text).toContain('Backend Atlas project checker');
});

test('practice works offline: its questions come from the shell the worker keeps', async ({ context, page }) => {
  await page.goto('/practice/');
  await controlled(page);
  await cutNetwork(context, page);
  await page.goto('/practice/?difficulty=beginner');
  await expect(page.locator('[data-set-counts]')).toContainText(/^\d+ questions? · /);
  await expect(page.locator('[data-notice]')).toBeHidden();
});

test('offline: visited pages and a saved roadmap’s unvisited topics open; other pages give the offline page', async ({
  context,
  page,
}) => {
  test.setTimeout(90_000);
  expect(savedTopics.length).toBeGreaterThan(3);
  await page.goto(roadmapPath);
  await controlled(page);

  await page.locator('[data-tools] summary').click(); // the share, reset and offline controls are one step away
  const save = page.getByRole('button', { name: 'Save this roadmap for offline' });
  await save.click();
  const status = page.locator('[data-offline-status]');
  await expect(status).toContainText(`Saved for offline: this roadmap and ${savedTopics.length} topics`, {
    timeout: 60_000,
  });
  await expect(status).toContainText(/\d+(\.\d)? (KB|MB)/);
  await expect(page.getByRole('button', { name: 'Remove offline copy' })).toBeVisible();
  // Saving a roadmap for offline is working on it: /progress/ counts it as started.
  expect(Object.keys((await readStore(page)).roadmapTimes)).toEqual([roadmap]);
  expect(await axeViolations(page), 'roadmap page with its offline copy').toEqual([]);
  const searchIndex = list.files.filter((f) => f.kind === 'index').map((f) => f.url);
  expect(searchIndex.filter((url) => url.startsWith('/pagefind/fragment/')).length).toBeGreaterThan(3);
  const saved = await page.evaluate(async (id) => {
    const paths = async (name: string) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    const names = await caches.keys();
    return {
      roadmap: await paths(names.find((n) => n.endsWith(`-roadmap-${id}`))!),
      kept: await paths(names.find((n) => n.endsWith('-kept'))!),
    };
  }, roadmap);
  expect(saved.roadmap).toEqual(expect.arrayContaining(savedTopics));
  // The search index is shared by every saved roadmap, so it is kept once.
  expect(saved.kept).toEqual(expect.arrayContaining(searchIndex));

  await page.goto(visitedPage);
  const visitedTitle = await page.title();
  await page.goto('/');
  await cutNetwork(context, page);

  await page.goto(visitedPage);
  await expect(page).toHaveTitle(visitedTitle);
  const topic = savedTopics.at(-1)!;
  await page.goto(topic);
  await expect(page).toHaveTitle(list.files.find((f) => f.url === topic)!.title! + ' · Backend Atlas');
  await expect(page.locator('link[rel="stylesheet"]').first()).toBeAttached();
  expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('flex'); // the build's CSS came too
  // Search works offline: the UI code is precached, the whole index was saved with the roadmap.
  await page.keyboard.press('Control+k');
  await page
    .getByRole('dialog')
    .getByRole('searchbox')
    .fill(list.files.find((f) => f.url === topic)!.title!);
  await expect(page.locator(`[data-search-results] a[href="${topic}"]`).first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');

  await page.goto(unvisitedPage);
  await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
  await expect(page.getByText(`${unvisitedPage} is not kept on this device`)).toBeVisible();
  await expect(page.getByRole('link', { name: list.title })).toBeVisible();
  await expect(
    page.locator('[data-visited]').getByRole('link', { name: visitedTitle.replace(/ · Backend Atlas$/, '') }),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await context.setOffline(false);
  await page.goto(roadmapPath);
  await expect(status).toContainText('Saved for offline');
  await page.locator('[data-tools] summary').click(); // the share, reset and offline controls are one step away
  await page.getByRole('button', { name: 'Remove offline copy' }).click();
  await expect(status).toHaveText('Offline copy removed.');
  await expect(save).toBeVisible();
  expect((await page.evaluate(() => caches.keys())).some((n) => n.endsWith(`-roadmap-${roadmap}`))).toBe(false);
});

test('offline with no roadmap saved, a search that finds nothing says the index may be incomplete', async ({
  context,
  page,
}) => {
  await page.goto(topic.url);
  await controlled(page);
  await page.reload(); // this page's own requests now go through the worker
  await cutNetwork(context, page);
  // Search's code is in the shell; the parts of the index this title needs were never fetched.
  const title = list.files.find((f) => f.url === savedTopics[0])!.title!;
  await page.keyboard.press('Control+k');
  const box = page.getByRole('dialog').getByRole('searchbox');
  await box.fill(title);
  const summary = page.getByRole('dialog').locator('[data-search-summary]');
  await expect(summary).toHaveText(
    `No results for ${title}. You are offline, so search only looked in the parts of its index this browser fetched before. Saving a roadmap for offline keeps all of it.`,
    { timeout: 15_000 },
  );

  await context.setOffline(false);
  await box.fill(`${title} `);
  await expect(page.locator(`[data-search-results] a[href="${savedTopics[0]}"]`).first()).toBeVisible();
  await expect(summary).toHaveText(/^\d+ results? for /); // online, the summary is the count alone again
});

test('the offline page is axe-clean in both themes and complete without a worker', async ({ page }) => {
  await page.goto('/offline/');
  await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
  expect(await axeBothThemes(page)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the roadmap page shows no offline controls', async ({ page }) => {
    await page.goto(roadmapPath);
    await expect(page.getByRole('button', { name: 'Save this roadmap for offline' })).toBeHidden();
  });
});

test('a new build: its worker waits, the page offers to reload, and reloading activates it (other tabs are offered too)', async ({
  context,
  page,
}) => {
  test.setTimeout(90_000);
  // The second build: the first one with a changed shell file (the offline page) and the worker built again.
  const next = mkdtempSync(join(tmpdir(), 'atlas-next-build-'));
  cpSync(DIST, next, { recursive: true });
  writeFileSync(
    join(next, 'offline/index.html'),
    `${readFileSync(join(next, 'offline/index.html'), 'utf8')}\n<!-- second build -->\n`,
  );
  const before = precacheOf(DIST, listFiles(DIST));
  const after = precacheOf(next, listFiles(next));
  expect(after.version).not.toBe(before.version);
  writeFileSync(join(next, 'sw.js'), await bundleWorker(after, labEngineFiles(next, listFiles(next))));

  // Served as a host would serve it, from a folder the test switches to the second build, as a deploy would.
  const state = { root: DIST };
  const server = staticHost(() => state.root);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await page.goto(`${origin}${topic.url}`);
    await controlled(page);
    await expect(page.getByText('A new version is ready.')).toHaveCount(0);
    const otherTab = await context.newPage();
    await otherTab.goto(`${origin}/roadmaps/`);
    await controlled(otherTab);

    state.root = next;
    await page.reload(); // a navigation checks for a new worker
    await expect(page.getByText('A new version is ready.')).toBeVisible({ timeout: 20_000 });
    expect(await axeViolations(page), 'page with the new-version notice').toEqual([]);
    const shells = async () => (await page.evaluate(() => caches.keys())).filter((n) => n.endsWith('-shell'));
    expect(await shells()).toContain(`atlas-${before.version}-shell`); // the old build still serves this page

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await controlled(page);
    await expect.poll(shells).toEqual([`atlas-${after.version}-shell`]);
    // The visited page moved to the new build's caches.
    const pages = await page.evaluate(
      async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname),
      `atlas-${after.version}-pages`,
    );
    expect(pages).toContain(topic.url);

    // The other tab still shows the first build; now that its files are gone from the caches, it offers to reload.
    await expect(otherTab.getByText('A new version is ready.')).toBeVisible();
    await Promise.all([otherTab.waitForEvent('load'), otherTab.getByRole('button', { name: 'Reload' }).click()]);
    await expect(otherTab.getByText('A new version is ready.')).toHaveCount(0);
  } finally {
    server.close();
    rmSync(next, { recursive: true, force: true });
  }
});
