/**
 * A design lab's cost for `npm run measure` (measure-labs.ts): the bytes fetched from the first edit of the design
 * to the end of the first run, the simulator's worker included (gzip, and as sent), the time one run of every hidden scenario takes in the page
 * (the model design, median of three after a first run), and, with the page's main thread throttled 4× (a slow
 * phone; Chromium's throttling leaves the simulator's worker as it is), a run's time and the longest task it left on
 * the main thread: what blocks typing while it runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { readContentDir } from '../lib/content/content-files.ts';
import { recordFetches } from './measure-lab-start.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The time of one run, as the page reports it. */
async function runOnce(page: Page): Promise<number> {
  const ms = page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        addEventListener('lab-run', (e) => resolve((e as CustomEvent<{ ms: number }>).detail.ms), { once: true }),
      ),
  );
  await page.getByRole('button', { name: 'Run the scenarios' }).click();
  return ms;
}

/** One run with the main thread throttled 4×: its time and the longest main-thread task (Long Tasks API) in it. */
async function throttledRun(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    const box = globalThis as unknown as { longestTask: number };
    box.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) box.longestTask = Math.max(box.longestTask, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const ms = await runOnce(page);
  const longest = await page.evaluate(() => (globalThis as unknown as { longestTask: number }).longestTask);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return { ms, longest };
}

export async function measureDesignLab(context: BrowserContext, dist: string, path: string): Promise<string> {
  const id = path.split('/')[2]!;
  const entry = readContentDir().find((e) => e.collection === 'labs' && e.id === id);
  const solution = (entry?.data as { solution: string }).solution;
  const page = await context.newPage();
  await page.goto(path);
  const { fetched, stop } = recordFetches(context);
  const editor = page.getByRole('textbox', { name: 'Your design', exact: true });
  await editor.focus();
  await page.locator('atlas-design-lab[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(solution);
  await runOnce(page); // the first run starts the simulator's worker: its bytes count
  stop();
  const gzip = [...fetched.keys()].reduce((n, url) => n + gzipSync(readFileSync(join(dist, url))).length, 0);
  const sent = [...fetched.values()].reduce((n, b) => n + b, 0);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push(await runOnce(page));
  const median = [...times].sort((a, b) => a - b)[1]!;
  const slow = await throttledRun(context, page);
  await page.close();
  const throttled = `(main thread 4× slower: run ${slow.ms.toFixed(0)} ms, its longest task ${slow.longest.toFixed(0)} ms)`;
  return `${`design: ${path}`.padEnd(40)} ${`${kb(gzip)} / ${kb(sent)} in ${fetched.size} files`.padEnd(32)} ${'(first edit → first run)'.padEnd(27)} every scenario ${median.toFixed(0)} ms ${throttled}`;
}
