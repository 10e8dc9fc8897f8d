/**
 * What saving a roadmap with labs downloads for its lab engines (dist/offline/<roadmap>.json): the Postgres files
 * the engines start from, and not PGlite's own 6.2 MB bundle, which only its `initdb` fallback reads
 * (INITDB_ONLY in src/lib/offline/cache-rules.ts). Reads dist/ (or ATLAS_DIST).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { INITDB_ONLY, type RoadmapList } from '../../src/lib/offline/cache-rules.ts';
import { DIST } from '../e2e/build-output.ts';

if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run \`npm run build\` first.`);

const assets = readdirSync(join(DIST, '_astro')).map((name) => `/_astro/${name}`);
const lists = readdirSync(join(DIST, 'offline'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, list: JSON.parse(readFileSync(join(DIST, 'offline', name), 'utf8')) as RoadmapList }));

it('names PGlite’s initdb bundle as the build has it, so the rule that leaves it unsaved still finds it', () => {
  // PGlite renaming pglite.data would put 6.2 MB back into every save with labs, unseen: this fails first.
  expect(assets.filter((path) => INITDB_ONLY.test(path))).toHaveLength(1);
});

it('saves a roadmap’s Postgres labs with the trimmed bundle they start from, and no other .data file', () => {
  const withPostgres = lists.filter(({ list }) => list.files.some((f) => f.url.includes('/pglite.')));
  expect(withPostgres.length).toBeGreaterThan(10);
  for (const { name, list } of withPostgres) {
    const data = list.files.filter((f) => f.url.endsWith('.data')).map((f) => f.url);
    expect(data, name).toEqual([expect.stringMatching(/^\/_astro\/pglite-bundle-\w+\.[\w-]+\.data$/)]);
  }
});

it('stores the large engine files gzipped beside themselves, each copy the same bytes, none of them in the shell', () => {
  const pyodide = readdirSync(join(DIST, '_astro')).find((name) => name.startsWith('pyodide-'))!;
  const copies = [
    ...assets.filter((path) => /\.(wasm|data)\.gz$/.test(path)),
    ...readdirSync(join(DIST, '_astro', pyodide))
      .filter((name) => name.endsWith('.gz'))
      .map((name) => `/_astro/${pyodide}/${name}`),
  ];
  // Pyodide's and PGlite's WebAssembly at least: what a host without compression would send at 2.7 times the size.
  expect(copies).toEqual(
    expect.arrayContaining([
      `/_astro/${pyodide}/pyodide.asm.wasm.gz`,
      expect.stringMatching(/^\/_astro\/pglite\.[\w-]+\.wasm\.gz$/),
    ]),
  );
  for (const copy of copies)
    expect(gunzipSync(readFileSync(join(DIST, copy))).equals(readFileSync(join(DIST, copy.slice(0, -3)))), copy).toBe(
      true,
    );
  const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
  for (const copy of copies) expect(worker, copy).not.toContain(`"${copy}"`);
});
