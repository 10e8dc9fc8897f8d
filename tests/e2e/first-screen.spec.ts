/**
 * A roadmap page's first screen says where the learner is and what is next, and shows the map's first topic whole
 * (issue 62): at a phone's 390 × 844 and a laptop's 1440 × 900, on every roadmap for a first visit, and on the main
 * roadmap for a learner back with marks, topics due for review, a passed lab and changes since the last visit, which
 * all grow the card above the map.
 */
import type { Page } from '@playwright/test';
import { isReservedRoadmapId } from '../../src/lib/site/urls.ts';
import { VISITS_KEY } from '../../src/lib/roadmap/roadmap-visits.ts';
import { axeBothThemes } from './axe.ts';
import { sitemapPaths } from './build-output.ts';
import { mainRoadmap, sqlLab, type TopicPage } from './content.ts';
import { expect, storeText, test } from './learner.ts';

const SIZES = [
  [390, 844],
  [1440, 900],
] as const;
const [first, second, third, fourth] = mainRoadmap.required as [TopicPage, TopicPage, TopicPage, TopicPage];
const PASSED = '2026-11-24T10:00:00.000Z';
/** A done topic's review schedule, due since before these tests were written. */
const DUE = {
  stability: 2.3065,
  difficulty: 2.11810397,
  reps: 1,
  lapses: 0,
  due: '2026-11-20',
  reviewed: '2026-11-17',
};

/** Where the first stage's title and first topic end, in px from the top of the first screen. */
async function mapStart(page: Page, script = true) {
  if (script) await expect(page.locator('[data-progress-summary]')).not.toBeEmpty(); // the card is painted
  const end = async (selector: string) => {
    const box = await page.locator(selector).first().boundingBox();
    return box ? box.y + box.height : Infinity;
  };
  return { title: await end('.rg-stage-title'), topic: await end('.rg-stage:first-child .rg-topic') };
}

for (const [width, height] of SIZES) {
  test.describe(`at ${width} × ${height}`, () => {
    test.use({ viewport: { width, height } });

    test('on every roadmap, a first visit sees the first stage and its first topic whole', async ({ page }) => {
      // Our roadmaps; the builder and a learner's roadmap have their own test (custom-roadmap.spec.ts).
      const roadmaps = sitemapPaths().filter(
        (p) => /^\/roadmaps\/[^/]+\/$/.test(p) && !isReservedRoadmapId(p.split('/')[2]!),
      );
      expect(roadmaps.length).toBeGreaterThan(10);
      const late: string[] = [];
      for (const path of roadmaps) {
        await page.goto(path);
        const { title, topic } = await mapStart(page);
        if (title > height || topic > height)
          late.push(`${path}: stage title ends at ${Math.round(title)} px, first topic at ${Math.round(topic)} px`);
      }
      expect(late).toEqual([]);
    });

    test.describe('without JavaScript', () => {
      test.use({ javaScriptEnabled: false });

      test('the first topic is in the first screen and the legend is there to read', async ({ page }) => {
        await page.goto(mainRoadmap.url);
        const { title, topic } = await mapStart(page, false);
        expect(Math.max(title, topic), 'the first stage and topic end in the first screen').toBeLessThanOrEqual(height);
        if (width < 768) await page.getByText('What the marks on the map mean').click();
        await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Has a hands-on lab');
      });
    });

    test.describe('a learner back with progress, a review due, a passed lab and changes', () => {
      test.use({
        progress: storeText({
          topics: { [first.id]: 'done', [second.id]: 'done', [third.id]: 'learning', [fourth.id]: 'skipped' },
          labs: { [sqlLab.id]: { passed: PASSED, runs: 2, updated: PASSED } },
          topicReviews: { [first.id]: DUE, [second.id]: DUE },
        }),
        storage: { [VISITS_KEY]: JSON.stringify({ [mainRoadmap.id]: { last: '2025-01-01T00:00:00.000Z' } }) },
      });

      test('sees their progress, what is next and the first topic whole, axe-clean in both themes', async ({
        page,
      }) => {
        test.setTimeout(90_000); // two axe passes over the whole map
        await page.goto(mainRoadmap.url);
        await expect(page.locator('[data-changes-line]')).toBeVisible();
        await expect(page.getByRole('link', { name: 'Review the topics due' })).toBeVisible();
        await expect(page.locator('[data-progress-summary]')).toContainText('1 lab passed');
        const { title, topic } = await mapStart(page);
        expect(title, 'the first stage title ends in the first screen').toBeLessThanOrEqual(height);
        expect(topic, 'the first topic ends in the first screen').toBeLessThanOrEqual(height);
        const next = (await page.locator('[data-continue]').boundingBox())!;
        expect(next.y + next.height, '"Continue" is in the first screen').toBeLessThanOrEqual(height);
        // The legend: in view on a wide screen, one tap away on a phone; axe reads the card and the legend open.
        const legend = page.getByRole('list', { name: 'Legend' });
        await expect(legend).toBeVisible({ visible: width >= 768 });
        if (width < 768) await page.getByText('What the marks on the map mean').click();
        await expect(legend).toContainText('New or updated since your last visit');
        expect(await axeBothThemes(page), 'the roadmap with progress, reviews due and changes').toEqual([]);
      });
    });
  });
}
