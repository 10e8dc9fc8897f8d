/**
 * axe for every browser test: the WCAG tags the site is held to, and violations as readable lines
 * ("rule: help (selectors)"), so a failing test says what and where.
 *
 * axe-core is put into the page once per document and run there directly. @axe-core/playwright's AxeBuilder
 * injected and parsed all of axe (half a megabyte) before every run, and in its default mode also opened a blank
 * page after each run to merge iframe results (our pages have no iframes): the sweep of every page in both themes
 * runs axe twice per page, and that overhead was most of its time (figures in docs/benchmarks.md, "Measured choices").
 */
import type { BrowserContext, Page } from '@playwright/test';
import type axe from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * axe's own minified build (axe-core/axe.min.js), the same code as `axe.source` at 0.65 MB instead of 1.5: parsing it
 * in every page of the sweep took about 10 ms less a page (docs/benchmarks.md, "Measured choices").
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/** Puts axe into every document the context opens, as the page loads: for a sweep of many pages, sooner than after. */
export async function axeInEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript(AXE_SOURCE);
}

/**
 * axe violations on the page as it is now; `rules` limits the run to those rules (within WCAG_TAGS), `exclude` leaves
 * out the elements those selectors match.
 */
export async function axeViolations(page: Page, rules?: string[], exclude: string[] = []): Promise<string[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(AXE_SOURCE);
  const runOnly: axe.RunOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: WCAG_TAGS };
  const violations = await page.evaluate(
    async ([only, leftOut]) => {
      const context = leftOut.length ? { exclude: leftOut.map((s) => [s]) } : document;
      const result = await window.axe!.run(context, { runOnly: only, resultTypes: ['violations'] });
      return result.violations.map(({ id, help, nodes }) => ({
        id,
        help,
        targets: nodes.map((n) => n.target.join(' ')),
      }));
    },
    [runOnly, exclude] as const,
  );
  return violations.map((v) => `${v.id}: ${v.help} (${v.targets.slice(0, 3).join(' | ')})`);
}
