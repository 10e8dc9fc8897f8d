/**
 * The learning journey: the map's height budget, status painted as a fill, walking a roadmap from a topic page,
 * the table of contents, highlighted code under the strict CSP, resuming from the home page and the roadmaps
 * index, and the compact header with its menu (by keyboard and without JavaScript).
 */
import { expect, test } from './fixtures.ts';
import { builtPages } from './build-output.ts';
import { mainRoadmap, otherRoadmap, questionWithWideDiagram, role, topic, type TopicPage } from './content.ts';
import { copiedText, node, recordClipboard } from './learner.ts';

const MAIN = mainRoadmap.url;
const [firstTopic, secondTopic, thirdTopic] = mainRoadmap.required as [TopicPage, TopicPage, TopicPage];

/** WCAG contrast ratio of two computed CSS colours ("rgb(r, g, b)"). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = css
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number)
      .map((v) => v / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test.describe('the map fits its height budget', () => {
  // On a phone the map is a list: it grows by a line for each topic whose title wraps, and the "lab" tags that the
  // Python and design labs added wrap a few more (7,209 px at 2026-11-26 against 7,200 before them). Wide, the laid-out
  // map grew with the metrics-pipeline lab's tag on "Metrics and monitoring" (2,716 px at 2026-11-29 against 2,698
  // without it): a tag widens its node, and the layout packs the stage around it.
  for (const [width, budget] of [
    [1440, 2750],
    [390, 7300],
  ] as const) {
    test(`${mainRoadmap.id} at ${width} px: map ≤ ${budget} px tall, no sideways scroll`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(MAIN);
      const height = await page.locator('.rg').evaluate((el) => el.getBoundingClientRect().height);
      console.log(`map height at ${width} px: ${Math.round(height)} px (budget ${budget})`);
      expect(height).toBeLessThanOrEqual(budget);
      expect(height).toBeGreaterThan(1000);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }

  test('no page scrolls sideways at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    for (const path of ['/', MAIN, topic.url, questionWithWideDiagram.url, role.url, '/practice/', '/progress/']) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`pressing D paints a topic done, L learning, S skipped: fills that differ by 3:1 and words for screen readers (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(MAIN);
    const fill = (id: string) => node(page, id).evaluate((el) => getComputedStyle(el).backgroundColor);
    const [done, learning, skipped] = [firstTopic.id, secondTopic.id, thirdTopic.id];
    const before = await fill(done);
    const page_ = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    for (const [id, key] of [
      [done, 'd'],
      [learning, 'l'],
      [skipped, 's'],
    ]) {
      await node(page, id!).locator('.rg-topic-link').focus();
      await page.keyboard.press(key!);
    }
    await expect(node(page, done)).toHaveAttribute('data-state', 'done');
    const fills = { done: await fill(done), learning: await fill(learning), skipped: await fill(skipped) };
    for (const [state, colour] of Object.entries(fills)) {
      expect(contrast(colour, before), `${state} fill against a topic not started`).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, page_), `${state} fill against the page`).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(Object.values(fills)).size).toBe(3);
    await expect(node(page, done).locator('[data-state-label]')).toHaveText(' (done)');
    await expect(node(page, learning).locator('[data-state-label]')).toHaveText(' (learning)');
  });
}

test('a topic page walks its roadmap: rel prev/next in the HTML, back to the map at the topic', async ({ page }) => {
  await page.goto(topic.url);
  const walk = page.getByRole('navigation', { name: 'Roadmap', exact: true });
  await expect(walk).toContainText(mainRoadmap.title);
  const next = walk.locator('a[rel="next"]');
  const prev = walk.locator('a[rel="prev"]');
  const nextHref = await next.getAttribute('href');
  expect(nextHref).toMatch(/^\/topics\/[a-z0-9-]+\/$/);
  expect(await prev.getAttribute('href')).toMatch(/^\/topics\/[a-z0-9-]+\/$/);
  await expect(page.locator('head link[rel="next"]')).toHaveAttribute('href', nextHref!);
  await expect(walk.getByRole('link', { name: 'Back to the map at this topic' })).toHaveAttribute(
    'href',
    `${MAIN}#${topic.id}`,
  );
  // The neighbours are the map's: the node after the topic on the roadmap is the next topic.
  await next.click();
  await expect(page).toHaveURL(nextHref!);
  await expect(page.getByRole('navigation', { name: 'Roadmap', exact: true }).locator('a[rel="prev"]')).toHaveAttribute(
    'href',
    topic.url,
  );
  await page
    .getByRole('navigation', { name: 'Roadmap', exact: true })
    .getByRole('link', { name: 'Back to the map at this topic' })
    .click();
  await expect(page.locator(`.rg-topic[id]:target`)).toHaveCount(1);
});

test('with JavaScript, the walk follows the roadmap the learner came from', async ({ page }) => {
  await page.goto(otherRoadmap.url);
  await node(page, topic.id).locator('a').first().click();
  await expect(page).toHaveURL(topic.url);
  const walk = page.getByRole('navigation', { name: 'Roadmap', exact: true });
  await expect(walk).toContainText(otherRoadmap.title);
  await expect(walk.getByRole('link', { name: 'Back to the map at this topic' })).toHaveAttribute(
    'href',
    `${otherRoadmap.url}#${topic.id}`,
  );
  // "Next" keeps walking the same roadmap.
  await walk.locator('a[rel="next"]').click();
  await expect(page.getByRole('navigation', { name: 'Roadmap', exact: true })).toContainText(otherRoadmap.title);
});

test('the table of contents links every section and marks the one being read', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(topic.url);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeVisible();
  const links = toc.getByRole('link');
  expect(await links.count()).toBeGreaterThan(4);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
    await expect(page.locator(`[id="${href.slice(1)}"]`), href).toHaveCount(1);
  }
  await toc.getByRole('link', { name: 'Check yourself' }).click();
  await expect(toc.locator('[aria-current="true"]')).toHaveText('Check yourself');
  // Narrow screens: a collapsed "On this page" disclosure instead of the column.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(toc).toBeHidden();
  const disclosure = page.locator('details', { has: page.getByText('On this page', { exact: true }) });
  await expect(disclosure).toBeVisible();
  await disclosure.locator('summary').click();
  await expect(
    page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Resources' }),
  ).toBeVisible();
});

test('code is highlighted with classes: tokens in the build, no style attribute on any page', async ({ page }) => {
  const pages = builtPages();
  const withStyle = pages.filter((p) => /\sstyle=/.test(p.html)).map((p) => p.path);
  expect(withStyle).toEqual([]);
  const built = pages.find((p) => p.path === topic.url)!;
  await recordClipboard(page);
  // Tokens are spans with classes, highlighted at build time: no script draws them.
  expect(built.html).toMatch(/<pre class="code-block"[^>]*><code class="language-js">[^]*?<span class="tk-keyword">/);
  await page.goto(topic.url);
  const keyword = page.locator('pre .tk-keyword').first();
  const plain = page.locator('pre code').first();
  expect(await keyword.evaluate((el) => getComputedStyle(el).color)).not.toBe(
    await plain.evaluate((el) => getComputedStyle(el).color),
  );
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const code = (await page.locator('pre:has(code.language-js)').first().locator('code').textContent())!;
  await page.getByRole('button', { name: 'Copy js code' }).first().click();
  await expect(page.getByRole('button', { name: 'Copy js code' }).first()).toHaveText('Copied');
  expect((await copiedText(page)).trim()).toBe(code.trim());
});

test('after marking a topic, the home page says where to continue and the roadmaps index shows progress', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Continue where you left off' })).toBeHidden();
  await page.goto(MAIN);
  const first = await page.locator('.rg-topic[id]').first().getAttribute('id');
  await node(page, first!).locator('.rg-topic-link').focus();
  await page.keyboard.press('d');
  const second = await page.locator('.rg-topic[id]:not([data-state]):not([data-optional])').first().getAttribute('id');
  const secondTitle = (await node(page, second!).locator('.rg-topic-link').textContent())!.trim();
  await expect(page.locator('[data-continue-link]').first()).toHaveText(secondTitle);
  await expect(node(page, second!)).toHaveAttribute('data-next', '');

  await page.goto('/');
  const resume = page.locator('[data-resume]');
  await expect(resume.getByRole('heading', { name: 'Continue where you left off' })).toBeVisible();
  await expect(resume.getByRole('listitem').first()).toContainText(mainRoadmap.title);
  await expect(resume.getByRole('link', { name: secondTitle }).first()).toHaveAttribute('href', `/topics/${second}/`);

  await page.goto('/roadmaps/');
  const card = page.locator(`li[data-roadmap="${mainRoadmap.id}"]`);
  await expect(card.getByRole('progressbar', { name: `Your progress on ${mainRoadmap.title}` })).toHaveAttribute(
    'value',
    '1',
  );
  await expect(card).toContainText(/Your progress: 1 of \d+ required finished/);
  await expect(card.locator('[data-continue-link]')).toHaveText(secondTitle);
});

test('sizes agree: the roadmap header, its progress and its card count topics the same way', async ({ page }) => {
  await page.goto(MAIN);
  const header = (await page.locator('[data-roadmap-facts]').textContent())!;
  const [, required, extra] = /(\d+) required · (\d+) optional or alternatives/.exec(header)!;
  await node(page, firstTopic.id).locator('.rg-topic-link').focus();
  await page.keyboard.press('d');
  await expect(page.locator('[data-progress-summary]')).toContainText(`1 of ${required} required finished`);
  await page.goto('/roadmaps/');
  await expect(page.locator(`li[data-roadmap="${mainRoadmap.id}"]`)).toContainText(
    `${required} required · ${extra} optional or alternatives`,
  );
});

test.describe('the header on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('is one row, at most 96 px, with the menu behind a disclosure that works by keyboard', async ({ page }) => {
    await page.goto(topic.url);
    const header = page.locator('body > header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(96);
    const menu = page.locator('details.site-menu');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await menu.locator('summary').focus();
    await page.keyboard.press('Enter');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText('Roadmaps');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/roadmaps/');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the menu still opens and its links work', async ({ page }) => {
      await page.goto('/');
      await page.locator('details.site-menu summary').click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
      await expect(page).toHaveURL('/topics/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  });
});
