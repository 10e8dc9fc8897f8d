/**
 * `npm run measure:search` (after `npm run build`): what search costs, measured in Chromium against the build.
 * Prints the index size on disk, the bytes fetched for a first query (from a page that has loaded nothing of
 * Pagefind yet), and keystroke-to-results time over three rounds of 20 warm queries (median and worst), with the dialog's
 * real debounce included. Run by hand; the numbers go in notes, not in a timed test.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const DIST = process.env.ATLAS_DIST ?? 'dist';
const PORT = Number(process.env.PORT ?? 4391);
/** Rounds over the queries: one round's median moves by tens of milliseconds on a busy machine. */
const ROUNDS = 3;
const QUERIES = ['jwt', 'kafka', 'index', 'cache', 'oauth', 'docker', 'graphql', 'rust', 'saga', 'redis', 'cors', 'tls', 'grpc', 'sql', 'queue', 'test', 'deploy', 'python', 'shard', 'latency'];

function sizeOf(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return n + (stat.isDirectory() ? sizeOf(path) : stat.size);
  }, 0);
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const ui = ['pagefind-component-ui.js', 'pagefind-component-ui.css'].reduce((n, f) => n + statSync(join(DIST, 'pagefind', f)).size, 0);
const total = sizeOf(join(DIST, 'pagefind'));
console.log(`index on disk: ${kb(total)} in dist/pagefind (search data ${kb(total - ui)}, Component UI ${kb(ui)})`);

// Its own process group, so that ending it also ends the astro process npx starts.
const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT), '--outDir', DIST], { stdio: 'ignore', detached: true });
try {
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-background-networking', '--no-first-run'] });
  const page = await browser.newPage();
  await page.goto(`${base}/topics/`);
  const fetched: { path: string; bytes: number; gzip: number }[] = [];
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/pagefind/')) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    fetched.push({ path, bytes: body.length, gzip: gzipSync(body).length });
  });
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog').getByRole('searchbox').fill('jwt');
  await page.locator('pagefind-results .pf-result a').first().waitFor();
  await page.waitForLoadState('networkidle');
  const sum = (list: typeof fetched, key: 'bytes' | 'gzip') => list.reduce((n, f) => n + f[key], 0);
  const uiFiles = fetched.filter((f) => f.path.includes('component-ui'));
  const data = fetched.filter((f) => !f.path.includes('component-ui'));
  console.log(`first query ("jwt"): ${fetched.length} files, ${kb(sum(fetched, 'bytes'))} (${kb(sum(fetched, 'gzip'))} gzip)`);
  console.log(`  search data: ${kb(sum(data, 'bytes'))} (${kb(sum(data, 'gzip'))} gzip); Component UI code: ${kb(sum(uiFiles, 'bytes'))} (${kb(sum(uiFiles, 'gzip'))} gzip)`);
  for (const f of fetched) console.log(`    ${kb(f.bytes).padStart(9)}  ${f.path}`);

  const times: number[] = [];
  for (const query of Array.from({ length: ROUNDS }, () => QUERIES).flat()) {
    times.push(
      await page.evaluate(async (q) => {
        const input = document.querySelector<HTMLInputElement>('dialog[open] pagefind-input input')!;
        const dialog = document.querySelector('dialog[open]')!;
        const list = dialog.querySelector('pagefind-results ul')!;
        // Start from an empty list so stale results of the previous query cannot count.
        list.replaceChildren();
        input.value = q;
        const start = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return await new Promise<number>((resolve) => {
          const done = () => {
            const summary = dialog.querySelector('pagefind-summary')?.textContent ?? '';
            if (summary.includes(q) && list.querySelector('.pf-result a')) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          };
          const observer = new MutationObserver(done);
          observer.observe(dialog, { childList: true, subtree: true, characterData: true });
        });
      }, query),
    );
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
  console.log(`keystroke to results, ${sorted.length} warm queries (includes the dialog's 20 ms debounce): median ${median.toFixed(0)} ms, fastest ${sorted[0]!.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms`);
  await browser.close();
} finally {
  process.kill(-server.pid!);
}
