/**
 * Every page in the sitemap answers 200 and has no axe violations (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA), in the light
 * theme and in the dark theme. All pages, no sampling. The light pass runs every rule of those tags. Switching
 * theme changes colours only (the DOM is the same), so the dark pass runs the rules that read colours (axeBothThemes
 * in ./axe.ts). A page opens in the theme the page before it ended in, and that theme is checked first: one switch a
 * page. Pages are checked in batches, each page its own step, so every failing page is reported. All batches of a worker
 * share one browser page: a new context per batch starts a new renderer, which compiles axe and warms up again
 * (measured in docs/benchmarks.md, "Measured choices").
 */
import { type BrowserContextOptions, expect, type Page, test as base } from '@playwright/test';
import { axeBothThemes, axeInEveryPage, COLOUR_RULES, WCAG_TAGS } from './axe.ts';
import { sitemapPaths } from './build-output.ts';

/**
 * Highlighted code's tokens, hundreds of spans on a topic page, are left out: their colours are a few fixed pairs that
 * tests/unit/styles/design-tokens.test.ts holds to 4.5:1 on the code backgrounds in both themes, and checking them on every
 * page was a tenth of the sweep's time (3 min 30 s → 3 min 10 s, measured 2026-11-25). The code blocks themselves
 * (scrolling, focus) are still checked.
 */
const LEFT_OUT = ['pre code'];
const BATCH = 12;
const paths = sitemapPaths();

/** The context options the project sets (base URL, viewport, service workers blocked…), for a context made by hand. */
const CONTEXT_OPTIONS = [
  'baseURL',
  'viewport',
  'userAgent',
  'deviceScaleFactor',
  'isMobile',
  'hasTouch',
  'serviceWorkers',
  'bypassCSP',
  'locale',
] as const;

const test = base.extend<object, { sweepPage: Page }>({
  sweepPage: [
    async ({ browser }, use, workerInfo) => {
      const options = Object.fromEntries(
        CONTEXT_OPTIONS.map((name) => [name, workerInfo.project.use[name]]).filter(([, value]) => value !== undefined),
      ) as BrowserContextOptions;
      const context = await browser.newContext(options);
      await axeInEveryPage(context);
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
});

test('the sitemap lists the site', () => {
  expect(paths.length).toBeGreaterThan(10);
  console.log(
    `accessibility: all ${paths.length} sitemap pages; light theme: every ${WCAG_TAGS.join('/')} rule; dark theme: ${COLOUR_RULES.join(', ')}`,
  );
});

for (let start = 0; start < paths.length; start += BATCH) {
  const batch = paths.slice(start, start + BATCH);
  test(`200 and axe-clean in both themes: ${batch[0]} … ${batch.at(-1)} (${batch.length} pages)`, async ({
    sweepPage: page,
  }) => {
    test.setTimeout(30_000 + batch.length * 15_000);
    for (const path of batch) {
      await test.step(path, async () => {
        const response = await page.goto(path);
        expect.soft(response?.status(), `${path} status`).toBe(200);
        expect.soft(await axeBothThemes(page, LEFT_OUT), path).toEqual([]);
      });
    }
  });
}
