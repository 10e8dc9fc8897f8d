/**
 * Screenshots of the key pages at phone and desktop widths, light and dark, for looking at what we build.
 * Usage: `npm run screenshots -- [--base http://127.0.0.1:4321] [--out shots] [--only home,roadmap,/topics/dns/]`
 * (`--only` takes the names below, or paths of pages the list does not name, for the pages a change touched)
 * against a running `npm run preview`. Marks a few topics done/learning first so full states show too.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../environment.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:4321' },
    out: { type: 'string', default: 'shots' },
    only: { type: 'string' },
    full: { type: 'boolean', default: false },
  },
});

const PAGES: Record<string, string> = {
  home: '/',
  roadmaps: '/roadmaps/',
  roadmap: '/roadmaps/backend-developer/',
  'roadmap-map': '/roadmaps/backend-developer/#stage-internet',
  'roadmap-middle': '/roadmaps/backend-developer/#stage-relational-databases',
  topic: '/topics/jwt/',
  'topic-runtime': '/topics/nodejs/',
  questions: '/questions/',
  question: '/questions/design-a-url-shortener/',
  role: '/roles/go-developer/',
  practice: '/practice/',
  progress: '/progress/',
  labs: '/labs/',
  'topic-labs': '/topics/database-indexes/#labs',
  'lab-sql': '/labs/index-for-customer-orders/',
  'lab-code': '/labs/lru-cache/',
  'lab-starter': '/labs/sql-lost-update-guard/',
  'lab-passed': '/labs/index-for-customer-orders/',
  'lab-api': '/labs/api-problem-details/',
  'lab-python': '/labs/py-db-transfer-in-transaction/',
  search: '/search/?q=jwt',
  'search-dialog': '/topics/',
  timelines: '/timelines/',
  timeline: '/timelines/lost-update/',
  'timeline-three': '/timelines/skip-locked-queue/',
};
/**
 * Pages shot again after starting the lab (the editor focused), then after running the starter code: the failing
 * state, or for an unfinished starter the task in words; or, for PASS_LABS, after running the reference solution.
 */
const RUN_LABS = new Set(['lab-sql', 'lab-code', 'lab-starter', 'lab-passed', 'lab-api', 'lab-python']);
const PASS_LABS = new Set(['lab-passed']);
/** Timelines shot again after predicting their first steps (one wrong guess among them). */
const TIMELINES = new Set(['timeline', 'timeline-three']);
/** Pages shot with the search dialog open on a query. */
const SEARCH_DIALOG = new Set(['search-dialog']);
const WIDTHS = [390, 1440];
const THEMES = ['light', 'dark'] as const;
/** A page's name in file names: a path such as /topics/dns/ becomes topics-dns. */
const fileName = (name: string) => name.replace(/^\/|\/$/g, '').replaceAll('/', '-') || 'home';
const wanted = values.only ? values.only.split(',') : Object.keys(PAGES);

mkdirSync(values.out, { recursive: true });
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ],
});
for (const theme of THEMES) {
  for (const width of WIDTHS) {
    const context = await browser.newContext({
      viewport: { width, height: width < 800 ? 844 : 900 },
      colorScheme: theme,
    });
    const page = await context.newPage();
    // A learner who has done some of the first stages and is learning one topic.
    await page.goto(`${values.base}/roadmaps/backend-developer/`);
    for (const id of ['how-the-internet-works', 'http', 'dns', 'git']) {
      const node = page.locator(`#${id} a`).first();
      if (await node.count()) {
        await node.focus();
        await page.keyboard.press('d');
      }
    }
    for (const id of ['https-tls']) {
      const node = page.locator(`#${id} a`).first();
      if (await node.count()) {
        await node.focus();
        await page.keyboard.press('l');
      }
    }
    for (const name of wanted) {
      const url = PAGES[name] ?? (name.startsWith('/') ? name : undefined);
      if (!url) continue;
      await page.goto(`${values.base}${url}`);
      if (SEARCH_DIALOG.has(name)) {
        await page.keyboard.press('Control+k');
        await page.getByRole('dialog').getByRole('searchbox').fill('jwt');
      }
      if (name.startsWith('search')) await page.locator('[data-search-results] a').first().waitFor();
      await page.waitForTimeout(150);
      const file = `${values.out}/${fileName(name)}-${width}-${theme}.png`;
      await page.screenshot({ path: file, fullPage: values.full });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`${file} (page height ${height}px)`);
      if (TIMELINES.has(name)) {
        for (let step = 0; step < 6; step++) {
          await page.getByRole('radio', { name: step === 3 ? /fails/ : /finishes/ }).check();
          const rows = page.locator('[data-rows-options] input');
          if (await rows.count()) await rows.first().check();
          await page.getByRole('button', { name: 'Reveal step' }).click();
          if (step < 5) await page.getByRole('button', { name: 'Next step' }).click();
        }
        const predicted = `${values.out}/${name}-predicted-${width}-${theme}.png`;
        await page.screenshot({ path: predicted, fullPage: true });
        console.log(predicted);
      }
      if (RUN_LABS.has(name)) {
        await page.getByRole('button', { name: /^(Start|Continue) the lab$/ }).click();
        await page.locator('atlas-lab-workbench[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
        const ready = `${values.out}/${name}-ready-${width}-${theme}.png`;
        await page.locator('.lab-editor-frame').scrollIntoViewIfNeeded();
        await page.screenshot({ path: ready }); // the page, not the element: the focus ring lies outside the frame
        console.log(ready);
        if (PASS_LABS.has(name)) {
          const solution = await page.locator('[data-solution] pre').textContent();
          await page.keyboard.press('ControlOrMeta+A');
          await page.keyboard.insertText(solution ?? '');
        }
        await page.getByRole('button', { name: /^Run and check/ }).click();
        await page
          .locator(PASS_LABS.has(name) ? '[data-announce][data-passed="true"]' : '[data-announce][data-passed]')
          .waitFor();
        const ran = `${values.out}/${name}-run-${width}-${theme}.png`;
        await page.screenshot({ path: ran, fullPage: true });
        console.log(ran);
      }
    }
    await context.close();
  }
}
await browser.close();
