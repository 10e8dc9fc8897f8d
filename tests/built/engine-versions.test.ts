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

it('lab pages name the engine release they run and the newest release', () => {
  const postgres = `PostgreSQL 18.6 (PGlite; the newest release is ${latest('PostgreSQL')})`;
  const python = `Python 3.14 (Pyodide; the newest release is ${latest('Python')})`;
  const onPostgres = labPages.filter((html) => html.includes('(PGlite'));
  const onPython = labPages.filter((html) => html.includes('(Pyodide'));
  expect(onPostgres.length).toBeGreaterThan(30);
  expect(onPython.length).toBeGreaterThan(20);
  expect(onPostgres.filter((html) => !html.includes(postgres)).length, postgres).toBe(0);
  expect(onPython.filter((html) => !html.includes(python)).length, python).toBe(0);
});
