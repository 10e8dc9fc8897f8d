/**
 * Fixtures that share work between the tests of a worker, for specs that load many pages and change nothing a
 * later test could see. Playwright's own `page` gives each test a new context, and so a new renderer that parses the
 * site's scripts and axe again: right for a test that writes storage or changes the page's settings, wasted on a
 * sweep that only reads (docs/benchmarks.md, "The test run"; CONTRIBUTING.md, "Write a test that does not cost the
 * suite its ten minutes").
 *
 * - `workerPage`: one page per worker, in a context made with the project's options, axe put into every document it
 *   opens (./axe.ts). A test that uses it must leave it as it found it, or clear what it changed.
 */
import { type BrowserContextOptions, type Page, test as base } from '@playwright/test';
import { axeInEveryPage } from './axe.ts';

export { expect } from '@playwright/test';

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
  'colorScheme',
  'javaScriptEnabled',
] as const;

export const test = base.extend<object, { workerPage: Page }>({
  workerPage: [
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
