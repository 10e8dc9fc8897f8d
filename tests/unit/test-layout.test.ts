/**
 * Unit test files share their workers' modules (vitest.config.ts), so a file that mocks a module must run
 * isolated, which its name says: *.mocks.test.ts. This fails when a file mocks without that name (its mocks would
 * reach other files' imports), or has the name without mocking (it would be isolated for nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const DIR = 'tests/unit';

it('every unit test file that mocks modules is named *.mocks.test.ts, and only those', () => {
  // This file names the mocking calls it looks for, so it leaves itself out.
  const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' }).filter(
    (name) => name.endsWith('.test.ts') && name !== basename(fileURLToPath(import.meta.url)),
  );
  const mocking = files.filter((name) =>
    /\bvi\.(do)?mock\(|astro-content-mock/.test(readFileSync(join(DIR, name), 'utf8')),
  );
  expect(mocking.length).toBeGreaterThan(0);
  expect(mocking.sort()).toEqual(files.filter((name) => name.endsWith('.mocks.test.ts')).sort());
});
