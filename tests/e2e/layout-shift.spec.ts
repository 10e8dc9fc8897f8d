/**
 * Nothing jumps while a page's scripts read this browser's progress: on one page of each template, a first visit
 * (empty storage) at 390 and 1440 px records no layout shift from load until the scripts have drawn. What a script
 * fills in is drawn in the page as a first visit sees it (class `needs-script`, hidden when scripting is off), or has its room kept; this holds it so.
 * Lighthouse scores the same thing as Cumulative Layout Shift. The CPU runs slowed down, as on a phone, and each
 * page's HTML arrives in pieces (`inPieces`), so frames are also painted while the HTML is still being parsed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/**
 * Where a piece of a page's HTML ends: before an element's start tag, never inside raw text or what the DOM keeps
 * aside (script, style, textarea, noscript, template).
 */
function cutsOf(html: string): number[] {
  const starts = (at: number) => {
    const tag = /<(span|li|div|p|section|a|button|h[1-6]|ul|ol|nav|form|details)[\s>]/g;
    tag.lastIndex = at;
    for (let found = tag.exec(html); found; found = tag.exec(html)) {
      const before = html.slice(0, found.index);
      const aside = ['script', 'style', 'textarea', 'noscript', 'template'];
      const open = Math.max(...aside.map((t) => before.lastIndexOf(`<${t}`)));
      const closed = Math.max(...aside.map((t) => before.lastIndexOf(`</${t}`)));
      if (open < closed || open < 0) return found.index;
    }
    return -1;
  };
  const body = html.indexOf('<body');
  const tenths = Array.from({ length: 9 }, (_, i) => starts(body + Math.round(((html.length - body) * (i + 1)) / 10)));
  // Inside a map's first topic: "Done" not yet parsed, the ▾ beside it not yet either.
  const done = html.indexOf('<span class="rg-status-word"');
  return [...new Set([...tenths, done])].filter((cut) => cut > body).sort((a, b) => a - b);
}

/**
 * A server in front of the site's that sends each page's HTML in pieces (`cutsOf`) and holds each piece until the
 * page has painted it: so a part that moves when what follows it arrives is caught every run, as a phone on a slow
 * network shows it (CI once caught such a shift at random). A piece ends with a comment, `<!--piece N-->`, that the
 * page's DOM then holds; `painted` waits for it, two frames, and lets the next piece go.
 */
async function inPieces(site: string) {
  let release = () => {};
  let held = (_piece: number | null) => {};
  const server = createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(new URL(req.url ?? '/', site));
      const type = upstream.headers.get('content-type') ?? '';
      const body = await upstream.text();
      res.writeHead(upstream.status, { 'content-type': type });
      // Only a page the browser navigates to comes in pieces, not a page the service worker keeps for offline.
      if (!type.includes('text/html') || req.headers['sec-fetch-mode'] !== 'navigate') {
        res.end(body);
        return;
      }
      let from = 0;
      for (const [piece, cut] of cutsOf(body).entries()) {
        const go = new Promise<void>((resolve) => (release = resolve));
        res.write(`${body.slice(from, cut)}<!--piece ${piece}-->`);
        from = cut;
        held(piece);
        await Promise.race([go, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
      res.end(body.slice(from));
      held(null);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  /** Loads `path`, letting each piece go once the page has painted it. */
  const load = async (page: Page, path: string) => {
    const pieces: (number | null)[] = [];
    let next = () => {};
    held = (piece) => {
      pieces.push(piece);
      next();
    };
    const going = page.goto(path);
    for (;;) {
      if (!pieces.length) await new Promise<void>((resolve) => (next = resolve));
      const piece = pieces.shift();
      if (piece === null || piece === undefined) break;
      await page.waitForFunction(
        (data) => document.evaluate(`//comment()[.="${data}"]`, document, null, 9, null).singleNodeValue !== null,
        `piece ${piece}`,
      );
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      release();
    }
    await going;
  };
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, load, close: () => server.close() };
}

for (const width of [390, 1440]) {
  test(`a first visit shifts nothing at ${width} px: ${paths.join(' ')}`, async ({ browser, baseURL }) => {
    const slow = await inPieces(baseURL!);
    const context = await browser.newContext({
      baseURL: slow.url,
      viewport: { width, height: width < 500 ? 844 : 900 },
    });
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
      await slow.load(page, path);
      expect.soft(await shiftsAfterLoad(page), `${path} at ${width} px`).toEqual([]);
    }
    await context.close();
    slow.close();
  });
}
