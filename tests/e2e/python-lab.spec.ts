/**
 * A Python code lab as a learner meets it, on Pyodide in the page: nothing of the interpreter loads before "Start the
 * lab"; the page is cross-origin isolated, so an endless loop is interrupted at the limit and the next run passes
 * without a reload; an answer written another way passes and a wrong one fails; a patch of builtins or sys.modules
 * in one run is gone in the next; a pass is recorded; axe is clean in both themes; the snapshot of Python kept for the
 * next start is replaced when broken; a lab started once runs offline (restored from that snapshot);
 * and with JavaScript off the page reads as the exercise. One page, under the service worker as a learner's is, serves
 * the first group: its one start online is the one the offline start needs.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { axeBothThemes } from './axe.ts';
import { labPage } from './content.ts';
import { controlled, cutNetwork } from './offline-helpers.ts';
import { readStore } from './learner.ts';

const LAB = labPage('py-lru-cache');
/** Pyodide's cold start on a busy two-core machine takes seconds; a run well under one. */
const ENGINE_START = 90_000;

/** Right, and written unlike the solution: a plain dict, re-inserting a key to move it to the end. */
const ANOTHER_WAY = `class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}

    def get(self, key):
        if key in self.data:
            self.data[key] = self.data.pop(key)
            return self.data[key]
        return None

    def set(self, key, value):
        self.data.pop(key, None)
        self.data[key] = value
        while len(self.data) > self.capacity:
            del self.data[next(iter(self.data))]

    def __len__(self):
        return len(self.data)
`;
/** Wrong: a plain dict never moves a key that is read, so it evicts in insertion order. */
const FIFO = `class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}

    def get(self, key):
        return self.data.get(key)

    def set(self, key, value):
        self.data[key] = value
        if len(self.data) > self.capacity:
            del self.data[next(iter(self.data))]

    def __len__(self):
        return len(self.data)
`;
/** Right, but its module needs `sorted` and `collections` as Python has them: a run that spoiled them would fail it. */
const NEEDS_CLEAN = `from collections import OrderedDict
assert sorted([2, 1]) == [1, 2]

${ANOTHER_WAY}`;
const SPOILS = `import builtins, sys
builtins.sorted = lambda values: ["spoiled"]
sys.modules["collections"] = None

${ANOTHER_WAY}`;

const editor = (page: Page) => page.getByRole('textbox', { name: 'Your Python' });
const announce = (page: Page) => page.locator('[data-announce]');

