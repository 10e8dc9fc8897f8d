import { defineConfig } from 'vitest/config';

// Unit tests: pure modules in src/lib and the content checks. Browser tests live in tests/e2e (Playwright).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
