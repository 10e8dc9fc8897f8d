/**
 * `npm test`: every stage — the lint and format gate, the type check, the production build and the checks of the
 * built HTML, beside the unit tests; then the browser tests — and one plain summary line at the end with the counts
 * and, for each stage, its wall time, its worker time (the CPU seconds of all its processes, src/cli/with-cpu-time.ts)
 * and, for the test stages, the summed time of their tests: on a slow or busy machine the wall times grow and the CPU
 * seconds barely move, so the line says which it was. Stops after the first step with a failing stage. Vitest and Playwright write JSON
 * reports beside their normal output; the counts come from those, and so do the names of the failed tests, printed
 * again above the summary line so that the end of a long log (all a CI page may show) says what failed.
 *
 * The type check and the build run beside the unit tests because none of them fills two cores (Vitest spends a
 * third of its time importing); the unit tests read neither `dist/` nor `.astro/` (their fixture builds run in a
 * copy of the project). The build waits for the type check, which reads the `.astro/` types a build rewrites. The
 * checks of the built HTML (tests/built/, Vitest's `built` project) need the build, so they follow it in the same
 * lane: that lane ends minutes before the unit tests do, so they cost `npm test` no time, and the browser stage, which
 * fills both cores, no longer carries them. The listing check (src/cli/check-listings.ts) needs no build and has a
 * lane of its own from the start: much of its time is listings waiting (servers, timers, a database starting),
 * which the other lanes' work fills. The unit tests print as they run; the other lane prints as each stage ends.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { childEnv } from '../environment.ts';

const REPORTS = 'test-reports';
mkdirSync(REPORTS, { recursive: true });
rmSync(`${REPORTS}/coverage`, { recursive: true, force: true }); // a summary from an earlier run must not print as this one's

interface Stage {
  name: string;
  command: string[];
  /** Reads passed/failed counts, and the failed tests' names and first message lines, from the stage's JSON report. */
  counts?: () => { passed: number; failed: number; failures: string[]; testSeconds?: number };
}

/** A failure message's first line, without terminal colours. */
const firstLine = (message = '') => stripVTControlCharacters(message).trim().split('\n')[0] ?? '';

interface PlaywrightSuite {
  title: string;
  file: string;
  specs?: {
    title: string;
    tests: { status: string; results: { duration: number; error?: { message?: string } }[] }[];
  }[];
  suites?: PlaywrightSuite[];
}
/** A file's suite and its describe blocks, as `file › describe › test: message` for each failed or flaky test. */
const playwrightFailures = (suite: PlaywrightSuite, path: string[] = []): string[] => {
  const here = path.length === 0 ? [suite.file] : [...path, suite.title];
  return [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'unexpected' || t.status === 'flaky')
        .map(
          (t) =>
            `${[...here, spec.title].join(' › ')}${t.status === 'flaky' ? ' (flaky)' : ''}: ${firstLine(t.results.find((r) => r.error)?.error?.message)}`,
        ),
    ),
    ...(suite.suites ?? []).flatMap((child) => playwrightFailures(child, here)),
  ];
};

/** The summed durations of every test run in a file's suite and its describe blocks, in milliseconds. */
const playwrightTestTime = (suite: PlaywrightSuite): number =>
  (suite.specs ?? []).reduce(
    (sum, spec) => sum + spec.tests.reduce((s, t) => s + t.results.reduce((r, result) => r + result.duration, 0), 0),
    0,
  ) + (suite.suites ?? []).reduce((sum, child) => sum + playwrightTestTime(child), 0);

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** The unit tests' coverage of src/ (vitest.config.ts says what is counted), or nothing when it was not measured. */
function coverageLine(): string | undefined {
  try {
    const { total } = readJson(`${REPORTS}/coverage/coverage-summary.json`) as {
      total: Record<'statements' | 'branches' | 'functions' | 'lines', { pct: number }>;
    };
    const kinds = ['statements', 'branches', 'functions', 'lines'] as const;
    return `coverage of src/ by the unit tests: ${kinds.map((k) => `${k} ${total[k].pct.toFixed(1)} %`).join(', ')}`;
  } catch {
    return undefined;
  }
}

