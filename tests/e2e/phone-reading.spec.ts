/**
 * Reading on a phone: a table wider than the column shows that it scrolls (a shadow at the edge with more beyond it,
 * in CSS alone, both themes) and scrolls, without a word split across lines; keyboard hints go on a touch screen
 * while the shortcuts stay. Raw backticks in built pages are checked over dist/ (tests/built/no-raw-backticks.test.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import sharp from 'sharp';
import { builtPages } from './build-output.ts';
import { codeLab, topicWithWideTable } from './content.ts';

/** How far a strip of the region, `from` its left or right edge, is from the page's colour (median, 0–255). */
async function edgeShade(page: Page, region: Locator, edge: 'left' | 'right'): Promise<number> {
  const box = (await region.boundingBox())!;
  const x = edge === 'left' ? box.x : box.x + box.width - 4;
  const png = await page.screenshot({ clip: { x, y: box.y, width: 4, height: box.height } });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const bg = await page.evaluate(() =>
    getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number),
  );
  const distances: number[] = [];
  for (let i = 0; i < data.length; i += info.channels)
    distances.push(Math.max(...[0, 1, 2].map((c) => Math.abs(data[i + c]! - bg[c]!))));
  return distances.sort((a, b) => a - b)[Math.floor(distances.length / 2)]!;
}

/** Words in the region's `parts` that the browser split across two lines (a break at a space or hyphen is fine). */
const splitWords = (region: Locator, parts = 'th, td') =>
  region.evaluate((el, parts) => {
    const split: string[] = [];
    for (const cell of el.querySelectorAll(parts)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (const word of node.data.matchAll(/[^\s\-–—/]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) split.push(word[0]);
        }
      }
    }
    return split;
  }, parts);

/** Roadmaps with a pick-one group, whose alternatives share a row on a phone. */
const roadmapsWithGroups = () =>
  builtPages()
    .filter((p) => /^\/roadmaps\/[^/]+\/$/.test(p.path) && p.html.includes('class="rg-group"'))
    .map((p) => p.path);

