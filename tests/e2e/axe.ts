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

/** The axe rules (within WCAG_TAGS) whose outcome depends on colours: all that switching the theme can change. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * The axe rules (within WCAG_TAGS) that read only the document's frame, which src/layouts/BaseLayout.astro and a
 * page's stylesheets make and no entry's content can change: the <html> element's language (html-has-lang,
 * html-lang-valid, html-xml-lang-mismatch), the <meta> viewport and refresh, the way past repeated blocks (bypass:
 * the skip link, the header and landmarks), the stylesheets' orientation lock, aria-hidden on <body>, and focusable
 * content in a frame document (the site has no frames). Every other rule reads elements that content puts on the page
 * (text and its colours, links, lists, tables, images, ids, ARIA); document-title stays with them, as the title is the
 * entry's. The sweep runs these once for each template (tests/e2e/accessibility.spec.ts).
 */
export const PAGE_RULES = [
  'html-has-lang',
  'html-lang-valid',
  'html-xml-lang-mismatch',
  'meta-viewport',
  'meta-refresh',
  'bypass',
  'css-orientation-lock',
  'aria-hidden-body',
  'frame-focusable-content',
];

/**
 * axe violations on the page as it is now; `rules` limits the run to those rules (within WCAG_TAGS), `exclude` leaves
 * out the elements those selectors match, `skip` leaves out those rules. One round trip to the page: axe is put in
 * first only when it is missing (a document opened before `axeInEveryPage`, or a page that was not given it).
 */
export async function axeViolations(
  page: Page,
  rules?: string[],
  exclude: string[] = [],
  skip: string[] = [],
): Promise<string[]> {
  const runOnly: axe.RunOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: WCAG_TAGS };
  const run = () =>
    page.evaluate(
      async ([only, leftOut, off]) => {
        if (!window.axe) return null;
        const context = leftOut.length ? { exclude: leftOut.map((s) => [s]) } : document;
        const disabled = Object.fromEntries(off.map((id) => [id, { enabled: false }]));
        const result = await window.axe.run(context, { runOnly: only, rules: disabled, resultTypes: ['violations'] });
        return result.violations.map(({ id, help, nodes }) => ({
          id,
          help,
          targets: nodes.map((n) => n.target.join(' ')),
        }));
      },
      [runOnly, exclude, skip] as const,
    );
  let violations = await run();
  if (!violations) {
    await page.evaluate(AXE_SOURCE);
    violations = await run();
  }
  // A page axe cannot run in must fail the check, never pass it with no violations.
  if (!violations) throw new Error(`axe could not be put into ${page.url()}`);
  return violations.map((v) => `${v.id}: ${v.help} (${v.targets.slice(0, 3).join(' | ')})`);
}

/**
 * axe in both themes on the page as it is now: every WCAG_TAGS rule in the light theme, and COLOUR_RULES in the dark
 * one, since switching theme changes colours only (the DOM stays the same; the theme button follows the system theme).
 * The theme the page is in goes first: one switch a check, and a page opened after a check opens in the theme the
 * check ended in, so a sweep opens pages in both themes, as learners do. Each line names its theme; a theme the page's
 * CSS did not take is a line too. The page is left in the other theme. `skip` leaves rules out of the light pass (the
 * sweep's PAGE_RULES on a template it has checked).
 */
export async function axeBothThemes(page: Page, exclude: string[] = [], skip: string[] = []): Promise<string[]> {
  const startsDark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const themes = startsDark ? (['dark', 'light'] as const) : (['light', 'dark'] as const);
  const lines: string[] = [];
  for (const [i, theme] of themes.entries()) {
    if (i > 0) await page.emulateMedia({ colorScheme: theme });
    const applied = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    if (applied !== theme) lines.push(`${theme} theme: the page's colour scheme is "${applied}"`);
    const violations =
      theme === 'light'
        ? await axeViolations(page, undefined, exclude, skip)
        : await axeViolations(page, COLOUR_RULES, exclude);
    lines.push(...violations.map((v) => `${theme} theme: ${v}`));
  }
  return lines;
}
