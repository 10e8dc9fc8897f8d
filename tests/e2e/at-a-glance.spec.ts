/**
 * Where I am and what to do next, at a glance: on a phone a topic is marked done with one tap on a 44 px "Done"
 * button and the legend is one tap away (folded, so the map starts in the first screen: first-screen.spec.ts); no tag, title or button on the map overlaps another box
 * at 390, 768 or 1440 px; a passed lab shows near the top of its topic page, on the map (ticked, and counted in the
 * progress line) and first on /progress/; a wide diagram fits a phone's column and opens full size on request.
 */
import { devices } from '@playwright/test';
import { mainRoadmap, questionWithWideDiagram, sqlLab, type TopicPage } from './content.ts';
import { expect, node, storeText, test } from './learner.ts';

const ROADMAP = mainRoadmap.url;
/** A lab and its home topic, which the main roadmap has. */
const LAB = sqlLab.id;
const LAB_TOPIC = sqlLab.home.id;
const PASSED = '2026-11-24T10:00:00.000Z';
const [first, second] = mainRoadmap.required as [TopicPage, TopicPage];

test.describe('on a phone', () => {
  const { userAgent, deviceScaleFactor } = devices['Pixel 7'];
  test.use({ userAgent, deviceScaleFactor, isMobile: true, hasTouch: true, viewport: { width: 390, height: 844 } });

  test('one tap marks a topic done on a 44 px button, and the legend is one tap away', async ({ page }) => {
    await page.goto(ROADMAP);
    const legend = page.getByRole('list', { name: 'Legend' });
    await expect(legend).toBeHidden();
    await page.getByText('What the marks on the map mean').tap();
    await expect(legend).toBeVisible();
    await expect(legend).toContainText('Press to mark done');
    const done = page.getByRole('button', { name: `Done: ${first.title}`, exact: true });
    const box = (await done.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await expect(done).toHaveText('Done');
    await done.tap();
    await expect(node(page, first.id)).toHaveAttribute('data-state', 'done');
    await expect(done).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('[data-progress-summary]')).toContainText('1 done');
  });

  test('a wide diagram fits the column, and opens full size to scroll sideways', async ({ page }) => {
    await page.goto(questionWithWideDiagram.url);
    const figure = page.locator('figure.diagram[data-wide]').first();
    const drawing = figure.locator('svg.diagram-svg');
    const column = (await figure.locator('.diagram-scroll').boundingBox())!;
    const fitted = (await drawing.boundingBox())!;
    expect(fitted.width).toBeLessThanOrEqual(column.width + 0.5);
    await figure.getByRole('link', { name: 'Open the diagram full size' }).click();
    await expect(figure.getByText('Full size: scroll the drawing sideways')).toBeVisible();
    expect((await drawing.boundingBox())!.width).toBeGreaterThan(column.width);
    const scroller = figure.locator('.diagram-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await figure.getByRole('link', { name: 'Fit it to the column' }).click();
    expect((await drawing.boundingBox())!.width).toBeLessThanOrEqual(column.width + 0.5);
  });
});

test.describe('with marks and a passed lab', () => {
  test.use({
    progress: storeText({
      topics: { [first.id]: 'done', [second.id]: 'learning', [LAB_TOPIC]: 'done' },
      labs: { [LAB]: { passed: PASSED, runs: 2, updated: PASSED } },
    }),
  });

  for (const width of [390, 768, 1440]) {
    test(`nothing on the map overlaps at ${width} px, with marks, tags and a passed lab shown`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(ROADMAP);
      await expect(page.locator('.rg-topic .rg-lab[data-passed]').first()).toBeVisible();
      const overlaps = await page.evaluate(() => {
        const boxes = (el: Element) => [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        const hit = (a: DOMRect, b: DOMRect) =>
          a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        const found: string[] = [];
        const nodes = [...document.querySelectorAll<HTMLElement>('.rg-topic')];
        for (const n of nodes) {
          // Within a node: the title's lines, its tags, the Done button and the ▾ never cover each other (the laid-out
          // map shows its ▾ on hover and focus only, over the title's end: map-status.spec.ts).
          const parts = [...n.querySelectorAll('.rg-topic-link, .rg-lab, .rg-change, .rg-status, .rg-more')].filter(
            (part) => getComputedStyle(part).opacity !== '0',
          );
          for (let i = 0; i < parts.length; i++)
            for (let j = i + 1; j < parts.length; j++) {
              // A tag inside the title's link shares its line box: it may not cover the title's own text.
              if (parts[i]!.contains(parts[j]!) || parts[j]!.contains(parts[i]!)) continue;
              for (const a of boxes(parts[i]!))
                for (const b of boxes(parts[j]!))
                  if (hit(a, b)) found.push(`${n.id}: ${parts[i]!.className} × ${parts[j]!.className}`);
            }
          // And every part stays inside its node.
          const outer = n.getBoundingClientRect();
          for (const part of parts)
            for (const r of boxes(part))
              if (
                r.left < outer.left - 0.5 ||
                r.right > outer.right + 0.5 ||
                r.top < outer.top - 0.5 ||
                r.bottom > outer.bottom + 0.5
              )
                found.push(`${n.id}: ${part.className} outside its node`);
        }
        // Nodes never cover each other.
        const rects = nodes.map((n) => n.getBoundingClientRect());
        for (let i = 0; i < rects.length; i++)
          for (let j = i + 1; j < rects.length; j++)
            if (hit(rects[i]!, rects[j]!)) found.push(`${nodes[i]!.id} × ${nodes[j]!.id}`);
        return found;
      });
      expect(overlaps).toEqual([]);
    });
  }
});

test.describe('a passed lab counts', () => {
  test.use({
    progress: storeText({
      topics: { [LAB_TOPIC]: 'done' },
      labs: { [LAB]: { passed: PASSED, runs: 2, updated: PASSED } },
    }),
  });

  test('on its topic page near the top, on the map and its progress line, and first on /progress/', async ({
    page,
  }) => {
    await page.goto(sqlLab.home.url);
    const links = page.locator('[data-topic-lab-links]');
    await expect(links.locator(`[data-lab-passed="${LAB}"]`)).toBeVisible();
    // Near the top: above the article's first heading.
    const first = (await page.locator('article h2').first().boundingBox())!;
    expect((await links.boundingBox())!.y).toBeLessThan(first.y);

    await page.goto(ROADMAP);
    await expect(node(page, LAB_TOPIC).locator('.rg-lab')).toHaveText(/lab ✓/);
    await expect(page.locator('[data-progress-summary]')).toContainText('1 lab passed');
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText('You passed its lab');

    await page.goto('/progress/');
    const labs = page.getByRole('heading', { name: 'Labs', exact: true });
    const roadmaps = page.getByRole('heading', { name: 'Roadmaps', exact: true });
    expect((await labs.boundingBox())!.y).toBeLessThan((await roadmaps.boundingBox())!.y);
    await expect(page.locator('[data-labs-summary]')).toContainText('You passed 1 of');
    // The roadmaps the learner started come first.
    const firstCard = page.locator('[data-roadmap-list] > [data-roadmap]').first();
    await expect(firstCard).not.toHaveAttribute('data-untouched');
    await expect(page.locator('[data-roadmap-list] > [data-roadmap]').last()).toHaveAttribute('data-untouched');
  });
});
