/**
 * The lab engines' cost, measured in Chromium against the build served as a static host serves it: bytes fetched
 * from "Start the lab" to ready (gzip, as a host that compresses WebAssembly sends them, and as our preview host
 * sends them), the time from the click to ready with an empty and a warm HTTP cache, and the time a typical check
 * takes (the reference solution, run five times after a first run; median), and for an API lab the time one
 * request from the request panel takes (median of five after a first); an API lab with a Python version is measured
 * again from picking Python. Printed by `npm run measure`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { readContentDir } from '../lib/content/content-files.ts';
import { staticHost } from '../dev/static-host.ts';
import type { LabEngine } from '../lib/labs/shared/lab-spec.ts';
import { measureDesignLab } from './measure-design-lab.ts';
import { type LabStart, recordFetches, startLab, startSteps, startTimes } from './measure-lab-start.ts';
import { chromiumPath } from '../environment.ts';

/** A lab's reference solution, from its content file (a code lab's page spec carries only its tests); `python`: an API lab's Python one. */
const solutionOf = (id: string, python = false): string => {
  const entry = readContentDir().find((e) => e.collection === 'labs' && e.id === id);
  const data = entry?.data as { solution?: unknown; python?: { solution?: unknown } } | undefined;
  const solution = python ? data?.python?.solution : data?.solution;
  if (typeof solution !== 'string') throw new Error(`measure: no solution for lab "${id}"`);
  return solution;
};

const ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];
/**
 * A browser on a profile of its own on disk, as a learner's is, closed with `close()`: Chromium keeps the code it
 * compiled from WebAssembly (its code cache) for the next start only in such a profile, never in an incognito-like
 * context (`browser.newContext()`), so a warm start there compiled PGlite again.
 */
async function labBrowser(base: string) {
  const profile = mkdtempSync(join(tmpdir(), 'atlas-measure-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: ARGS,
    baseURL: base,
    serviceWorkers: 'block',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** What is measured: the first lab of each kind on /labs/ (listed easiest first), code labs by engine. */
const MEASURED: Record<LabEngine | 'design', string> = {
  sql: 'data-engine="sql"',
  code: 'data-engine="code"',
  api: 'data-engine="api"',
  python: 'data-engine="python"',
  'python-db': 'data-engine="python-db"',
  design: 'data-engine="design"',
};

/** The first lab each engine runs on /labs/, by its page. */
function firstLabs(dist: string): Record<LabEngine | 'design', string> {
  const html = readFileSync(join(dist, 'labs', 'index.html'), 'utf8');
  const first = (engine: LabEngine | 'design') => {
    const id = new RegExp(`data-lab="([^"]+)"[^>]*? ${MEASURED[engine]}`).exec(html)?.[1];
    if (!id) throw new Error(`measure: /labs/ lists no ${engine} lab`);
    return `/labs/${id}/`;
  };
  const labs = Object.fromEntries(Object.keys(MEASURED).map((e) => [e, first(e as LabEngine)]));
  // The first API lab with a Python version, measured from the moment the learner picks Python.
  const python = [...html.matchAll(/data-lab="([^"]+)"[^>]*? data-engine="api"/g)]
    .map((m) => m[1]!)
    .find((id) =>
      readContentDir().some((e) => e.collection === 'labs' && e.id === id && 'python' in (e.data as object)),
    );
  if (python) labs['api-python'] = `/labs/${python}/`;
  return labs as Record<LabEngine | 'design', string>;
}

/** An API lab's Python engine: from picking Python (the lab already started in JavaScript) to Python ready. */
async function pickPython(page: Page, context: BrowserContext): Promise<LabStart> {
  const { fetched, stop } = recordFetches(context);
  const started = performance.now();
  await page.getByRole('radio', { name: 'Python' }).check();
  await page.locator('[data-announce]').filter({ hasText: 'Python is ready.' }).waitFor({ timeout: 120_000 });
  const ms = performance.now() - started;
  stop();
  // No progress bar for a second engine: its first sign is the "Starting Python" status at once.
  return { progress: 0, ready: ms, fetched, marks: new Map() };
}

async function checkTime(page: Page, solution: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const editor = page.getByRole('textbox', { name: /^Your / });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(solution);
    const ms = page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          addEventListener('lab-run', (e) => resolve((e as CustomEvent<{ ms: number }>).detail.ms), { once: true }),
        ),
    );
    await page.getByRole('button', { name: /^Run and check/ }).click();
    const time = await ms;
    if (i > 0) times.push(time); // the first run also computes the reference result
  }
  return median(times);
}

