/**
 * `npm run measure:search [-- --bench]` (after `npm run build`): what search costs, measured in Chromium against
 * the build (ATLAS_DIST, default dist). Prints the index size on disk, the bytes fetched for a first query (from a
 * page that has loaded nothing of search yet: the site's search code, Pagefind, the exact-phrase shards, the "did
 * you mean" vocabulary), and keystroke-to-results time over three rounds of 20 warm queries and 10 warm questions (median, 90th percentile and worst). `--bench` measures the benchmark tree too: the large build that
 * `npm run bench:build -- --topics N --keep` kept (ATLAS_BENCH_DIST, default the newest kept one in the temporary
 * folder). Run by hand; the numbers go in notes, not in a timed test.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from '@playwright/test';
import { VOCABULARY_URL } from '../lib/search/did-you-mean.ts';
import { EXACT_DIR } from '../lib/search/exact-ranking.ts';
import { staticHost } from '../dev/static-host.ts';
import { benchDistDir, chromiumPath, distDir } from '../environment.ts';

const { values } = parseArgs({ options: { bench: { type: 'boolean', default: false } } });
/** Rounds over the queries: one round's median moves by tens of milliseconds on a busy machine. */
const ROUNDS = 3;
const QUERIES = [
  'jwt',
  'kafka',
  'index',
  'cache',
  'oauth',
  'docker',
  'graphql',
  'rust',
  'saga',
  'redis',
  'cors',
  'tls',
  'grpc',
  'sql',
  'queue',
  'test',
  'deploy',
  'python',
  'shard',
  'latency',
];

/** Questions as learners type them, searched word by word (src/lib/search/any-words.ts) or whole and relaxed. */
const QUESTIONS = [
  'how do i stop sql injection',
  'what does a senior backend engineer do differently',
  'skills needed for a first backend job',
  'why is my postgres query slow',
  'how do i deploy without downtime',
  'what is the difference between a process and a thread',
  'how many database connections should my app open',
  'where should a single page app keep its access token',
  'how do i retry failed http calls safely',
  'what is eventual consistancy',
];

function sizeOf(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return n + (stat.isDirectory() ? sizeOf(path) : stat.size);
  }, 0);
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Requests that belong to search's data (the code it fetches once the dialog opens is counted apart). */
const isSearchData = (path: string) =>
  path.startsWith('/pagefind/') || path.startsWith(EXACT_DIR) || path === VOCABULARY_URL;

/** The large build of the newest tree `bench:build --keep` left in the temporary folder. */
function benchDist(): string {
  const kept = readdirSync(tmpdir())
    .filter((name) => name.startsWith('atlas-bench-') && existsSync(join(tmpdir(), name, 'large/dist/pagefind')))
    .map((name) => join(tmpdir(), name, 'large/dist'))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!kept[0])
    throw new Error('no benchmark tree: run `npm run bench:build -- --topics N --keep` first, or set ATLAS_BENCH_DIST');
  return kept[0];
}

/** Opens the dialog on a page that has loaded nothing of search, searches "jwt", and prints what that fetched. */
async function firstQuery(page: Page) {
  const fetched: { path: string; bytes: number; gzip: number }[] = [];
  const record = async (response: Response) => {
    const path = new URL(response.url()).pathname;
    // Everything fetched from here on is search's: its data, and the dialog's own code under /_astro/.
    if (!isSearchData(path) && !path.startsWith('/_astro/')) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    fetched.push({ path, bytes: body.length, gzip: gzipSync(body).length });
  };
  page.on('response', record);
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog').getByRole('searchbox').fill('jwt');
  await page.locator('[data-search-results] a').first().waitFor();
  await page.waitForLoadState('networkidle');
  const sum = (list: typeof fetched, key: 'bytes' | 'gzip') => list.reduce((n, f) => n + f[key], 0);
  const uiFiles = fetched.filter((f) => !isSearchData(f.path));
  const data = fetched.filter((f) => isSearchData(f.path));
  console.log(
    `first query ("jwt"): ${fetched.length} files, ${kb(sum(fetched, 'bytes'))} (${kb(sum(fetched, 'gzip'))} gzip)`,
  );
  console.log(
    `  search data: ${kb(sum(data, 'bytes'))} (${kb(sum(data, 'gzip'))} gzip); the site's search code: ${kb(sum(uiFiles, 'bytes'))} (${kb(sum(uiFiles, 'gzip'))} gzip)`,
  );
  for (const f of fetched) console.log(`    ${kb(f.bytes).padStart(9)}  ${f.path}`);
  // Reading every response body back over the DevTools protocol would slow the warm queries measured next.
  page.off('response', record);
}

/** In the page: types `q` into the open dialog and resolves with the milliseconds until its results show. */
async function keystrokeToResults(q: string): Promise<number> {
  const dialog = document.querySelector('dialog[open]');
  const input = dialog?.querySelector<HTMLInputElement>('input[type="search"]');
  const list = dialog?.querySelector('[data-search-results]');
  if (!dialog || !input || !list) throw new Error('The open search dialog is missing its search box or its results');
  // Start from an empty list so stale results of the previous query cannot count.
  list.replaceChildren();
  input.value = q;
  const start = performance.now();
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return await new Promise<number>((resolve) => {
    const done = () => {
      const summary = dialog.querySelector('[data-search-summary]')?.textContent ?? '';
      if (summary.includes(q) && list.querySelector('a')) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    };
    const observer = new MutationObserver(done);
    observer.observe(dialog, { childList: true, subtree: true, characterData: true });
  });
}

/** Keystroke to results over ROUNDS rounds of `queries`, warm: median, 90th percentile, fastest and slowest. */
async function warmQueries(page: Page, name: string, queries: readonly string[]) {
  const timed: { query: string; ms: number; round: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++)
    for (const query of queries) timed.push({ query, ms: await page.evaluate(keystrokeToResults, query), round });
  const sorted = timed.map(({ ms }) => ms).sort((a, b) => a - b);
  const median = (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
  // The nearest-rank 90th percentile: nine searches in ten answer within it.
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1]!;
  console.log(
    `keystroke to results, ${sorted.length} warm ${name} : median ${median.toFixed(0)} ms, p90 ${p90.toFixed(0)} ms, fastest ${sorted[0]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms`,
  );
  // Which queries were slowest, and in which round: a first round's is the index loading, a later one's the code.
  const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 3);
  console.log(`  slowest: ${slowest.map((t) => `"${t.query}" ${t.ms.toFixed(0)} ms (round ${t.round})`).join(', ')}`);
}

async function measure(dist: string) {
  const pages = readdirSync(join(dist, 'topics')).length;
  console.log(`\n${dist}: ${pages} topic pages`);
  console.log(`index on disk: ${kb(sizeOf(join(dist, 'pagefind')))} in pagefind/`);

  // Served as a host serves it (src/dev/static-host.ts), on a free port.
  const server = staticHost(() => dist);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--disable-background-networking', '--no-first-run'],
    });
    const page = await browser.newPage();
    await page.goto(`${base}/topics/`);
    await page.waitForLoadState('networkidle');
    await firstQuery(page);
    await warmQueries(page, 'queries', QUERIES);
    await warmQueries(page, 'questions', QUESTIONS);
    await browser.close();
  } finally {
    server.close();
  }
}

await measure(distDir());
if (values.bench) await measure(benchDistDir() ?? benchDist());
