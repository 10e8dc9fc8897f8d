/**
 * `node src/cli/profile-sweep.ts [-- --every N]` (after `npm run build`): where a page of the accessibility sweep
 * (tests/e2e/accessibility.spec.ts) spends its CPU. Serves the build (ATLAS_DIST, default dist), opens every Nth page
 * of its sitemap (default 31: twenty pages of every kind) in one page of Chromium with the browser tests' launch
 * options and axe in every document, and times the sweep's steps: the load, axe's light pass (every WCAG rule), the
 * switch to the dark theme and the dark pass (the colour rules). Prints, for each step, the wall time and the CPU
 * milliseconds a page of each kind of process (the browser, its renderers, GPU and utility processes, and this one),
 * read from /proc, so a busy machine changes the walls more than the CPU. Run by hand; the numbers go in
 * docs/benchmarks.md, "The test run".
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { staticHost } from '../dev/static-host.ts';
import { distDir } from '../environment.ts';
import config from '../../playwright.config.ts';
import { axeInEveryPage, axeViolations, COLOUR_RULES } from '../../tests/e2e/axe.ts';

const { values } = parseArgs({ options: { every: { type: 'string', default: '31' } } });
/** Linux's clock ticks a second, as in src/cli/with-cpu-time.ts. */
const TICKS = 100;

/** CPU ticks of every live process under this one (with the ended children each has waited for), by kind. */
function cpuByKind(): Map<string, number> {
  const processes = new Map<number, { parent: number; ticks: number; kind: string }>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const kind = /--type=([\w-]+)/.exec(command)?.[1] ?? (Number(pid) === process.pid ? 'this' : 'browser');
      const ticks = fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0);
      processes.set(Number(pid), { parent: Number(fields[1]), ticks, kind });
    } catch {
      // The process ended while it was read.
    }
  }
  const byKind = new Map<string, number>();
  for (const [pid, { ticks, kind }] of processes) {
    let ancestor: number | undefined = pid;
    while (ancestor !== undefined && ancestor !== process.pid) ancestor = processes.get(ancestor)?.parent;
    if (ancestor === process.pid) byKind.set(kind, (byKind.get(kind) ?? 0) + ticks);
  }
  return byKind;
}

/** The sweep's steps on one page, as the spec takes them (highlighted code left out, as there). */
const LEFT_OUT = ['pre code'];
const steps: Record<string, (page: Page, path: string) => Promise<unknown>> = {
  load: (page, path) => page.goto(path),
  'light pass': (page) => axeViolations(page, undefined, LEFT_OUT),
  'to dark': (page) => page.emulateMedia({ colorScheme: 'dark' }),
  'dark pass': (page) => axeViolations(page, COLOUR_RULES, LEFT_OUT),
  'to light': (page) => page.emulateMedia({ colorScheme: 'light' }),
};

const sitemap = readFileSync(`${distDir()}/sitemap-0.xml`, 'utf8');
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
const sample = paths.filter((_, i) => i % Number(values.every) === 0);

const server = staticHost(() => distDir()).listen(0, '127.0.0.1');
await new Promise((ready) => server.once('listening', ready));
const { port } = server.address() as AddressInfo;
const browser = await chromium.launch(config.use?.launchOptions);
const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}`, serviceWorkers: 'block' });
await axeInEveryPage(context);
const page = await context.newPage();

const totals = new Map<string, { wall: number; cpu: Map<string, number> }>();
for (const path of sample) {
  for (const [name, step] of Object.entries(steps)) {
    const before = cpuByKind();
    const started = performance.now();
    await step(page, path);
    const total = totals.get(name) ?? { wall: 0, cpu: new Map<string, number>() };
    total.wall += performance.now() - started;
    for (const [kind, ticks] of cpuByKind())
      total.cpu.set(kind, (total.cpu.get(kind) ?? 0) + ticks - (before.get(kind) ?? 0));
    totals.set(name, total);
  }
}
await browser.close();
server.close();

// A renderer that ended is counted in the browser's waited-for time: only the sum over kinds is a step's whole CPU.
const perPage = (value: number) => Math.round(value / sample.length);
console.log(`${sample.length} pages (one in ${values.every} of ${paths.length}), per page:`);
for (const [name, { wall, cpu }] of totals) {
  const kinds = [...cpu].filter(([, ticks]) => ticks !== 0);
  const sum = kinds.reduce((all, [, ticks]) => all + ticks, 0);
  const detail = kinds.map(([kind, ticks]) => `${kind} ${perPage((ticks * 1000) / TICKS)}`).join(', ');
  console.log(`${name}: wall ${perPage(wall)} ms, CPU ${perPage((sum * 1000) / TICKS)} ms (${detail})`);
}
