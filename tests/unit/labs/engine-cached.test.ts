/**
 * What the lab says about its engine and offline: "Ready (…, also offline)" once this browser keeps the engine's key
 * file, for every lab language; and a start that fails offline says why and what to do, not "reload".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineCached, startFailure } from '../../../src/components/lab/engine-cached.ts';
import { en } from '../../../src/i18n/dictionary/en.ts';
import type { LabSpec } from '../../../src/lib/labs/lab-kinds.ts';

/** Cache Storage holding one cache with these paths, as the service worker leaves it. */
function keep(paths: string[]) {
  const requests = paths.map((path) => new Request(`https://atlas.test${path}`));
  vi.stubGlobal('caches', {
    keys: () => Promise.resolve(['atlas-v1-kept']),
    open: () => Promise.resolve({ keys: () => Promise.resolve(requests) }),
  });
}

afterEach(() => vi.unstubAllGlobals());

const PYODIDE = '/_astro/pyodide-109119663d52/pyodide.asm.wasm';
const PGLITE = '/_astro/pglite.VfT9wtrq.wasm';
const QUICKJS = '/_astro/emscripten-module.x1.wasm';
const lab = (fields: object) => ({ id: 'l', solution: '', tests: '', ...fields }) as unknown as LabSpec;
const sql = lab({ language: 'sql', setup: '', checks: [] });
const python = lab({ language: 'python' });
const pythonDb = lab({ language: 'python', setup: 'CREATE TABLE t ()' });
const api = lab({ language: 'http', runtime: 'javascript', requests: [] });

describe('engineCached', () => {
  it('finds each language by its engine file, Python by Pyodide', async () => {
    keep([PYODIDE, PGLITE]);
    expect(await engineCached(python)).toBe(true);
    expect(await engineCached(sql)).toBe(true);
    expect(await engineCached(lab({ language: 'javascript' }))).toBe(false);
  });

  it('says yes only when every engine the lab runs on is kept: Python with a database, an API lab', async () => {
    keep([PYODIDE]);
    expect(await engineCached(pythonDb)).toBe(false);
    expect(await engineCached(api, 'python')).toBe(false);
    keep([PYODIDE, PGLITE]);
    expect(await engineCached(pythonDb)).toBe(true);
    expect(await engineCached(api, 'python')).toBe(true);
    expect(await engineCached(api)).toBe(false);
    keep([PGLITE, QUICKJS]);
    expect(await engineCached(api)).toBe(true);
  });

  it('says no when only other files are kept', async () => {
    keep(['/_astro/pyodide-109119663d52/python_stdlib.zip']);
    expect(await engineCached(python)).toBe(false);
  });
});

describe('startFailure', () => {
  const error = new Error('Failed to fetch dynamically imported module: /_astro/workbench.x.js');

  it('when the files did not download, says what works offline and online, not the raw error', () => {
    for (const said of [
      startFailure('lab', error, true, en.labView),
      startFailure('lab', new Error('Load failed'), false, en.labView),
    ]) {
      expect(said).toMatch(/^The lab could not start: its files did not download\. Offline, a lab starts once/);
      expect(said).toContain('online, reload the page');
      expect(said).not.toContain('Failed to fetch');
    }
  });

  it('online, names any other error and offers a reload', () => {
    const other = new Error('WebAssembly.instantiate(): Out of memory');
    expect(startFailure('engine', other, true, en.labView)).toBe(
      `The engine could not start: ${other.message}. Reload the page to try again.`,
    );
  });
});
