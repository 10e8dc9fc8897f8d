/**
 * Every environment variable the project reads, with its meaning and its default: read here and nowhere else (the
 * lint gate fails a `process.env` anywhere else in src/ or a root config). Build and tool code only; never imported
 * by browser code. Each is read when asked, so a tool may set one before the code that reads it runs.
 */
import { existsSync } from 'node:fs';

/** The public origin the site is served from (canonical URLs, the sitemap, link preview cards). */
export const siteUrl = (): string | undefined => process.env.SITE_URL;

/** The folder of the collections: `content` unless a test or `npm run content:check <dir>` points elsewhere. */
export const contentDir = (): string => process.env.ATLAS_CONTENT_DIR ?? 'content';

/** Point the content check and the build at another content tree (`npm run content:check <dir>`). */
export function setContentDir(dir: string): void {
  process.env.ATLAS_CONTENT_DIR = dir;
}

/** `off` lifts the topics' word floors, for the few-sentence fixture trees that tests build. */
export const topicFloorsOff = (): boolean => process.env.ATLAS_TOPIC_FLOORS === 'off';

/** The built site to serve, measure or test: `dist` by default. */
export const distDir = (): string => process.env.ATLAS_DIST ?? 'dist';

/** A benchmark's built tree for `npm run measure:search -- --bench` (default: the one bench:build kept). */
export const benchDistDir = (): string | undefined => process.env.ATLAS_BENCH_DIST;

/** The port a local server listens on; each tool passes its own default (preview 4321, browser tests 4329). */
export const port = (fallback: number): number => Number(process.env.PORT ?? fallback);

/**
 * Debian's headless shell (package `chromium-headless-shell`): the same Blink and V8 as Debian's Chromium, without
 * the browser around the page, which is what Playwright itself runs headless. The browser stage took 10.7 min in it
 * against 12.4 in Chromium, the same 294 tests one after the other on an idle machine (docs/benchmarks.md, 2026-11-28).
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/**
 * The Chromium the browser tests and tools drive: `CHROMIUM_PATH`, else Debian's headless shell where it is
 * installed (CI installs it), else Debian's Chromium.
 */
export const chromiumPath = (): string =>
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

/** Where the browser tests write their JSON report (the test runner names one per run). */
export const playwrightReportFile = (): string => process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-reports/e2e.json';

/** Set by CI: no `.only` tests, no reuse of a server already running. */
export const inCi = (): boolean => Boolean(process.env.CI);

/** A PostgreSQL server for `npm run timelines:record`; unset, a throwaway cluster is started. */
export const timelinesDatabaseUrl = (): string | undefined => process.env.TIMELINES_DATABASE_URL;

/** The folders of PATH, where tools such as initdb are looked for. */
export const searchPath = (): string[] => (process.env.PATH ?? '').split(':').filter(Boolean);

/** This process's environment with `extra` on top, for a child process. */
export const childEnv = (extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  ...extra,
});
