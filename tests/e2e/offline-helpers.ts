/**
 * Going offline in a browser test, shared by the specs that test it. `context.setOffline(true)` alone still lets
 * Chromium answer from its HTTP cache, so a page would "load offline" without any service worker: the cache is
 * emptied first.
 */
import type { BrowserContext, Page } from '@playwright/test';

/** Waits until the service worker controls the page. */
export async function controlled(page: Page) {
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
}

/** Empties the HTTP cache and cuts the network: what still loads comes from the service worker. */
export async function cutNetwork(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await context.setOffline(true);
}
