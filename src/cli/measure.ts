/**
 * `npm run measure`: prints what pages cost in gzip bytes, from the build in dist/ (run `npm run build` first).
 * The budgets themselves are enforced by tests/e2e/budget.spec.ts. Then the lab engines: bytes and times to start
 * the first SQL, code (JavaScript), API and Python lab, a typical check, and for the API lab one request (src/cli/measure-labs.ts).
 * Between them, the project checker: its size, its first check's start and each beginner project's run
 * (src/cli/measure-checker.ts).
 * `npm run measure -- --labs sql,code,api` measures only those labs (their kinds as printed), and no pages.
 */
import { parseArgs } from 'node:util';
import { BUDGETS, MAIN_ROADMAP, measurePage } from '../dev/page-weight.ts';
import { measureChecker } from './measure-checker.ts';
import { measureLabs } from './measure-labs.ts';

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
const { labs } = parseArgs({ options: { labs: { type: 'string' } } }).values;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
if (!labs) {
  measurePages();
  await measureChecker('dist');
}

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

// The lab engines load on "Start the lab" only; what that costs, in a browser.
await measureLabs('dist', labs?.split(','));