async function write(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function run(page: Page, timeout = 20_000) {
  await page.getByRole('button', { name: /^Run and check/ }).click();
  await expect(announce(page)).not.toBeEmpty({ timeout });
  return announce(page);
}

async function start(page: Page) {
  await page.getByRole('button', { name: /^(Start|Continue) the lab$/ }).click();
  await expect(page.locator('atlas-lab-workbench[data-ready="true"]')).toBeAttached({ timeout: ENGINE_START });
}

test.describe('a Python code lab', () => {
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  const requested: string[] = [];
  /** Every request of the page, its workers and the service worker: what a proxy would count. */
  const fetched: string[] = [];

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ serviceWorkers: 'allow' });
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    page.context().on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(LAB.url);
    await controlled(page);
    await page.reload(); // served by the worker now, with its isolation headers
  });
  test.afterAll(() => page.close());

  test('loads nothing of Python before the learner starts, then starts isolated with the Python editor', async () => {
    test.setTimeout(ENGINE_START + 30_000);
    await expect(page.getByText('Python', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start the lab' })).toBeEnabled();
    expect(requested.filter((path) => /pyodide|python-worker|workbench/.test(path))).toEqual([]);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await start(page);
    expect(requested.some((path) => /\/_astro\/pyodide-[0-9a-f]+\/pyodide\.asm\.wasm$/.test(path))).toBe(true);
    await expect(editor(page)).toBeFocused();
    await expect(editor(page)).toContainText('class LRUCache:');
    // Python indents a block after a colon, four spaces.
    await write(page, 'def f():');
    await page.keyboard.press('Enter');
    expect(await editor(page).textContent()).toBe('def f():    ');
  });

  test('passes an answer written another way, fails a wrong one, and records the pass', async () => {
    await write(page, FIFO);
    await expect(await run(page)).toHaveText(/^Not yet/);
    await expect(page.locator('[data-result]')).toContainText('a read makes an entry recently used');
    await write(page, ANOTHER_WAY);
    await expect(await run(page)).toHaveText(/^Passed/);
    expect((await readStore(page)).labs?.['py-lru-cache']?.passed).toBeTruthy();
  });

  test('stops an endless loop at the time limit, and the next run passes without a reload', async () => {
    await page.evaluate(() => ((window as { sameLoad?: boolean }).sameLoad = true));
    await write(page, 'while True:\n    pass\n');
    const clicked = Date.now();
    await expect(await run(page, 15_000)).toContainText('Stopped after 5 seconds');
    const stoppedAfter = Date.now() - clicked;
    console.log(`An endless loop was stopped ${stoppedAfter} ms after the click (the limit is 5000 ms).`);
    expect(stoppedAfter).toBeLessThan(5000 + 1500);
    await write(page, ANOTHER_WAY);
    await expect(await run(page)).toHaveText(/^Passed/);
    expect(await page.evaluate(() => (window as { sameLoad?: boolean }).sameLoad)).toBe(true);
  });

  test("recursion deeper than the browser's stack is a RecursionError in the learner's terms, and the next run passes", async () => {
    // repr recurses in C, which reaches the end of the worker's stack before Python's own limit: the engine fails.
    await write(page, 'class A:\n    def __repr__(self):\n        return repr(A())\n\nrepr(A())\n');
    await expect(await run(page)).toHaveText(
      /^Not yet: your code stopped with an error: RecursionError: the browser's stack ran out/,
    );
    await expect(announce(page)).not.toContainText('Run again');
    await write(page, ANOTHER_WAY);
    await expect(await run(page, ENGINE_START)).toHaveText(/^Passed/);
  });

  test('a patch of builtins or sys.modules in one run is gone in the next', async () => {
    await write(page, SPOILS);
    await expect(await run(page)).toHaveText(/^Passed/);
    await write(page, NEEDS_CLEAN);
    await expect(await run(page)).toHaveText(/^Passed/);
  });

  test("points at the learner's line and is clean for axe in both themes", async () => {
    await write(page, ANOTHER_WAY.replace('        if key in self.data:\n', '        if True:\n'));
    await expect(await run(page)).toHaveText(/^Not yet/);
    await expect(page.locator('[data-result]')).toContainText(
      `KeyError: 'missing'\n  File "solution.py", line 8\n    self.data[key] = self.data.pop(key)`,
    );
    expect(await axeBothThemes(page)).toEqual([]);
  });

  test('keeps a snapshot of Python for the next start; a broken one is replaced, and the lab still starts', async () => {
    test.setTimeout(ENGINE_START * 2);
    /** The kept snapshots: each one's path and size (python-snapshot-store.ts). */
    const kept = () =>
      page.evaluate(async () => {
        const cache = await caches.open('python-memory-snapshot');
        return Promise.all(
          (await cache.keys()).map(async (request) => [
            new URL(request.url).pathname,
            (await (await cache.match(request))!.arrayBuffer()).byteLength,
          ]),
        );
      });
    await expect.poll(kept, { timeout: 30_000 }).toHaveLength(1);
    const [[path, size]] = (await kept()) as [[string, number]];
    expect(path).toMatch(/^\/_astro\/pyodide-[0-9a-f]+\/memory-snapshot\.gz$/);
    expect(size).toBeGreaterThan(1_000_000);
    // A snapshot that decompresses but is not one (written by a broken build, say): it must not break the start.
    await page.evaluate(async (key) => {
      const junk = new Blob([new Uint8Array(4096).fill(7)]).stream().pipeThrough(new CompressionStream('gzip'));
      await (await caches.open('python-memory-snapshot')).put(key, new Response(junk));
    }, path);
    await page.reload();
    await start(page);
    await write(page, ANOTHER_WAY);
    await expect(await run(page)).toHaveText(/^Passed/);
    // Replaced by a real one (about as large: each snapshot's bytes differ a little, hash seeds and addresses).
    await expect
      .poll(async () => ((await kept()) as [string, number][])[0]?.[1], { timeout: 30_000 })
      .toBeGreaterThan(size / 2);
  });

  test('a Python lab started once runs offline, and nothing of Postgres was fetched for it', async () => {
    test.setTimeout(ENGINE_START + 30_000);
    // The service worker kept Pyodide for offline (`keep-engine`), and only Pyodide: a Python code lab needs no PGlite.
    expect(fetched.filter((path) => /pyodide\.asm\.wasm$/.test(path)).length).toBeGreaterThan(0);
    expect(fetched.filter((path) => /pglite|python-db/.test(path))).toEqual([]);
    await cutNetwork(page.context(), page);
    await page.reload();
    await start(page);
    await write(page, ANOTHER_WAY);
    await expect(await run(page)).toHaveText(/^Passed/);
    await page.context().setOffline(false);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the lab reads as an exercise with its Python starter and the solution in a closed <details>', async ({
    page,
  }) => {
    await page.goto(LAB.url);
    await expect(page.getByLabel('Starter code')).toContainText('class LRUCache:');
    const solution = page.locator('details[data-solution]');
    await expect(solution).not.toHaveAttribute('open', '');
    await expect(solution).toContainText('move_to_end', { useInnerText: false });
    await expect(page.getByText('Running and checking your answer needs JavaScript')).toBeVisible();
  });
});

test('the lab list filters by language: Python shows the labs that take Python and only them', async ({ page }) => {
  await page.goto('/labs/');
  await page.getByLabel('Language').selectOption('python');
  await expect(page).toHaveURL(/\?language=python$/);
  const shown = page.locator('[data-labs] > li:not([hidden])');
  await expect(shown.first()).toBeVisible();
  for (const item of await shown.all()) await expect(item.locator('.badge', { hasText: /^Python$/ })).toHaveCount(1);
  await expect(shown.filter({ hasText: LAB.title })).toHaveCount(1);
});
