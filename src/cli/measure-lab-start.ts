/**
 * One lab's start for `npm run measure` (measure-labs.ts): from the click on "Start the lab" to the first progress
 * the page shows (the bar's first count of bytes, or the bar itself for an engine that counts none) and to ready,
 * timed on the page's own clock, with the bytes fetched meanwhile; optionally with the CPU throttled (Chromium's
 * Emulation.setCPUThrottlingRate), as on a slow phone.
 */
import type { BrowserContext, Page, Response } from '@playwright/test';

export interface LabStart {
  /** Click to the first progress shown, and to ready, in ms. */
  progress: number;
  ready: number;
  /** Bytes fetched from the click to ready, as sent, by URL path. */
  fetched: Map<string, number>;
}

/** Watches, in the page, for the first progress shown and for ready, each timed from the click. */
function watchStart() {
  const times: { click?: number; progress?: number; ready?: number } = {};
  (globalThis as { atlasStart?: typeof times }).atlasStart = times;
  const root = document.querySelector<HTMLElement>('atlas-lab-workbench')!;
  const bar = root.querySelector<HTMLProgressElement>('[data-engine-progress]')!;
  addEventListener('click', () => (times.click ??= performance.now()), { capture: true });
  new MutationObserver(() => {
    if (!bar.hidden && bar.hasAttribute('value') && bar.value > 0) times.progress ??= performance.now();
    if (root.dataset.ready === 'true') times.ready ??= performance.now();
  }).observe(root, { attributes: true, subtree: true, attributeFilter: ['value', 'hidden', 'data-ready'] });
}

/** Records the bytes of every response the context receives, as sent, by URL path, until `stop()`. */
export function recordFetches(context: BrowserContext) {
  const fetched = new Map<string, number>();
  const onResponse = async (response: Response) => {
    const sizes = await response
      .request()
      .sizes()
      .catch(() => undefined);
    fetched.set(new URL(response.url()).pathname, sizes?.responseBodySize ?? 0);
  };
  context.on('response', onResponse);
  return { fetched, stop: () => context.off('response', onResponse) };
}

/** Opens `path` and starts its lab; `throttle` slows the CPU that many times (1: not at all). */
export async function startLab(page: Page, context: BrowserContext, path: string, throttle = 1): Promise<LabStart> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(path);
  await page.evaluate(watchStart);
  const { fetched, stop } = recordFetches(context);
  await page.getByRole('button', { name: /^(Start|Continue) the lab$/ }).click();
  await page.locator('atlas-lab-workbench[data-ready="true"]').waitFor({ state: 'attached', timeout: 240_000 });
  stop();
  const times = await page.evaluate(
    () => (globalThis as { atlasStart?: { click: number; progress?: number; ready: number } }).atlasStart!,
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  return { progress: (times.progress ?? times.ready) - times.click, ready: times.ready - times.click, fetched };
}

/** A start's times as `npm run measure` prints them: "first progress 0.12 s, ready 2.30 s". */
export const startTimes = (start: LabStart) =>
  `${(start.progress / 1000).toFixed(2)} / ${(start.ready / 1000).toFixed(2)} s`;
