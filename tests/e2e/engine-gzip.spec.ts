/**
 * A host that sends every file as it is stored, with no compression (an object store, say): a Python lab started
 * under the service worker fetches Pyodide's large files by their gzipped copies and gets them decompressed in the
 * page (src/components/offline/engine-gzip.ts), so its start costs about the gzip size, inside the 7 MB bound, and
 * the lab runs. Counted as a proxy counts: every response of the page, its workers and the service worker that came
 * from the network (the worker's own answers to the page are not downloads).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Page } from '@playwright/test';
import { distDir } from '../../src/environment.ts';
import { expect, test } from './fixtures.ts';
import { controlled } from './offline-helpers.ts';

/** A port of its own: the suite's server compresses, this one must not. */
const PORT = 4339;
const BOUND_BYTES = 7 * 1024 * 1024;
let server: ChildProcess;

test.beforeAll(async () => {
  server = spawn(process.execPath, [
    'src/cli/serve.ts',
    '--port',
    String(PORT),
    '--dir',
    distDir(),
    '--no-compression',
  ]);
  const [line] = (await once(server.stdout!, 'data')) as [Buffer];
  expect(line.toString()).toContain('Serving');
});
test.afterAll(() => void server.kill());

const announce = (page: Page) => page.locator('[data-announce]');

test('a Python lab on a host that does not compress starts from the gzipped copies, under 7 MB', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await browser.newPage({ serviceWorkers: 'allow' });
  // A proxy sees what crossed the network: a body the browser's own cache answered (Pyodide fetches its files again
  // after the worker counted them, and a second engine start asks for its script again) has no bytes received, which
  // the response's sizes say (a body size of zero or less), though its headers still give the length it had.
  let sent: Promise<{ path: string; bytes: number }>[] = [];
  page.context().on('response', (response) => {
    if (response.fromServiceWorker()) return;
    const path = new URL(response.url()).pathname;
    sent.push(
      response
        .request()
        .sizes()
        .then(({ responseBodySize }) => ({ path, bytes: Math.max(0, responseBodySize) })),
    );
  });
  await page.goto(`http://127.0.0.1:${PORT}/labs/py-lru-cache/`);
  await controlled(page);
  await page.reload();
  sent = [];
  await page.getByRole('button', { name: /^(Start|Continue) the lab$/ }).click();
  await expect(page.locator('atlas-lab-workbench[data-ready="true"]')).toBeAttached({ timeout: 120_000 });
  await page.getByRole('button', { name: /^Run and check/ }).click();
  // The solution is not needed: the run says "Not yet" on the starter, which needs the interpreter working.
  await expect(announce(page)).toHaveText(/^Not yet/, { timeout: 30_000 });

  const downloads = (await Promise.all(sent)).filter((s) => s.bytes > 0);
  const paths = downloads.map((s) => s.path);
  expect(paths.some((p) => p.endsWith('/pyodide.asm.wasm.gz'))).toBe(true);
  expect(paths.filter((p) => p.endsWith('/pyodide.asm.wasm'))).toEqual([]);
  const total = downloads.reduce((sum, s) => sum + s.bytes, 0);
  console.log(
    `A Python lab's start on a host without compression: ${(total / 1024).toFixed(0)} KB in ${downloads.length} downloads (${sent.length - downloads.length} answered by the browser's cache).`,
  );
  expect(total).toBeLessThan(BOUND_BYTES);
  await page.close();
});
