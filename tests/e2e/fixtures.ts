/**
 * Fixtures that share work between the tests of a worker, for specs that load many pages and change nothing a
 * later test could see. Playwright's own `page` gives each test a new context, and so a new renderer that parses the
 * site's scripts and axe again: right for a test that writes storage or changes the page's settings, wasted on a
 * sweep that only reads (docs/benchmarks.md, "The test run"; CONTRIBUTING.md, "Write a test that does not cost the
 * suite its ten minutes").
 *
 * - `workerPage`: one page per worker, in a context made with the project's options, axe put into every document it
 *   opens (./axe.ts). A test that uses it must leave it as it found it, or clear what it changed.
 * - `readPage`: that page for a test that only loads pages and reads them (sorting a table or opening a menu is
 *   reading: the next load undoes it); it starts, and is left, on screen media in the light theme at the project's
 *   viewport.
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

export const test = base.extend<{ readPage: Page }, { workerPage: Page }>({
  // The project reuses one context per worker (playwright.config.ts, `reuseContext`). Playwright's reset leaves what a
  // test set at run time on the context (the network cut off, permissions granted, extra request headers) and the
  // site's Cache Storage, which a service worker a test allowed has filled: all are cleared here.
  context: async ({ context, baseURL }, use) => {
    await use(context);
    const [page] = context.pages();
    // Left on the test's last page, its scripts and lab engines would run on beside the worker's next tests.
    await page?.goto('about:blank');
    if (page && baseURL) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL).origin, storageTypes: 'all' });
      await cdp.detach();
    }
    await context.setOffline(false);
    await context.clearPermissions();
    await context.setExtraHTTPHeaders({});
  },
  readPage: async ({ workerPage, viewport }, use) => {
    // The sweep leaves the page in the theme its last check ended in; a reading test may leave print media or a phone.
    const reset = async () => {
      await workerPage.emulateMedia({ media: 'screen', colorScheme: 'light' });
      if (viewport) await workerPage.setViewportSize(viewport);
    };
    await reset();
    // A load of the page the last test ended on would be a jump within it, not a load.
    await workerPage.goto('about:blank');
    await use(workerPage);
    await reset();
  },
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
