/**
 * Build time and tests only: the Python labs' harness sources (src/lib/labs/python/*.py) and Pyodide's files. Node's
 * lab engines read them from disk; the build copies the interpreter's files into a folder of its own under /_astro/
 * (named by their content, so a cached copy is always the right one) and gives the page's worker the folder as the
 * module `virtual:atlas-pyodide` (the Vite plugin below); the worker imports the harness with Vite's `?raw`.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PythonHarness } from '../labs/python/index.ts';

const HARNESS_DIR = fileURLToPath(new URL('../labs/python/', import.meta.url));
const PYODIDE_DIR = dirname(fileURLToPath(import.meta.resolve('pyodide')));

/** The files the page's interpreter loads: the runtime, its WebAssembly and the standard library. */
const PYODIDE_FILES = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip'] as const;

export const readPythonHarness = (): PythonHarness => ({
  guard: readFileSync(join(HARNESS_DIR, 'guard.py'), 'utf8'),
  runner: readFileSync(join(HARNESS_DIR, 'runner.py'), 'utf8'),
  helpers: readFileSync(join(HARNESS_DIR, 'helpers.py'), 'utf8'),
});

/** The lock file's `info` (its ABI version, which Pyodide checks); no package is ever loaded. */
export const pyodideLockInfo = (): object =>
  (JSON.parse(readFileSync(join(PYODIDE_DIR, 'pyodide-lock.json'), 'utf8')) as { info: object }).info;

let folder: string | undefined;
/** The build's folder for the interpreter's files: `_astro/pyodide-<hash of their content>`. */
function pyodideFolder(): string {
  if (!folder) {
    const hash = createHash('sha256');
    for (const name of PYODIDE_FILES) hash.update(readFileSync(join(PYODIDE_DIR, name)));
    folder = `_astro/pyodide-${hash.digest('hex').slice(0, 12)}`;
  }
  return folder;
}

/** Copies the interpreter's files into the build in `dist`; returns their URL paths. */
export function copyPyodide(dist: string): string[] {
  const target = join(dist, pyodideFolder());
  mkdirSync(target, { recursive: true });
  for (const name of PYODIDE_FILES) copyFileSync(join(PYODIDE_DIR, name), join(target, name));
  return PYODIDE_FILES.map((name) => `/${pyodideFolder()}/${name}`);
}

const PYODIDE_MODULE = 'virtual:atlas-pyodide';

/**
 * The Vite plugin of `virtual:atlas-pyodide`: `indexURL` (the build's folder; in `astro dev`, the package itself),
 * `lockInfo`, and `files`, the interpreter's files with their sizes, which the page's progress bar counts
 * (src/components/lab/pyodide-download.ts).
 */
export const pyodidePlugin = () => {
  let serving = false;
  return {
    name: 'atlas-pyodide',
    configResolved: (config: { command: string }) => {
      serving = config.command === 'serve';
    },
    resolveId: (id: string) => (id === PYODIDE_MODULE ? `\0${PYODIDE_MODULE}` : undefined),
    load: (id: string) => {
      if (id !== `\0${PYODIDE_MODULE}`) return undefined;
      const indexURL = serving ? `/@fs${PYODIDE_DIR}/` : `/${pyodideFolder()}/`;
      return [
        `export const indexURL = ${JSON.stringify(indexURL)};`,
        `export const lockInfo = ${JSON.stringify(pyodideLockInfo())};`,
        `export const files = ${JSON.stringify(PYODIDE_FILES.map((name) => ({ url: `${indexURL}${name}`, bytes: statSync(join(PYODIDE_DIR, name)).size })))};`,
      ].join('\n');
    },
  };
};
