/**
 * A lab's start as a learner meets it: a reader who only reads fetches none of the engine; the engine starts loading
 * on intent (the pointer on "Start the lab"); while it loads a progress bar counts its bytes and says what they are;
 * and on a return visit, with the engine kept by the service worker, it starts before any click and says it works
 * offline; offline with the page kept but not its engine, it says so and what to do.
 */
import type { Page, Request } from '@playwright/test';
import { labPage, sqlLab } from './content.ts';
import { controlled, cutNetwork } from './offline-helpers.ts';
import { expect, test } from './learner.ts';

/** Cold PGlite start on a busy two-core machine takes seconds. */
const ENGINE_START = 60_000;
/** The files of a lab engine: WebAssembly, PGlite's bundle and cluster, a worker script. */
const ENGINE_FILE = /\.(wasm|data|tar\.[^/]*gz)$|-worker[.-][^/]*\.js$/;
const isEngine = (request: Request) => ENGINE_FILE.test(new URL(request.url()).pathname);

const bar = (page: Page) => page.locator('[data-engine-progress]');
const ready = (page: Page) => page.locator('atlas-lab-workbench[data-ready="true"]');

test('a reader who only reads fetches no engine; the pointer on "Start the lab" starts loading it', async ({
  page,
}) => {
  const engine: string[] = [];
  page.context().on('request', (request) => isEngine(request) && engine.push(request.url()));
  await page.goto(sqlLab.url);
  await page.getByRole('heading', { name: 'Task' }).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 600);
  await page.getByLabel('Starter code').scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  expect(engine).toEqual([]);

  const wasm = page.waitForRequest((request) => /pglite\.[^/]+\.wasm$/.test(request.url()), { timeout: 10_000 });
  await page.getByRole('button', { name: 'Start the lab' }).hover();
  await wasm;
  await expect(page.getByRole('button', { name: 'Start the lab' })).toBeVisible(); // not started: only loading
});

// Postgres reports from the database's worker; Pyodide reports nothing itself, so the Python workers fetch its files
// with a count first (pyodide-download.ts).
for (const [what, url] of [
  ['Postgres', sqlLab.url],
  ['Python', labPage('py-lru-cache').url],
] as const) {
  test(`while ${what} loads, a progress bar counts its bytes and says what loads, then gives way to "Ready"`, async ({
    page,
  }) => {
    await page.goto(url);
    // Every value the bar takes, and the words beside it, as they change.
    await page.evaluate(() => {
      const seen: { values: number[]; texts: string[] } = { values: [], texts: [] };
      (globalThis as { seen?: typeof seen }).seen = seen;
      const progress = document.querySelector<HTMLProgressElement>('[data-engine-progress]')!;
      const state = document.querySelector('[data-engine-state]')!;
      new MutationObserver(() => {
        if (progress.hasAttribute('value')) seen.values.push(progress.value / progress.max);
        seen.texts.push(state.textContent ?? '');
      }).observe(progress.parentElement!, { attributes: true, subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Start the lab' }).click();
    await expect(page.getByRole('progressbar', { name: `Loading ${what}` })).toBeVisible({ timeout: ENGINE_START });
    await expect(ready(page)).toBeAttached({ timeout: ENGINE_START });
    await expect(bar(page)).toBeHidden();
    const seen = await page.evaluate(() => (globalThis as { seen?: { values: number[]; texts: string[] } }).seen!);
    const partway = seen.values.filter((value) => value > 0 && value < 1);
    expect(partway.length, 'values between empty and full').toBeGreaterThan(2);
    expect([...seen.values].sort((a, b) => a - b)).toEqual(seen.values); // it only moves forward
    expect(seen.values.at(-1)).toBe(1);
    expect(seen.texts.some((text) => new RegExp(`^${what} \\d+\\.\\d of \\d+\\.\\d MB$`).test(text))).toBe(true);
    // Downloaded is not ready: the words say the engine is starting until it is.
    expect(seen.texts).toContainEqual(
      expect.stringMatching(new RegExp(`^${what} downloaded \\(\\d+\\.\\d MB\\), starting…$`)),
    );
    await expect(page.locator('[data-announce]')).toHaveText(/^Ready \(\d+\.\d s\)/);
  });
}

test.describe('a return visit', () => {
  test.use({ serviceWorkers: 'allow' });

  test('with the engine kept by the service worker, it starts loading before any click and is ready offline', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await page.goto(sqlLab.url);
    await controlled(page);
    await page.getByRole('button', { name: 'Start the lab' }).click();
    await expect(ready(page)).toBeAttached({ timeout: ENGINE_START });
    // The service worker keeps what the engine fetched, as it arrives.
    const kept = () =>
      page.evaluate(async () => {
        for (const name of await caches.keys()) {
          const requests = await (await caches.open(name)).keys();
          if (requests.some((request) => /\/pglite\.[^/]+\.wasm$/.test(new URL(request.url).pathname))) return true;
        }
        return false;
      });
    await expect.poll(kept, { timeout: 30_000 }).toBe(true);

    await page.mouse.move(0, 0);
    const engine: string[] = [];
    page.context().on('request', (request) => isEngine(request) && engine.push(request.url()));
    await page.goto(sqlLab.url);
    await expect.poll(() => engine.some((url) => /pglite\.[^/]+\.wasm$/.test(url)), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: 'Start the lab' }).click();
    await expect(ready(page)).toBeAttached({ timeout: ENGINE_START });
    await expect(page.locator('[data-announce]')).toHaveText(/^Ready \(\d+\.\d s, also offline\)/);
  });

  test('offline, with the page kept but never started, the lab says its files did not download and what works offline', async ({
    context,
    page,
  }) => {
    await page.goto(sqlLab.url);
    await controlled(page);
    await page.reload(); // kept by the worker now; nothing of the engine was fetched
    await cutNetwork(context, page);
    await page.reload();
    await page.getByRole('button', { name: 'Start the lab' }).click();
    await expect(page.locator('[data-announce]')).toHaveText(
      /^The lab could not start: its files did not download\. Offline, a lab starts once it has been started here online/,
    );
    await expect(page.getByRole('button', { name: 'Start the lab' })).toBeEnabled();
    await expect(bar(page), 'no empty progress track beside the failure').toBeHidden();
    await context.setOffline(false);
  });
});
