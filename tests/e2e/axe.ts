/**
 * axe for every browser test: the WCAG tags the site is held to, and violations as readable lines
 * ("rule: help (selectors)"), so a failing test says what and where.
 *
 * Legacy mode runs axe in the page itself. The default mode opens a fresh blank page after every run to merge
 * results across iframes: our pages have no iframes, and that page cost two thirds of each check (the sweep of
 * every page took 8 of the suite's 12 minutes).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** axe violations on the page as it is now; `rules` limits the run to those rules (within WCAG_TAGS). */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (rules) builder.withRules(rules);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
}