/** Topic names in the region that a status button of their node covers in part. */
const coveredNames = (region: Locator) =>
  region.evaluate((el) =>
    [...el.querySelectorAll('.rg-group .rg-topic')].flatMap((node) => {
      const range = document.createRange();
      range.selectNodeContents(node.querySelector('.rg-topic-link')!.firstChild!);
      const text = [...range.getClientRects()];
      const buttons = [...node.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
      const hit = text.some((t) =>
        buttons.some((b) => t.left < b.right && b.left < t.right && t.top < b.bottom && b.top < t.bottom),
      );
      return hit ? [range.toString()] : [];
    }),
  );

/** Names of pick-one alternatives split inside a word or under their buttons, on each roadmap that has any. */
async function crampedGroupNames(page: Page) {
  const found: Record<string, string[]> = {};
  for (const path of roadmapsWithGroups()) {
    await page.goto(path);
    const map = page.locator('.rg');
    await expect(map.locator('.rg-group .rg-topic button').first()).toBeVisible();
    const cramped = [...(await splitWords(map, '.rg-group .rg-topic-link')), ...(await coveredNames(map))];
    if (cramped.length) found[path] = cramped;
  }
  return found;
}

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const theme of ['light', 'dark'] as const)
    test(`a wide table shows a shadow on the side it scrolls to, scrolls by keyboard, and splits no word (${theme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(topicWithWideTable.url);
      const region = page.getByRole('region', { name: /^Table: Method, Safe/ });
      await region.scrollIntoViewIfNeeded();
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(await splitWords(region)).toEqual([]);
      // At the start: more to the right, so a shadow there and none on the left.
      expect(await edgeShade(page, region, 'right')).toBeGreaterThan(12);
      expect(await edgeShade(page, region, 'left')).toBeLessThan(4);

      await region.focus();
      const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
      for (let step = 0; step < Math.ceil(overflow / 20); step++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollWidth - el.clientWidth - el.scrollLeft)).toBe(0);
      await region.blur();
      // At the end: the shadow has moved to the left, where the rest of the table now is.
      expect(await edgeShade(page, region, 'left')).toBeGreaterThan(12);
      expect(await edgeShade(page, region, 'right')).toBeLessThan(4);
    });

  test('a pick-one group splits no topic name inside a word, nor covers one', async ({ page }) => {
    expect(roadmapsWithGroups().length).toBeGreaterThan(2);
    expect(await crampedGroupNames(page)).toEqual({});
  });

  test("a role's long time badge wraps under its title, aligned with it and inside its card", async ({ page }) => {
    await page.goto('/roles/');
    const cards = page.locator('section[aria-labelledby="specialisations"] li.card');
    expect(await cards.count()).toBeGreaterThan(5);
    const misplaced = await cards.evaluateAll((items) =>
      items.flatMap((card) => {
        const title = card.querySelector('.card-title')!.getBoundingClientRect();
        const badge = card.querySelector('.badge')!.getBoundingClientRect();
        const inside = card.getBoundingClientRect();
        const ok = Math.abs(badge.left - title.left) < 1 && badge.right <= inside.right && badge.top >= title.bottom;
        return ok ? [] : [card.querySelector('.card-title')!.textContent];
      }),
    );
    expect(misplaced).toEqual([]);
  });

  test("a comparison table's caption wraps at the screen's width, not the table's", async ({ page }) => {
    for (const path of ['/roles/', '/compare/databases/']) {
      await page.goto(path);
      // The caption a reader sees: the table's own, or the text shown for it above the scrolling box.
      const shown = await page
        .locator('atlas-sortable-table')
        .first()
        .evaluate((box) => {
          const text = box.querySelector('caption')?.textContent?.trim();
          const seen = [...box.querySelectorAll('p, caption')].find(
            (el) => el.textContent?.trim() === text && el.getBoundingClientRect().width > 1,
          );
          return { text, right: seen?.getBoundingClientRect().right, screen: innerWidth };
        });
      expect(shown.text, path).toBeTruthy();
      expect(shown.right, `${path}: the caption is not shown`).toBeDefined();
      expect(shown.right!, `${path}: the caption runs past the screen`).toBeLessThanOrEqual(shown.screen);
    }
  });

  test('no table of the widest ones splits a word across lines', async ({ page }) => {
    const withTables = builtPages()
      .filter((p) => p.html.includes('class="table-scroll"'))
      .map((p) => ({ path: p.path, cells: p.html.split('<td').length }))
      .sort((a, b) => b.cells - a.cells || a.path.localeCompare(b.path))
      .slice(0, 8);
    for (const { path } of withTables) {
      await page.goto(path);
      for (const region of await page.locator('.table-scroll').all())
        expect(await splitWords(region), `${path}: words split across lines`).toEqual([]);
    }
  });
});

/** How each key hint is drawn: the "Keys:" line of the flashcards, the key on "Show answer", Ctrl+Enter on "Run". */
async function hintDisplay(page: Page) {
  const display = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).display);
  await page.goto('/practice/');
  const keys = await display(page.getByText(/^Keys: Space shows the answer/));
  const reveal = await display(page.locator('[data-reveal] kbd'));
  await expect(page.locator('[data-reveal]')).toHaveAttribute('aria-keyshortcuts', 'Space');
  await page.goto(codeLab.url);
  const run = await display(page.locator('[data-run] .kbd-hint'));
  return { keys, reveal, run };
}

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('keyboard hints are not drawn; the shortcuts stay for a keyboard', async ({ page }) => {
    expect(await hintDisplay(page)).toEqual({ keys: 'none', reveal: 'none', run: 'none' });
  });

  test('a pick-one group shows each topic name whole beside the larger status buttons', async ({ page }) => {
    expect(await crampedGroupNames(page)).toEqual({});
  });
});

test('with a mouse and keyboard the hints show', async ({ page }) => {
  expect(Object.values(await hintDisplay(page))).not.toContain('none');
});
