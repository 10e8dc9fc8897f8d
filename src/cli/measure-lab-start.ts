/**
 * One lab's start for `npm run measure` (measure-labs.ts): from the click on "Start the lab" to the first progress
 * the page shows (the bar's first count of bytes, or the bar itself for an engine that counts none) and to ready,
 * timed on the page's own clock, with the bytes fetched meanwhile and the performance marks of the engine's worker;
 * optionally with the CPU of the page and of its workers throttled (throttle-renderers.ts), as on a slow phone.
 */
import type { BrowserContext, Page, Response } from '@playwright/test';
import { type WorkerMark, watchWorkers } from './cdp-workers.ts';
import { throttleRenderers } from './throttle-renderers.ts';

export interface LabStart {
  /** Click to the first progress shown, and to ready, in ms. */
  progress: number;
  ready: number;
  /** Bytes fetched from the click to ready, as sent, by URL path. */
  fetched: Map<string, number>;
  /** The performance marks of each worker live at ready, by its script's URL path, each in ms from the click. */
  marks: Map<string, WorkerMark[]>;
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

/**
 * Records the bytes of every response the context receives, as sent, by URL path, until `stop()`: summed as a proxy
 * would count them, so a file fetched twice counts twice, and one served from the browser's cache (a body of 0, or
 * -1 when unknown) adds nothing.
 */
export function recordFetches(context: BrowserContext) {
  const fetched = new Map<string, number>();
  const onResponse = async (response: Response) => {
    const sizes = await response
      .request()
      .sizes()
      .catch(() => undefined);
    const path = new URL(response.url()).pathname;
    fetched.set(path, (fetched.get(path) ?? 0) + Math.max(0, sizes?.responseBodySize ?? 0));
  };
  context.on('response', onResponse);
  return { fetched, stop: () => context.off('response', onResponse) };
}

/** Opens `path` and starts its lab; `throttle` slows the CPU that many times (1: not at all). */
export async function startLab(page: Page, context: BrowserContext, path: string, throttle = 1): Promise<LabStart> {
  const workers = await watchWorkers(context, page);
  await page.goto(path);
  await page.evaluate(watchStart);
  const { fetched, stop } = recordFetches(context);
  const unthrottle = throttleRenderers(throttle);
  await page.getByRole('button', { name: /^(Start|Continue) the lab$/ }).click();
  await page.locator('atlas-lab-workbench[data-ready="true"]').waitFor({ state: 'attached', timeout: 240_000 });
  await unthrottle();
  stop();
  const times = await page.evaluate(
    () => (globalThis as { atlasStart?: { click: number; progress?: number; ready: number } }).atlasStart!,
  );
  const click = await page.evaluate((at) => performance.timeOrigin + at, times.click);
  const marks = new Map(
    [...(await workers.marks())].map(([url, list]) => [
      new URL(url).pathname,
      list.map(({ name, at }) => ({ name, at: at - click })),
    ]),
  );
  await workers.detach();
  return { progress: (times.progress ?? times.ready) - times.click, ready: times.ready - times.click, fetched, marks };
}

/** A start's times as `npm run measure` prints them: "first progress 0.12 s, ready 2.30 s". */
export const startTimes = (start: LabStart) =>
  `${(start.progress / 1000).toFixed(2)} / ${(start.ready / 1000).toFixed(2)} s`;

/** Where a start's time went, by its engine worker's marks, in s from the click: "start 0.10, wasm compiled 1.20, …". */
export const startSteps = (start: LabStart) =>
  [...start.marks.values()]
    .flat()
    .filter((mark, i, marks) => marks.findIndex((m) => m.name === mark.name) === i)
    .map(({ name, at }) => `${name.replace(/^\w+: /, '')} ${(at / 1000).toFixed(2)}`)
    .join(', ');
