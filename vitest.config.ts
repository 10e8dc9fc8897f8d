import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests: pure modules in src/lib and the content checks. Browser tests live in tests/e2e (Playwright).
// Most test files share their workers' module registry (no isolation): importing astro, zod and Takumi afresh for
// each of fifty files was half of the run. A file that mocks modules (vi.mock) would leak its mocks that way, so
// it is named *.mocks.test.ts and runs isolated; tests/unit/test-layout.test.ts fails when one is not.
export const MOCKING_TESTS = 'tests/unit/**/*.mocks.test.ts';
/**
 * The lab tests run in a time zone far from UTC (+13:45, with daylight saving time), in processes of their own: a
 * lab whose result depends on the learner's time zone fails here. They start the engines in worker threads.
 */
export const LAB_TESTS = ['tests/unit/labs/labs-*.test.ts', 'tests/unit/labs/lab-runner*.test.ts'];
/**
 * Checks of the built site (html-validate over dist/): they need a build, so `npm test` runs them in a stage after it
 * (src/cli/run-tests.ts) and the unit stage leaves them out (`--project '!built'`).
 */
export const BUILT_TESTS = 'tests/built/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // One file per core. Vitest's default leaves one core free (one worker on a 2-core machine), but the lab files
    // spend their time in engine threads of their own, and run one after another they took most of the stage.
    maxWorkers: availableParallelism(),
    // Measured when `npm test` asks (--coverage): the build-time and browser-safe modules the unit tests exercise.
    // The custom elements and pages are the browser tests' (tests/e2e), which this does not count. The thresholds
    // sit a little under what the suite reaches, so a change that drops tests or leaves new code untested fails.
    // Istanbul instruments only the included files, as Vite transforms them; V8's coverage counted every script of
    // the process (fast-check, chai, Shiki, zod) and cost about a sixth more CPU (docs/benchmarks.md, "The test run").
    coverage: {
      provider: 'istanbul',
      include: [
        'src/lib/**/*.ts',
        'src/schemas/**/*.ts',
        'src/markdown/**/*.ts',
        'src/integrations/**/*.ts',
        'src/i18n/**/*.ts',
      ],
      // The lab engines' own scripts run bundled inside QuickJS, where nothing counts them; the differential tests
      // hold them to Node's behaviour instead. The engines' worker threads load src/ through Node, not Vite, so the
      // code that runs only there is not instrumented either (it counts as not run). The design labs' content runs
      // (tests/unit/labs/labs-design.test.ts) go through a worker thread the same way: instrumented, the simulator's
      // loops doubled that file's CPU (140 → 77 CPU-s); the simulator's own tests in tests/unit/design/ count for it.
      // src/i18n/content.ts and localize.ts are the pages' way into the translations through astro:content: the built and
      // browser tests run them.
      exclude: ['src/lib/labs/engine/**', 'src/i18n/content.ts', 'src/i18n/localize.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test-reports/coverage',
      reportOnFailure: true,
      thresholds: { statements: 79, branches: 73, functions: 79, lines: 80 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [MOCKING_TESTS, ...LAB_TESTS],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'labs', include: LAB_TESTS, env: { TZ: 'Pacific/Chatham' } } },
      { extends: true, test: { name: 'mocks', include: [MOCKING_TESTS] } },
      { extends: true, test: { name: 'built', include: [BUILT_TESTS] } },
    ],
  },
});