/** A Vitest stage running `project` (a name, or `!name` for all but that one), with its JSON report read back. */
function vitestStage(name: string, project: string, extra: string[] = []): Stage {
  const report = `${REPORTS}/${name}.json`;
  return {
    name,
    command: [
      'vitest',
      'run',
      `--project=${project}`,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${report}`,
      ...extra,
    ],
    counts: () => {
      const r = readJson(report) as {
        numPassedTests: number;
        numFailedTests: number;
        testResults: {
          name: string;
          startTime: number;
          endTime: number;
          assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
        }[];
      };
      const failures = r.testResults.flatMap((file) =>
        file.assertionResults
          .filter((t) => t.status === 'failed')
          .map((t) => `${relative('.', file.name)} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`),
      );
      const testSeconds = r.testResults.reduce((sum, file) => sum + file.endTime - file.startTime, 0) / 1000;
      return { passed: r.numPassedTests, failed: r.numFailedTests, failures, testSeconds };
    },
  };
}

const stages: Stage[] = [
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  // The lint stage synced the .astro/ types (its type-aware rules read them), so the type check need not.
  { name: 'type check', command: ['astro', 'check', '--noSync'] },
  // Coverage of src/ by the unit tests, with the thresholds vitest.config.ts holds; its summary ends the run's output.
  vitestStage('unit', '!built', ['--coverage']),
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  vitestStage('validate', 'built'),
  // Every listing whose page shows its output, run and compared (src/cli/check-listings.ts).
  {
    name: 'listings',
    command: ['npm', 'run', '--silent', 'listings:check', '--', '--json', `${REPORTS}/listings.json`],
    counts: () => {
      const r = readJson(`${REPORTS}/listings.json`) as { passed: number; failed: number; failures: string[] };
      return { passed: r.passed, failed: r.failed, failures: r.failures };
    },
  },
  {
    name: 'browser',
    command: ['playwright', 'test'],
    counts: () => {
      const r = readJson(`${REPORTS}/e2e.json`) as {
        stats: { expected: number; unexpected: number; flaky: number };
        suites: PlaywrightSuite[];
      };
      return {
        passed: r.stats.expected,
        failed: r.stats.unexpected + r.stats.flaky,
        failures: r.suites.flatMap((suite) => playwrightFailures(suite)),
        testSeconds: r.suites.reduce((sum, suite) => sum + playwrightTestTime(suite), 0) / 1000,
      };
    },
  },
];

/**
 * Steps run one after another; a step's lanes run side by side, each lane's stages one after another (a lane
 * stops at its first failing stage).
 */
const [lint, check, unit, build, validate, listings, browser] = stages as [
  Stage,
  Stage,
  Stage,
  Stage,
  Stage,
  Stage,
  Stage,
];
const steps: Stage[][][] = [[[lint, check, build, validate], [listings], [unit]], [[browser]]];
const env = childEnv({ PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json` });

/** Each stage runs under src/cli/with-cpu-time.ts, which writes the CPU seconds of its processes to this file. */
const WITH_CPU_TIME = 'src/cli/with-cpu-time.ts';
const cpuFile = (stage: Stage) => `${REPORTS}/${stage.name.replace(/\W+/g, '-')}.cpu`;
/** The stage's worker time, as "CPU 123 s", or nothing where it could not be measured. */
function cpuTime(stage: Stage): string | undefined {
  try {
    return `CPU ${Number(readFileSync(cpuFile(stage), 'utf8')).toFixed(0)} s`;
  } catch {
    return undefined;
  }
}

/** Runs a stage; its output goes straight to the terminal, or (`quiet`) is printed in one piece when it ends. */
function run(stage: Stage, quiet: boolean): Promise<{ stage: Stage; ok: boolean; seconds: number }> {
  const started = performance.now();
  return new Promise((done) => {
    const wrapped = [WITH_CPU_TIME, cpuFile(stage), ...stage.command];
    rmSync(cpuFile(stage), { force: true });
    const child = spawn(process.execPath, wrapped, {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env,
    });
    let output = '';
    // Decoded as a stream, so a character split between two chunks arrives whole.
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const end = (ok: boolean) => {
      if (quiet) process.stdout.write(`\n── ${stage.name} ──\n${output}`);
      done({ stage, ok, seconds: (performance.now() - started) / 1000 });
    };
    child.on('error', () => end(false));
    child.on('close', (code) => end(code === 0));
  });
}

/** Runs a lane's stages in turn until one fails; only the last lane of a step prints as it goes. */
async function runLane(lane: Stage[], quiet: boolean) {
  const runs: Awaited<ReturnType<typeof run>>[] = [];
  for (const stage of lane) {
    runs.push(await run(stage, quiet));
    if (!runs.at(-1)!.ok) break;
  }
  return runs;
}

const results: string[] = [];
const failures: string[] = [];
let passed = 0;
let failed = 0;
let ok = true;
for (const step of steps) {
  const runs = (await Promise.all(step.map((lane, i) => runLane(lane, i < step.length - 1)))).flat();
  runs.sort((a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage));
  for (const { stage, ok: stageOk, seconds } of runs) {
    const work = [cpuTime(stage)];
    try {
      const counts = stage.counts?.();
      if (counts) {
        passed += counts.passed;
        failed += counts.failed;
        failures.push(...counts.failures);
        if (counts.testSeconds !== undefined) work.push(`tests ${counts.testSeconds.toFixed(0)} s`);
      }
    } catch {
      // No report (the stage crashed before writing it): the exit status says it failed.
    }
    const worker = work.filter(Boolean).join(', ');
    results.push(`${stage.name} ${seconds.toFixed(0)} s${worker ? ` (${worker})` : ''}${stageOk ? '' : ' (failed)'}`);
    if (!stageOk) ok = false;
  }
  if (!ok) break;
}
if (failures.length > 0)
  console.log(`\nFailed:\n${failures.map((f) => `  ${f.replaceAll('\n', '\n    ')}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${ok ? '' : ', stopped at a failing stage'} · ${results.join(' · ')}`);
const coverage = coverageLine();
if (coverage) console.log(coverage);
process.exit(ok ? 0 : 1);
