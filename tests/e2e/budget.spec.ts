/** Byte budgets from the build (gzip). The numbers are printed by `npm run measure`; this enforces them. */
import { expect, test } from './fixtures.ts';
import { BUDGETS, MAIN_ROADMAP, measurePage } from '../../src/dev/page-weight.ts';
import { isReservedRoadmapId } from '../../src/lib/site/urls.ts';
import { DIST, sitemapPaths } from './build-output.ts';

test('the main roadmap first view fits 50 KB; every roadmap page’s JavaScript fits 12 KB and it loads one stylesheet', () => {
  const main = measurePage(DIST, MAIN_ROADMAP);
  console.log(
    `budget: ${MAIN_ROADMAP} first view ${main.total} B (html ${main.html}, css ${main.css}, js ${main.js}, fonts ${main.fonts})`,
  );
  expect(main.total).toBeLessThanOrEqual(BUDGETS.mainRoadmapFirstView);
  const roadmaps = sitemapPaths().filter(
    (p) => /^\/roadmaps\/[^/]+\/$/.test(p) && !isReservedRoadmapId(p.split('/')[2]!),
  );
  expect(roadmaps.length).toBeGreaterThan(0);
  for (const page of roadmaps) {
    const { js, files } = measurePage(DIST, page);
    expect(js, `${page} JavaScript`).toBeLessThanOrEqual(BUDGETS.roadmapJs);
    // Its first paint waits on one stylesheet, the site's: the map's own CSS is in the page (astro.config.mjs).
    expect(files.filter((f) => f.kind === 'css').length, `${page} stylesheets`).toBe(1);
    expect(js, `${page} loads its script`).toBeGreaterThan(1000);
  }
});

test('the roadmap builder and a learner’s roadmap keep their JavaScript within their budgets', () => {
  for (const [page, budget] of [
    ['/roadmaps/new/', BUDGETS.builderJs],
    ['/roadmaps/custom/', BUDGETS.customRoadmapJs],
  ] as const) {
    const { js } = measurePage(DIST, page);
    console.log(`budget: ${page} JavaScript ${js} B gzip (budget ${budget})`);
    expect(js, `${page} JavaScript`).toBeLessThanOrEqual(budget);
  }
});
