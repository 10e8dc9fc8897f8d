/**
 * What changed: every entry page dates itself, /changes/ lists changes newest first, the Atom feed parses and leads
 * with the latest change, and a roadmap page marks the topics changed since the learner's last visit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CHANGES_URLS } from '../../src/lib/site/urls.ts';
import { VISITS_KEY } from '../../src/lib/roadmap/roadmap-visits.ts';
import { axeBothThemes } from './axe.ts';
import { DIST } from './build-output.ts';
import { comparisons, mainRoadmap, project, role, topic, topicQuestion } from './content.ts';
import { expect, test } from './learner.ts';

const MAIN = mainRoadmap.id;

async function axeClean(page: Page) {
  expect(await axeBothThemes(page)).toEqual([]);
}

/** The day before a YYYY-MM-DD day, at noon UTC: a last visit that the changes of `day` come after. */
const noonBefore = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString();

/** The entries /changes/ lists, in page order: [href, day of the group]. */
async function listedChanges(page: Page) {
  await page.goto('/changes/');
  return page.locator('[data-changes] > li').evaluateAll((days) =>
    days.flatMap((day) => {
      const date = day.querySelector('h2 time')!.getAttribute('datetime')!;
      return [...day.querySelectorAll('li[data-change] > a')].map((a) => [a.getAttribute('href')!, date] as const);
    }),
  );
}

test('every kind of entry shows when it was last updated as <time datetime>, the same day /changes/ lists', async ({
  page,
}) => {
  const listed = new Map(await listedChanges(page));
  expect(listed.size).toBeGreaterThan(400);
  for (const { url: path } of [topic, mainRoadmap, role, topicQuestion, project, comparisons.languages]) {
    await page.goto(path);
    const time = page.locator('[data-last-updated] time');
    await expect(time, path).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    expect(await time.getAttribute('datetime'), path).toBe(listed.get(path));
    await expect(page.locator('[data-last-updated]'), path).toContainText(/^(Updated|Published) \d{1,2} \w+ \d{4}/);
  }
});

// /changes/ as it loads is axe-clean in both themes in the sweep (accessibility.spec.ts).
test('/changes/ lists changes newest first, each with what changed in a line', async ({ page }) => {
  const listed = await listedChanges(page);
  const days = listed.map(([, day]) => day);
  expect(days).toEqual([...days].sort().reverse());
  const first = page.locator('li[data-change]').first();
  await expect(first).toContainText(/ — (new|updated)/);
  await expect(page.locator('a[href="/changes/feed.xml"]')).toBeVisible();
});

test('the Atom feed parses, is linked from every page’s head, and lists the latest change first with absolute URLs', async ({
  page,
  request,
}) => {
  const response = await request.get('/changes/feed.xml');
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const listed = await listedChanges(page);
  for (const path of ['/', topic.url, '/changes/']) {
    await page.goto(path);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]'), path).toHaveAttribute(
      'href',
      '/changes/feed.xml',
    );
  }
  const canonicalOrigin = new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).origin;
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length)
      return { error: doc.getElementsByTagName('parsererror')[0]!.textContent };
    const ns = 'http://www.w3.org/2005/Atom';
    const root = doc.documentElement;
    const child = (el: Element, name: string) =>
      [...el.children].filter((c) => c.namespaceURI === ns && c.localName === name);
    const text1 = (el: Element, name: string) => child(el, name)[0]?.textContent ?? null;
    return {
      root: `${root.namespaceURI} ${root.localName}`,
      id: text1(root, 'id'),
      title: text1(root, 'title'),
      updated: text1(root, 'updated'),
      authors: child(root, 'author').length,
      self: child(root, 'link')
        .find((l) => l.getAttribute('rel') === 'self')
        ?.getAttribute('href'),
      entries: child(root, 'entry').map((e) => ({
        id: text1(e, 'id'),
        title: text1(e, 'title'),
        updated: text1(e, 'updated'),
        summary: text1(e, 'summary'),
        link: child(e, 'link')[0]?.getAttribute('href'),
      })),
    };
  }, xml);
  expect(feed.error).toBeUndefined();
  expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
  expect(feed.id).toMatch(/^https?:\/\//);
  expect(feed.title).toBeTruthy();
  expect(feed.authors).toBe(1);
  expect(feed.self).toBe(`${canonicalOrigin}/changes/feed.xml`);
  expect(feed.entries!.length).toBeGreaterThanOrEqual(Math.min(50, listed.length));
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
  expect(feed.updated).toMatch(rfc3339);
  for (const entry of feed.entries!) {
    expect(entry.id && entry.title && entry.summary).toBeTruthy();
    expect(entry.updated).toMatch(rfc3339);
    expect(entry.link!.startsWith(`${canonicalOrigin}/`)).toBe(true);
  }
  expect(new Set(feed.entries!.map((e) => e.id)).size).toBe(feed.entries!.length);
  // The latest change leads the feed, as it leads /changes/, and dates the feed.
  const [latestPath, latestDay] = listed[0]!;
  expect(feed.entries![0]!.link).toBe(`${canonicalOrigin}${latestPath}`);
  expect(feed.entries![0]!.updated).toBe(`${latestDay}T00:00:00Z`);
  expect(feed.updated).toBe(`${latestDay}T00:00:00Z`);
  const days = feed.entries!.map((e) => e.updated!);
  expect(days).toEqual([...days].sort().reverse());
});

