/**
 * Which files belong to which lab engine (labEngineFiles, src/after-build/offline.ts), on a small build shaped as
 * Vite writes ours: the editor (workbench) refers to every engine worker, so a kind's files must stop at the other
 * kinds' workers, and a page script an engine chunk imports too must stay in the shell the worker precaches.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labEngineFiles, listFiles, precacheOf, roadmapLists } from '../../../src/after-build/offline.ts';

const PAGE_SCRIPT = '_astro/LabWorkbench.astro_astro_type_script_index_0_lang.p1.js';
const worker = (name: string) => `new Worker(new URL("${name}", import.meta.url));`;

describe('the lab engines of a build', () => {
  let dist: string;
  const put = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), content);
  };
  const wasm = Buffer.from([0, 97, 115, 109]);
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'atlas-engines-'));
    put('offline/index.html', '<title>Offline</title>');
    put('roadmaps/api/index.html', '<title>API</title><a href="/topics/rest/">REST</a>');
    put('topics/rest/index.html', '<title>REST</title>');
    put(
      'labs/orders-api/index.html',
      '<title>Orders API</title><atlas-lab-workbench data-language="http" data-engine="api"><fieldset data-languages></fieldset></atlas-lab-workbench><a href="/topics/rest/">REST</a>',
    );
    // The page script loads the editor; the editor imports the page script's module back (a shared helper, say).
    put(PAGE_SCRIPT, 'import("./workbench.w1.js")');
    put(
      '_astro/workbench.w1.js',
      `import "./LabWorkbench.astro_astro_type_script_index_0_lang.p1.js"; ${['sql-worker-s1.js', 'code-worker-c1.js', 'api-worker-a1.js', 'python-worker-y1.js', 'python-db-worker-d1.js', 'python-db-database-worker-e1.js', 'python-api-worker-f1.js'].map(worker).join(' ')}`,
    );
    // PGlite's script names its own bundle, for initdb; the engines fetch the trimmed copy.
    const pglite = 'new URL("pglite.g1.wasm", import.meta.url); new URL("pglite.i1.data", import.meta.url)';
    put('_astro/sql-worker-s1.js', `${pglite}; fetch("/_astro/pglite-bundle-ab.t1.data")`);
    put('_astro/code-worker-c1.js', 'fetch(new URL("emscripten-module.q1.wasm", import.meta.url))');
    put('_astro/api-worker-a1.js', '"pglite.g1.wasm"; "emscripten-module.q1.wasm"');
    put('_astro/python-worker-y1.js', '"/_astro/pyodide-ab/pyodide.asm.wasm"');
    put('_astro/python-db-worker-d1.js', '"/_astro/pyodide-ab/pyodide.asm.wasm"');
    put('_astro/python-api-worker-f1.js', '"/_astro/pyodide-ab/pyodide.asm.wasm"');
    put('_astro/python-db-database-worker-e1.js', `${pglite}; fetch("/_astro/pglite-bundle-ab.t1.data")`);
    for (const file of ['pglite.g1.wasm', 'emscripten-module.q1.wasm', 'pyodide-ab/pyodide.asm.wasm'])
      put(`_astro/${file}`, wasm);
    for (const file of ['pglite.i1.data', 'pglite-bundle-ab.t1.data']) put(`_astro/${file}`, 'bundle');
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('gives each kind its own engine only: Pyodide to the Python engines, PGlite to a Python code lab never', () => {
    const engines = labEngineFiles(dist, listFiles(dist));
    const common = ['/_astro/workbench.w1.js'];
    expect(engines.sql).toEqual([
      '/_astro/pglite-bundle-ab.t1.data',
      '/_astro/pglite.g1.wasm',
      '/_astro/sql-worker-s1.js',
      ...common,
    ]);
    expect(engines.code).toEqual(['/_astro/code-worker-c1.js', '/_astro/emscripten-module.q1.wasm', ...common]);
    expect(engines.api).toEqual([
      '/_astro/api-worker-a1.js',
      '/_astro/emscripten-module.q1.wasm',
      '/_astro/pglite.g1.wasm',
      ...common,
    ]);
    // A Python code lab: Pyodide alone, no Postgres to fetch.
    expect(engines.python).toEqual(['/_astro/pyodide-ab/pyodide.asm.wasm', '/_astro/python-worker-y1.js', ...common]);
    expect(engines['python-db']).toEqual([
      '/_astro/pglite-bundle-ab.t1.data',
      '/_astro/pglite.g1.wasm',
      '/_astro/pyodide-ab/pyodide.asm.wasm',
      '/_astro/python-api-worker-f1.js',
      '/_astro/python-db-database-worker-e1.js',
      '/_astro/python-db-worker-d1.js',
      ...common,
    ]);
  });

  it('leaves PGlite’s initdb bundle, which no engine fetches, out of every engine list and out of the shell', () => {
    const engines = labEngineFiles(dist, listFiles(dist));
    for (const files of Object.values(engines)) expect(files).not.toContain('/_astro/pglite.i1.data');
    expect(precacheOf(dist, listFiles(dist)).entries.map((e) => e.url)).not.toContain('/_astro/pglite.i1.data');
  });

  it('keeps a page script in the shell even when an engine chunk imports it', () => {
    const engines = labEngineFiles(dist, listFiles(dist));
    for (const files of Object.values(engines)) expect(files).not.toContain(`/${PAGE_SCRIPT}`);
    expect(precacheOf(dist, listFiles(dist)).entries.map((e) => e.url)).toContain(`/${PAGE_SCRIPT}`);
  });

  it('saves an API lab offered in Python with both its engines', () => {
    const engines = labEngineFiles(dist, listFiles(dist));
    const [list] = roadmapLists(dist, listFiles(dist), engines);
    const saved = list!.files.filter((f) => f.kind === 'engine').map((f) => f.url);
    expect(saved).toEqual([...new Set([...engines.api, ...engines['python-db']])].sort());
  });
});
