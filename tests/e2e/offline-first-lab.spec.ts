/**
 * A lab started on a learner's very first visit, before the service worker controls the page, works offline
 * afterwards: once the worker is there, the page asks it to keep the engine it used (issue 61 item 7, issue 59).
 * The other offline specs reload online first, so the engine is fetched through the worker; this one never does.
 */
import type { Page } from '@playwright/test';
import { codeLab, sqlLab } from './content.ts';
import { expect, test } from './learner.ts';
import { LRU, SQL_FIX } from './lab-answers.ts';
import { controlled, cutNetwork } from './offline-helpers.ts';

/** Cold engine start on a busy two-core machine takes seconds; keeping its files (mostly from the HTTP cache) too. */
const ENGINE_START = 60_000;

const ready = (page: Page) => page.locator('atlas-lab-workbench[data-ready="true"]');

/** Clicks "Start the lab" at once and says whether the worker controlled the page at that moment. */
const startAtOnce = (page: Page) =>
  page.evaluate(() => {
    const uncontrolled = navigator.serviceWorker.controller === null;
    document.querySelector<HTMLButtonElement>('atlas-lab-workbench [data-start]')!.click();
    return uncontrolled;
  });

/** Whether a file of the engine, found by its name, is in Cache Storage. */
const kept = (page: Page, file: RegExp) =>
  page.evaluate(async (source) => {
    const pattern = new RegExp(source);
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      if (requests.some((request) => pattern.test(new URL(request.url).pathname))) return true;
    }
    return false;
  }, file.source);

async function runSolution(page: Page, code: string) {
  await page.getByRole('textbox', { name: /^Your / }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.getByRole('button', { name: /^Run and check/ }).click();
  await expect(page.locator('[data-announce]')).toHaveText(/^Passed: all \d+ (checks|tests) pass/, {
    timeout: ENGINE_START,
  });
}

test.use({ serviceWorkers: 'allow' });

for (const lab of [
  { name: 'an SQL lab (PGlite)', url: sqlLab.url, file: /\/pglite\.[^/]+\.wasm$/, solution: SQL_FIX },
  { name: 'a code lab (QuickJS)', url: codeLab.url, file: /\/emscripten-module\.[^/]+\.wasm$/, solution: LRU },
])
  test(`${lab.name} started on the first visit, before the worker controls the page, works offline afterwards`, async ({
    context,
    page,
  }) => {
    test.setTimeout(4 * ENGINE_START);
    await page.goto(lab.url);
    expect(await startAtOnce(page), 'the click came before the worker controlled the page').toBe(true);
    await expect(ready(page)).toBeAttached({ timeout: ENGINE_START });
    await expect(page.locator('[data-announce]')).not.toContainText('also offline');
    await controlled(page);
    await expect.poll(() => kept(page, lab.file), { timeout: ENGINE_START }).toBe(true);

    await cutNetwork(context, page);
    await page.reload();
    await page.getByRole('button', { name: /^(Start|Continue) the lab$/ }).click();
    await expect(ready(page)).toBeAttached({ timeout: ENGINE_START });
    await expect(page.locator('[data-announce]')).toHaveText(/^Ready \(\d+\.\d s, also offline\)/);
    await runSolution(page, lab.solution);
    await context.setOffline(false);
  });