/** An API lab's request panel: the time from Send to the exchange shown, median of five after a first request. */
async function requestTime(page: Page): Promise<number> {
  const times: number[] = [];
  const state = page.locator('[data-panel-state]');
  for (let i = 0; i < 6; i++) {
    await state.evaluate((el) => (el.textContent = ''));
    const started = performance.now();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.waitForFunction(() =>
      /^(Answered|No response)/.test(document.querySelector('[data-panel-state]')?.textContent ?? ''),
    );
    if (i > 0) times.push(performance.now() - started);
  }
  return median(times);
}

/** The steps of a cold and a warm start, on lines of their own, for an engine that marks them (pglite-start.ts). */
const steps = (cold: LabStart, warm: LabStart) =>
  startSteps(cold) ? `\n    cold: ${startSteps(cold)} s\n    warm: ${startSteps(warm)} s` : '';

/** The engines whose start is also measured on a CPU slowed 4× (Python's takes minutes so). */
const THROTTLED = ['sql', 'code', 'api'];
const SLOWDOWN = 4;

/** A lab's start, cold then warm, with the CPU throttled SLOWDOWN times, as `npm run measure` prints it. */
async function throttledStart(base: string, kind: string, path: string): Promise<string> {
  const { context, page, close } = await labBrowser(base);
  const cold = await startLab(page, context, path, SLOWDOWN);
  const warm = await startLab(page, context, path, SLOWDOWN);
  await close();
  return `${`  ${kind}, CPU ${SLOWDOWN}× slower`.padEnd(73)} ${startTimes(cold)}, ${startTimes(warm)}${steps(cold, warm)}`;
}

/** Measures the first lab of each kind, or only the kinds in `only` (sql, code, api, python, python-db, api-python, design). */
export async function measureLabs(dist: string, only?: string[]): Promise<void> {
  const labs = Object.fromEntries(Object.entries(firstLabs(dist)).filter(([kind]) => !only || only.includes(kind)));
  const server = staticHost(() => dist);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    console.log(
      '\nlab                                      start: bytes (gzip / as sent)   click → first progress / ready: cold, warm   typical check',
    );
    for (const [kind, path] of Object.entries(labs)) {
      if (kind === 'design') {
        const { context, close } = await labBrowser(base);
        console.log(await measureDesignLab(context, dist, path));
        await close();
        continue;
      }
      const { context, page, close } = await labBrowser(base);
      const python = kind === 'api-python';
      let cold = await startLab(page, context, path);
      if (python) cold = await pickPython(page, context);
      const gzip = [...cold.fetched.keys()].reduce((n, url) => n + gzipSync(readFileSync(join(dist, url))).length, 0);
      const sent = [...cold.fetched.values()].reduce((n, b) => n + b, 0);
      const check = await checkTime(page, solutionOf(path.split('/')[2]!, python));
      const request = kind === 'api' ? `; one request ${(await requestTime(page)).toFixed(0)} ms` : '';
      // Warm: the lab now opens in Python, the language last run.
      const warm = await startLab(page, context, path);
      console.log(
        `${`${kind}: ${path}`.padEnd(40)} ${`${kb(gzip)} / ${kb(sent)} in ${cold.fetched.size} files`.padEnd(32)} ${`${startTimes(cold)}, ${startTimes(warm)}`.padEnd(44)} ${check.toFixed(0)} ms${request}${steps(cold, warm)}`,
      );
      await close();
      if (THROTTLED.includes(kind)) console.log(await throttledStart(base, kind, path));
    }
  } finally {
    server.close();
  }
}
