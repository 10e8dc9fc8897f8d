/**
 * Every page in the sitemap answers 200 and has no axe violations (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA), in the light
 * theme and in the dark theme. All pages, no sampling. The light pass runs every rule of those tags, the rules that
 * read only the document's frame (PAGE_RULES in ./axe.ts) once for each template a worker meets. Switching theme
 * changes colours only (the DOM is the same), so the dark pass runs the rules that read colours (axeBothThemes in
 * ./axe.ts). A page opens in the theme the page before it ended in, and that theme is checked first: one switch a
 * page. The site's header and footer (src/layouts/BaseLayout.astro) are read with the page the first time a worker
 * meets them as they are there, and left out after that (`pageFrame`). A page under /pt-br/ is also read for English
 * interface text (./portuguese.ts) in the same load. Pages are checked in batches, each page its own step, so every
 * failing page is reported. All batches of a worker share one browser page (`workerPage`, ./fixtures.ts): a new
 * context per batch starts a new renderer, which compiles axe and warms up again (measured in docs/benchmarks.md,
 * "Measured choices").
 */
import type { Page } from '@playwright/test';
import axe from 'axe-core';
import { axeBothThemes, COLOUR_RULES, PAGE_RULES, WCAG_TAGS } from './axe.ts';
import { sitemapPaths } from './build-output.ts';
import { expect, test } from './fixtures.ts';
import { notPortuguese } from './portuguese.ts';

/**
 * Highlighted code's tokens, hundreds of spans on a topic page, are left out: their colours are a few fixed pairs that
 * tests/unit/styles/design-tokens.test.ts holds to 4.5:1 on the code backgrounds in both themes, and checking them on every
 * page was a tenth of the sweep's time (3 min 30 s → 3 min 10 s, measured 2026-11-25). The code blocks themselves
 * (scrolling, focus) are still checked.
 */
const LEFT_OUT = ['pre code'];
const BATCH = 12;
const paths = sitemapPaths();

/** The layout's header and footer, around every page's <main>. */
const CHROME = ['body > header', 'body > footer'];

/**
 * What the page's axe results depend on, as far as PAGE_RULES and the header and footer go: its template, which is its
 * section of the site (the route that renders it; the header marks the section) and its stylesheets, inline ones by
 * their text (a component's CSS comes with the component); and its header and footer as they are once its scripts ran,
 * their markup with link targets left out (the language link points at the page itself, and axe reads no target
 * beyond a fragment), with the root's and the body's attributes and the width they are laid out in.
 */
async function pageFrame(page: Page, path: string): Promise<{ template: string; chrome: string }> {
  const [, section, entry] = path.split('/');
  const { sheets, chrome } = await page.evaluate((selectors) => {
    const attributes = (el: Element) => [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' ');
    const markup = selectors.map((selector) => {
      const copy = document.querySelector(selector)?.cloneNode(true) as Element | undefined;
      for (const link of copy?.querySelectorAll('[href]:not([href^="#"])') ?? []) link.setAttribute('href', '');
      return copy?.outerHTML ?? 'none';
    });
    return {
      sheets: [...document.styleSheets].map((sheet) => sheet.href ?? sheet.ownerNode?.textContent ?? '').join('\n'),
      chrome: [
        attributes(document.documentElement),
        attributes(document.body),
        document.documentElement.clientWidth,
        ...markup,
      ].join('\n'),
    };
  }, CHROME);
  const template = `${entry ? section : path}\n${sheets}`;
  return { template, chrome: `${template}\n${chrome}` };
}
/** The templates this worker has run PAGE_RULES on, and the headers and footers it has read (`pageFrame`). */
const templatesChecked = new Set<string>();
const chromesChecked = new Set<string>();

test('the sitemap lists the site and axe has the frame rules', () => {
  // A rule axe renamed or dropped would leave the frame unchecked on every page but the first of each template.
  const rules = axe.getRules(WCAG_TAGS).map((rule) => rule.ruleId);
  expect(PAGE_RULES.filter((id) => !rules.includes(id))).toEqual([]);
  expect(paths.length).toBeGreaterThan(10);
  console.log(
    `accessibility: all ${paths.length} sitemap pages; light theme: every ${WCAG_TAGS.join('/')} rule (${PAGE_RULES.join(', ')} once a template); dark theme: ${COLOUR_RULES.join(', ')}`,
  );
});

for (let start = 0; start < paths.length; start += BATCH) {
  const batch = paths.slice(start, start + BATCH);
  test(`200 and axe-clean in both themes: ${batch[0]} … ${batch.at(-1)} (${batch.length} pages)`, async ({
    workerPage: page,
  }) => {
    test.setTimeout(30_000 + batch.length * 15_000);
    for (const path of batch) {
      await test.step(path, async () => {
        const response = await page.goto(path);
        expect.soft(response?.status(), `${path} status`).toBe(200);
        // A Portuguese page is read for English interface text in the same load, after its scripts wrote their words.
        if (path.startsWith('/pt-br/')) expect.soft(await notPortuguese(page), `${path} in Portuguese`).toEqual([]);
        const { template, chrome } = await pageFrame(page, path);
        const skip = templatesChecked.has(template) ? PAGE_RULES : [];
        const leftOut = chromesChecked.has(chrome) ? [...LEFT_OUT, ...CHROME] : LEFT_OUT;
        expect.soft(await axeBothThemes(page, leftOut, skip), path).toEqual([]);
        templatesChecked.add(template);
        chromesChecked.add(chrome);
      });
    }
  });
}
