/**
 * A lab page names the release its engine runs (PGlite's PostgreSQL, Pyodide's Python) and, since both trail the
 * newest, the newest release as content/current-releases.yaml lists it: a learner comparing with the official
 * sites is told, and a new release in the list makes this fail until the pages say so. Reads dist/ (or ATLAS_DIST).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readReleases } from '../../src/lib/content/integrity.ts';
import { DIST } from '../e2e/build-output.ts';

if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run \`npm run build\` first.`);

const { releases } = readReleases('content');
const latest = (product: string) => releases.find((r) => r.product === product)!.latest;
const labPages = readdirSync(join(DIST, 'labs'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(DIST, 'labs', d.name, 'index.html')))
  .map((d) => readFileSync(join(DIST, 'labs', d.name, 'index.html'), 'utf8'));

/** The engine line of a lab page: the engines it runs on and the newest releases, as text. */
const statusLine = (html: string) =>
  /data-status-line[^>]*>([^<]*)</.exec(html)?.[1]?.replace(/\s+/g, ' ').trim() ?? '';

it('lab pages name the engine release they run and, in a sentence of its own, the newest release', () => {
  const onPostgres = labPages.map(statusLine).filter((line) => line.includes('(PGlite'));
  const onPython = labPages.map(statusLine).filter((line) => line.includes('(Pyodide'));
  expect(onPostgres.length).toBeGreaterThan(30);
  expect(onPython.length).toBeGreaterThan(20);
  const newest = (line: string) => /\. The newest (?:release is|releases are) (.+)\.$/.exec(line)?.[1];
  for (const line of onPostgres) {
    expect(line, line).toContain('PostgreSQL 18.6 (PGlite)');
    expect(newest(line), line).toContain(`PostgreSQL ${latest('PostgreSQL')}`);
  }
  for (const line of onPython) {
    expect(line, line).toContain('Python 3.14 (Pyodide)');
    expect(newest(line), line).toContain(`Python ${latest('Python')}`);
  }
});
