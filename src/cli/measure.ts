/**
 * `npm run measure`: prints what pages cost in gzip bytes, from the build in dist/ (run `npm run build` first).
 * The budgets themselves are enforced by tests/e2e/budget.spec.ts. Then the lab engines: bytes and times to start
 * the first SQL, code (JavaScript), API and Python lab, a typical check, and for the API lab one request (src/cli/measure-labs.ts).
 */
import { BUDGETS, MAIN_ROADMAP, measurePage } from '../dev/page-weight.ts';
import { measureLabs } from './measure-labs.ts';

/** `-- --labs python,python-db,api-python`: only those labs' start and check, no pages. */
const only = process.argv.includes('--labs') ? process.argv[process.argv.indexOf('--labs') + 1]?.split(',') : undefined;

const pages = [
  MAIN_ROADMAP,
  '/',
  '/topics/jwt/',
  '/topics/database-indexes/',
  '/labs/',
  '/labs/index-for-customer-orders/',
  '/topics/',
  '/questions/',
  '/practice/',
  '/practice/topics/',
  '/progress/',
  '/roadmaps/new/',
  '/roadmaps/custom/',
  '/projects/',
  '/projects/to-do-list-api/',
];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
if (!only) measurePages();
// The lab engines load on "Start the lab" only; what that costs, in a browser.
await measureLabs('dist', only);

function measurePages() {
  console.log('page                               html      css       js        fonts     total   (gzip)');
  for (const page of pages) {
    const w = measurePage('dist', page);
    console.log(
      `${page.padEnd(34)} ${kb(w.html).padEnd(9)} ${kb(w.css).padEnd(9)} ${kb(w.js).padEnd(9)} ${kb(w.fonts).padEnd(9)} ${kb(w.total)}`,
    );
  }
  const main = measurePage('dist', MAIN_ROADMAP);
  console.log(`\nbudget: roadmap page JavaScript ${kb(main.js)} of ${kb(BUDGETS.roadmapJs)}`);
  console.log(`budget: ${MAIN_ROADMAP} first view ${kb(main.total)} of ${kb(BUDGETS.mainRoadmapFirstView)}`);
  for (const f of main.files) console.log(`  ${f.kind.padEnd(5)} ${kb(f.gzip).padEnd(9)} ${f.path}`);
}
