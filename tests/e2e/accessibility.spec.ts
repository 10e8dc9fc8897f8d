/**
 * Every page in the sitemap answers 200 and has no axe violations (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA), in the light
 * theme and in the dark theme. All pages, no sampling. The light pass runs every rule of those tags. Switching
 * theme changes colours only (the DOM is the same), so the dark pass runs the rules that read colours.
 * Pages are checked in batches that share one browser page (a fresh context per page costs more than axe does);
 * each page is its own step and every failing page is reported.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { sitemapPaths } from './build-output';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
/** The axe rules (within TAGS) whose outcome depends on colours. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const BATCH = 12;
const paths = sitemapPaths();

async function violations(page: Page, rules?: string[]) {
  const builder = new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] });
  if (rules) builder.withRules(rules);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

test('the sitemap lists the site', () => {
  expect(paths.length).toBeGreaterThan(10);
  console.log(`accessibility: all ${paths.length} sitemap pages; light theme: every ${TAGS.join('/')} rule; dark theme: ${COLOUR_RULES.join(', ')}`);
});

for (let start = 0; start < paths.length; start += BATCH) {
  const batch = paths.slice(start, start + BATCH);
  test(`200 and axe-clean in both themes: ${batch[0]} … ${batch.at(-1)} (${batch.length} pages)`, async ({ page }) => {
    test.setTimeout(30_000 + batch.length * 15_000);
    for (const path of batch) {
      await test.step(path, async () => {
        await page.emulateMedia({ colorScheme: 'light' });
        const response = await page.goto(path);
        expect.soft(response?.status(), `${path} status`).toBe(200);
        expect.soft(await violations(page), `${path} light theme`).toEqual([]);
        await page.emulateMedia({ colorScheme: 'dark' });
        expect.soft(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), `${path} dark theme applied`).toBe('dark');
        expect.soft(await violations(page, COLOUR_RULES), `${path} dark theme`).toEqual([]);
      });
    }
  });
}
