/**
 * Every page in the sitemap answers 200 and has no axe violations (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA),
 * in the light theme and in the dark theme. All pages, no sampling: one test per page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { sitemapPaths } from './build-output';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const paths = sitemapPaths();

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}

test('the sitemap lists the site', () => {
  expect(paths.length).toBeGreaterThan(10);
  console.log(`accessibility: checking all ${paths.length} sitemap pages in light and dark themes`);
});

for (const path of paths) {
  test(`200 and axe-clean in both themes: ${path}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const response = await page.goto(path);
    expect(response?.status(), `${path} status`).toBe(200);
    expect(await violations(page), `${path} light theme`).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    expect(await violations(page), `${path} dark theme`).toEqual([]);
  });
}
