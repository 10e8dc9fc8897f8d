/**
 * The browser tests' harness: `test` with a learner whose progress is set before the first page loads, and the
 * page helpers the specs share. The store's key and format version come from the site's own code, so a new format
 * moves every spec at once.
 */
import { type Browser, type BrowserContextOptions, expect, type Locator, type Page } from '@playwright/test';
import { test as base } from './fixtures.ts';
import { EXPORT_KIND } from '../../src/lib/progress/export-file.ts';
import { emptyProgress, FORMAT_VERSION, type Progress, STORAGE_KEY } from '../../src/lib/progress/progress-store.ts';

export { expect } from '@playwright/test';
export { EXPORT_KIND, FORMAT_VERSION, STORAGE_KEY };

/** Where the site sets an unreadable store aside: this prefix and the time it did (src/components/progress/progress.ts). */
export const SET_ASIDE_PREFIX = `${STORAGE_KEY}-unreadable`;

/** A store as the site writes it, every section present, with `sections` over the empty ones. */
export const storeText = (sections: Record<string, object> = {}) => JSON.stringify({ ...emptyProgress(), ...sections });

/** The store's text as the page holds it, or null when there is none. */
export const readStoreText = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

/** A store as the site writes it: a test that expects anything else reads the text (`readStoreText`). */
type Store = Progress & { version: number };

/** The store as the page holds it, parsed, or null when there is none. */
export const readStoreIfAny = async (page: Page) => JSON.parse((await readStoreText(page)) ?? 'null') as Store | null;

/** The store as the page holds it, parsed; a page that has none fails the test here, saying so. */
export async function readStore(page: Page): Promise<Store> {
  const store = await readStoreIfAny(page);
  if (!store) throw new Error('This browser holds no progress store yet.');
  return store;
}

/** Writes the store's text as another tab, an old version of the site or a broken disk would have left it. */
export const writeStore = (page: Page, text: string) =>
  page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, text] as const);

/** The stores set aside as unreadable, newest first. */
export const setAside = (page: Page) =>
  page.evaluate(
    (prefix) =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith(prefix))
        .sort()
        .reverse()
        .map((key) => ({ key, text: localStorage.getItem(key)! })),
    SET_ASIDE_PREFIX,
  );

type Copies = { copiedTexts: string[] };

/**
 * Records what the page copies. Every worker's browser shares one system clipboard, so reading it back could read
 * another test's copy ("stage headings have a copy-link button" once read the portfolio's Markdown); this keeps
 * what this page wrote. The write still goes through, so a refused write fails the page's own way. Call before the
 * first page loads.
 */
export const recordClipboard = (page: Page) =>
  page.addInitScript(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    const copies = ((window as unknown as Copies).copiedTexts = []) as string[];
    clipboard.writeText = (text: string) => {
      copies.push(text);
      return write(text);
    };
  });

/** The text the page copied last (recorded by `recordClipboard`), once it has copied something. */
export async function copiedText(page: Page): Promise<string> {
  const copies = () => page.evaluate(() => (window as unknown as Copies).copiedTexts);
  await expect.poll(async () => (await copies()).length, 'the page copied something').toBeGreaterThan(0);
  return (await copies()).at(-1)!;
}

/** Presses Tab until `target` has focus, as a keyboard user would reach it: proves it is reachable, in page order. */
export async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('not reached by Tab');
}

/** The page's uncaught errors and Content Security Policy reports from now on (an empty list when all is well). */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) errors.push(msg.text());
  });
  return errors;
}

/** A topic's node on a roadmap map. */
export const node = (page: Page, id: string) => page.locator(`.rg-topic[id="${id}"]`).first();

/**
 * Puts `entries` into localStorage before the first page of each tab loads, as a learner who has been here before
 * left them. Once per tab: later loads in the test see what the learner (and the site) wrote since.
 */
const seedStorage = (page: Page, entries: Record<string, string>) =>
  page.addInitScript((values) => {
    // about:blank, which tests visit between pages, has no storage to seed.
    if (location.protocol === 'about:' || sessionStorage.getItem('atlas-test-seeded')) return;
    sessionStorage.setItem('atlas-test-seeded', '1');
    for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
  }, entries);

/** A page in a browser profile of its own (another device, a fresh profile), with `progress` stored when given. */
export async function anotherBrowser(browser: Browser, progress?: string, options: BrowserContextOptions = {}) {
  const page = await (await browser.newContext(options)).newPage();
  if (progress !== undefined) await seedStorage(page, { [STORAGE_KEY]: progress });
  return page;
}

interface Learner {
  /** The store's text before the first page of the test loads (a fresh learner when unset). */
  progress: string | undefined;
  /** Other keys of localStorage set with it: the last visit to a roadmap, the last copy taken, a store set aside. */
  storage: Record<string, string>;
}

/**
 * Playwright's `test`, with `test.use({ progress: storeText({ … }) })` for a learner who has been here before (and
 * `storage` for the rest of what the site keeps in this browser).
 */
export const test = base.extend<Learner>({
  progress: [undefined, { option: true }],
  storage: [{}, { option: true }],
  page: async ({ page, progress, storage }, use) => {
    const entries = progress === undefined ? storage : { ...storage, [STORAGE_KEY]: progress };
    if (Object.keys(entries).length > 0) await seedStorage(page, entries);
    await use(page);
  },
});

/**
 * Requests of a page matching `pattern`, counted from now: `idle()` resolves once none is in flight and the page
 * has drawn twice since, so the work they fed (a search answering, a list redrawn) is on the screen.
 */
export function trackRequests(page: Page, pattern: RegExp) {
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const ours = (url: string) => pattern.test(new URL(url).pathname);
  page.on('request', (request) => ours(request.url()) && inFlight++);
  const done = (request: { url(): string }) => {
    if (!ours(request.url())) return;
    inFlight--;
    if (inFlight === 0) wake?.();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async idle() {
      while (inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      if (inFlight > 0) await this.idle();
    },
  };
}
