/**
 * `npm test`: every stage in order — type check, unit tests, production build, browser tests — and one plain
 * summary line at the end with the counts and the time each stage took. Stops at the first failing stage.
 * Vitest and Playwright write JSON reports beside their normal output; the counts come from those.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const REPORTS = 'test-reports';
mkdirSync(REPORTS, { recursive: true });

interface Stage {
  name: string;
  command: string[];
  /** Reads passed/failed counts from the stage's JSON report. */
  counts?: () => { passed: number; failed: number };
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const stages: Stage[] = [
  { name: 'type check', command: ['astro', 'check'] },
  {
    name: 'unit',
    command: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${REPORTS}/unit.json`],
    counts: () => {
      const r = readJson(`${REPORTS}/unit.json`);
      return { passed: r.numPassedTests, failed: r.numFailedTests };
    },
  },
  { name: 'build', command: ['astro', 'build'] },
  {
    name: 'browser',
    command: ['playwright', 'test'],
    counts: () => {
      const r = readJson(`${REPORTS}/e2e.json`).stats;
      return { passed: r.expected, failed: r.unexpected + r.flaky };
    },
  },
];

const results: string[] = [];
let passed = 0;
let failed = 0;
let ok = true;
for (const stage of stages) {
  const started = performance.now();
  const run = spawnSync(stage.command[0]!, stage.command.slice(1), { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json` } });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  try {
    const counts = stage.counts?.();
    if (counts) {
      passed += counts.passed;
      failed += counts.failed;
    }
  } catch {
    // No report (the stage crashed before writing it): the exit status below says it failed.
  }
  results.push(`${stage.name} ${seconds} s`);
  if (run.status !== 0) {
    ok = false;
    results[results.length - 1] += ' (failed)';
    break;
  }
}
console.log(`\n${passed} passed, ${failed} failed${ok ? '' : ', stopped at a failing stage'} · ${results.join(' · ')}`);
process.exit(ok ? 0 : 1);
