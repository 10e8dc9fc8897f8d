/**
 * Nothing jumps while a page's scripts read this browser's progress: on one page of each template, a first visit
 * (empty storage) at 390 and 1440 px records no layout shift from load until the scripts have drawn. What a script
 * fills in is drawn in the page as a first visit sees it (class `needs-script`, hidden when scripting is off), or has its room kept; this holds it so.
 * Lighthouse scores the same thing as Cumulative Layout Shift. The CPU runs slowed down, as on a phone, so frames are
 * also painted while the HTML is still being parsed.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { mainRoadmap, role, sqlLab, topic, topicQuestion } from './content.ts';

/** One page of each template Lighthouse is run on. */
const paths = [
  '/',
  mainRoadmap.url,
  topic.url,
  sqlLab.url,
  role.url,
  topicQuestion.url,
  '/search/',
  '/practice/',
  '/progress/',
];

/** A layout-shift entry (not in TypeScript's DOM types). */
interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

/** The layout shifts recorded since navigation, once the page loaded and the scripts it ran have painted. */
async function shiftsAfterLoad(page: Page): Promise<{ value: number; sources: string[] }[]> {
  await page.waitForLoadState('load');
  return page.evaluate(async () => {
    await document.fonts.ready;
    // Two frames after load: every script the page ran at load has drawn, and its shift has been recorded.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return (
      (window as unknown as { shifts: LayoutShift[] }).shifts
        // A shift scored under 0.0001 moved something by a fraction of a pixel's rounding (CI once saw 0.00000086 on
        // /practice/'s checkbox): nothing a reader sees, and a thousand times under what Lighthouse prints as 0.001.
        .filter((e) => !e.hadRecentInput && e.value >= 1e-4)
        .map((e) => ({
          value: e.value,
          // What moved and from where to where, so that a failure names the part (a shift seen once on a loaded
          // two-core machine named only "a").
          sources: e.sources.map((s) => {
            const what =
              s.node instanceof Element
                ? `${s.node.tagName.toLowerCase()}${s.node.id ? `#${s.node.id}` : ''} "${(s.node.textContent ?? '').trim().slice(0, 40)}"`
                : 'text';
            const box = (r: DOMRectReadOnly) => `${r.x},${r.y} ${r.width}×${r.height}`;
            return `${what} ${box(s.previousRect)} → ${box(s.currentRect)}`;
          }),
        }))
    );
  });
}

for (const width of [390, 1440]) {
  test(`a first visit shifts nothing at ${width} px: ${paths.join(' ')}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 } });
    // Layout shifts reach only an observer (the performance timeline does not keep them): collect them from the start.
    await context.addInitScript(() => {
      const shifts: PerformanceEntry[] = [];
      Object.assign(window, { shifts });
      new PerformanceObserver((list) => shifts.push(...list.getEntries())).observe({
        type: 'layout-shift',
        buffered: true,
      });
    });
    const page = await context.newPage();
    // A phone's slower CPU, as Lighthouse simulates it and more: the page is painted while its HTML still arrives,
    // so a part that moves when a later sibling is parsed shows here as it does there.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    for (const path of paths) {
      await page.goto(path);
      expect.soft(await shiftsAfterLoad(page), `${path} at ${width} px`).toEqual([]);
    }
    await context.close();
  });
}