/** Each topic's [first published, last updated] day, as roadmap pages fetch it. */
const topicDates = JSON.parse(readFileSync(join(DIST, CHANGES_URLS.topicDates), 'utf8')) as Record<
  string,
  [string, string]
>;
const ids = [...new Set(mainRoadmap.topics.map((t) => t.id))];
/** A last visit on the day before the roadmap's latest change: that change and any of the same day come after it. */
const since = noonBefore(
  ids
    .map((id) => topicDates[id]![1])
    .sort()
    .at(-1)!,
);
const sinceDay = since.slice(0, 10);
const expectUpdated = ids.filter((id) => topicDates[id]![0] <= sinceDay && topicDates[id]![1] > sinceDay);
const expectNew = ids.filter((id) => topicDates[id]![0] > sinceDay);

test.describe('roadmap marks since the last visit', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('a first visit fetches no dates and marks nothing, and remembers the visit', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(mainRoadmap.url);
    await expect(page.locator('[data-progress-summary]')).not.toBeEmpty();
    expect(fetched).not.toContain(CHANGES_URLS.topicDates);
    await expect(page.locator('[data-change]')).toHaveCount(0);
    await expect(page.locator('[data-changes-line]')).toBeHidden();
    const stored = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key)!) as Record<string, { since?: string }>,
      VISITS_KEY,
    );
    expect(Object.keys(stored)).toEqual([MAIN]);
    expect(stored[MAIN]?.since).toBeUndefined();
  });

  test.describe('a learner back after the latest change', () => {
    test.use({ storage: { [VISITS_KEY]: JSON.stringify({ [MAIN]: { last: since } }) } });

    test('topics updated after the stored last visit carry a visible mark and words, counted above the map', async ({
      page,
    }) => {
      expect(expectUpdated.length + expectNew.length).toBeGreaterThan(0);
      await page.goto(mainRoadmap.url);
      const line = page.locator('[data-changes-line]');
      await expect(line).toBeVisible();
      await expect(line.locator('time')).toHaveAttribute('datetime', since);
      await expect(line).toContainText(
        `since your last visit on ${new Date(since).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`,
      );
      if (expectUpdated.length)
        await expect(line).toContainText(
          `${expectUpdated.length} ${expectUpdated.length === 1 ? 'topic' : 'topics'} updated`,
        );
      await expect(page.locator('[data-change="updated"]')).toHaveCount(expectUpdated.length);
      await expect(page.locator('[data-change="new"]')).toHaveCount(expectNew.length);
      const marked = page.locator(`.rg-topic[id="${(expectUpdated[0] ?? expectNew[0])!}"]`).first();
      await expect(marked.locator('.rg-change')).toBeVisible();
      await expect(marked.locator('.rg-change')).toHaveText(expectUpdated.length ? 'updated' : 'new');
      await expect(marked).toContainText(/\((updated|new) since your last visit\)/);
      await expect(page.locator('.rg-legend')).toContainText('New or updated since your last visit');
      // Untouched topics carry no mark.
      const untouched = ids.find((id) => !expectUpdated.includes(id) && !expectNew.includes(id));
      if (untouched) await expect(page.locator(`.rg-topic[id="${untouched}"] .rg-change`)).toHaveCount(0);
      await axeClean(page);

      // Back on the map within the same visit (after opening a topic), the marks stay.
      await page.reload();
      await expect(page.locator('[data-change]')).toHaveCount(expectUpdated.length + expectNew.length);
    });
  });

  test.describe('a learner back after every change', () => {
    // An hour ago: content dates are never in the future (content:check), so nothing changed since.
    test.use({
      storage: { [VISITS_KEY]: JSON.stringify({ [MAIN]: { last: new Date(Date.now() - 3_600_000).toISOString() } }) },
    });

    test('nothing is marked when the last visit came after every change', async ({ page }) => {
      const fetchedDates = page.waitForResponse((r) => new URL(r.url()).pathname === CHANGES_URLS.topicDates);
      await page.goto(mainRoadmap.url);
      await fetchedDates;
      await expect(page.locator('[data-progress-summary]')).not.toBeEmpty();
      await expect(page.locator('[data-change]')).toHaveCount(0);
      await expect(page.locator('[data-changes-line]')).toBeHidden();
    });
  });
});
