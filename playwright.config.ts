import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath, distDir, inCi, playwrightReportFile, port } from './src/environment.ts';

// Browser tests run against the production build, served as a static host serves it (src/cli/serve.ts: the
// `_headers` file applied, so the header CSP and the asset caching are the real ones), in Debian's Chromium headless shell
// (src/environment.ts, `chromiumPath`).
// ATLAS_DIST and PORT let several checkouts or sessions test their own build side by side.
const PORT = port(4329);
const DIST = distDir();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // The same on every machine, in CI or not: one worker per core (the sweeps are CPU-bound).
  workers: Math.max(1, availableParallelism()),
  forbidOnly: inCi(),
  retries: 0,
  // `list` for people; `json` for the one-line summary that `npm test` (src/cli/run-tests.ts) prints.
  reporter: [['list'], ['json', { outputFile: playwrightReportFile() }]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    bypassCSP: false,
    // The service worker installs and precaches the site in every new context, racing each test's own requests;
    // tests/e2e/offline.spec.ts allows it where it is the subject.
    serviceWorkers: 'block',
    // One browser context per worker, reset between tests (Playwright clears cookies, the HTTP cache, local storage
    // and IndexedDB, closes extra pages, removes routes and init scripts, and re-applies viewport and media; the rest
    // is reset by tests/e2e/fixtures.ts). A new context a test cost about 0.9 CPU-s (a renderer, the site's scripts
    // and Playwright's page set-up again); a test that changes a context option still gets a context of its own.
    reuseContext: true,
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
        // Renderers started by Chromium itself, not its zygote: a zygote's renderers are never waited for by a process
        // of the run, so their CPU (most of this stage's) was missing from `npm test`'s worker time (2026-11-26).
        '--no-zygote',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `node src/cli/serve.ts --port ${PORT} --dir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !inCi(),
    timeout: 60_000,
  },
});
