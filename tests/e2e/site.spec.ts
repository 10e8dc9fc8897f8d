/**
 * The site as a visitor meets it: complete without JavaScript, readable at 320 px, themes, 404, CSP, search index.
 * (Alias redirects are checked on a fixture build in tests/unit/content/build.test.ts: the real content has no renamed entry yet.)
 */
import { expect, test } from './fixtures.ts';
import { builtPages, sitemapPaths } from './build-output.ts';
import { named, topic } from './content.ts';

const roadmapPath = sitemapPaths().find((p) => /^\/roadmaps\/[^/]+\/$/.test(p))!;

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a roadmap page is complete: stages, topic links and navigation', async ({ page }) => {
    await page.goto(roadmapPath);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const stageList = page.getByRole('list', { name: 'Stages' });
    const stages = stageList.getByRole('heading', { level: 2 });
    expect(await stages.count()).toBeGreaterThan(0);
    const topicLinks = stageList.locator('a[href^="/topics/"]');
    expect(await topicLinks.count()).toBeGreaterThan(1);
    await topicLinks.first().click();
    await expect(page).toHaveURL(/\/topics\/[^/]+\/$/);
    await expect(page.getByRole('heading', { name: 'Resources' })).toBeVisible();
  });
});

test('the skip link moves focus to the main content', async ({ readPage: page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('pages fit a 320 px screen without horizontal scrolling', async ({ readPage: page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', roadmapPath, '/topics/', topic.url, '/roles/', '/questions/', '/projects/', '/compare/']) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

test('a wide table scrolls inside its own named, focusable region on a phone; the page does not scroll sideways', async ({
  readPage: page,
}) => {
  // The built pages whose tables have the most columns: a comparison of four or more options does not fit 390 px.
  const columns = (html: string) =>
    Math.max(
      0,
      ...[...html.matchAll(/<tr>((?:\s*<th[^>]*>[\s\S]*?<\/th>)+)/g)].map((m) => m[1]!.split('<th').length - 1),
    );
  const widest = builtPages()
    .filter((p) => p.html.includes('class="table-scroll"'))
    .map((p) => ({ path: p.path, columns: columns(p.html) }))
    .sort((a, b) => b.columns - a.columns || a.path.localeCompare(b.path))
    .slice(0, 6);
  expect(widest.length).toBe(6);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const { path } of widest) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    const region = page.getByRole('region', { name: /^Table: / }).first();
    await expect(region).toHaveAttribute('tabindex', '0');
    const scrolls = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
    if (scrolls) {
      await region.focus();
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => region.evaluate((el) => el.scrollLeft), `${path}: the table scrolls by keyboard`)
        .toBeGreaterThan(0);
    }
  }
});

test('the theme and its button follow the system until the visitor chooses, then the choice is remembered without a flash', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/topics/');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const darkBg = await bg();
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toBeEnabled();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The system theme changes while the page is open: the page and the button follow it.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await bg()).not.toBe(darkBg);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await bg()).not.toBe(darkBg);
  // A choice made holds when the system theme changes again.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await bg()).not.toBe(darkBg);
  // The stored choice is applied by the inline head script, before any stylesheet or module runs.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive')
        (window as unknown as { themeAtParse: string }).themeAtParse = document.documentElement.dataset.theme ?? '';
    });
  });
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { themeAtParse: string }).themeAtParse)).toBe('light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});

test('an unknown URL answers 404 with a helpful page', async ({ readPage: page }) => {
  const response = await page.goto('/topics/no-such-topic/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('pages carry a canonical URL, a description and a CSP, and break no CSP rule', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto(topic.url);
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', new RegExp(`^https?://[^/]+${topic.url}$`));
  await expect(page.locator('meta[name=description]')).toHaveAttribute('content', /.{20,}/);
  await expect(page.locator('meta[http-equiv=content-security-policy]')).toHaveAttribute(
    'content',
    /script-src 'self' 'wasm-unsafe-eval'/,
  );
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(violations).toEqual([]);
});

test('a diagram is an inline SVG the stylesheet paints in either theme, breaks no CSP rule, and reads as text', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto(named.httpsTls.url);
  const figure = page.locator('figure.diagram');
  const drawing = figure.getByRole('img', { name: /TLS 1\.3 handshake/ });
  await expect(drawing).toBeVisible();
  const paint = () =>
    drawing
      .getByText('Client', { exact: true })
      .evaluate((text) => `${getComputedStyle(text).fill} ${getComputedStyle(text).fontFamily}`);
  const light = await paint();
  expect(light).toMatch(/^rgb\(22, 26, 35\) "Inter Variable"/);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await paint()).toMatch(/^rgb\(231, 235, 242\) /);
  await figure.getByText('The diagram as text').click();
  await expect(figure.getByRole('listitem').first()).toHaveText('Client → Server: ClientHello + key_share');
  expect(violations).toEqual([]);
});

test('the Pagefind index built with the site answers a query under the CSP', async ({ readPage: page }) => {
  await page.goto('/');
  const urls = await page.evaluate(async (query) => {
    const url = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ url)) as {
      search: (query: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
    };
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    return data.map((d) => d.url);
  }, topic.id);
  expect(urls).toContain(topic.url);
});
