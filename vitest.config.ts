import { defineConfig } from 'vitest/config';

// Unit tests: pure modules in src/lib and the content checks. Browser tests live in tests/e2e (Playwright).
// Most test files share their workers' module registry (no isolation): importing astro, zod and satori afresh for
// each of fifty files was half of the run. A file that mocks modules (vi.mock) would leak its mocks that way, so
// it is named *.mocks.test.ts and runs isolated; tests/unit/test-layout.test.ts fails when one is not.
export const MOCKING_TESTS = 'tests/unit/**/*.mocks.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: [MOCKING_TESTS], isolate: false },
      },
      { extends: true, test: { name: 'mocks', include: [MOCKING_TESTS] } },
    ],
  },
});
