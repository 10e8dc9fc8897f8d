/**
 * fast-check as one script for the JavaScript engine of code labs: bundled from the installed package by esbuild
 * into an IIFE that sets `globalThis.__atlasFc`. The page gets it as the module `virtual:atlas-fast-check` (a Vite
 * plugin in astro.config.mjs, loaded by the code worker only for labs whose tests use it); Node's lab engines call
 * the same function.
 */
import { build } from 'esbuild';

let script: Promise<string> | undefined;

export const fastCheckScript = (): Promise<string> =>
  (script ??= build({
    stdin: {
      contents: "import * as fc from 'fast-check'; globalThis.__atlasFc = fc;",
      resolveDir: import.meta.dirname,
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text));

const FAST_CHECK_MODULE = 'virtual:atlas-fast-check';

/** The Vite plugin that serves the script as a module whose default export is its text. */
export const fastCheckPlugin = () => ({
  name: 'atlas-fast-check',
  resolveId: (id: string) => (id === FAST_CHECK_MODULE ? `\0${FAST_CHECK_MODULE}` : undefined),
  load: async (id: string) =>
    id === `\0${FAST_CHECK_MODULE}` ? `export default ${JSON.stringify(await fastCheckScript())};` : undefined,
});
