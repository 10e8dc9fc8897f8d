/**
 * The scripts the lab engine evaluates, bundled by esbuild into IIFEs: ours from their source files in
 * src/lib/labs/engine/ (for code labs the harness and the lockdown, for API labs the sandbox with the Web and
 * Fetch APIs), and fast-check from its package (setting `globalThis.__atlasFc`). The page gets them as virtual
 * modules (the Vite plugin below, in astro.config.mjs); Node's lab engines and the unit tests call the same
 * functions.
 */
import { type BuildOptions, build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeEngineScripts } from '../labs/code/index.ts';

const ENGINE_DIR = fileURLToPath(new URL('../labs/engine/', import.meta.url));

/** An entry of src/lib/labs/engine/: the scripts the runners load, and the parts the unit tests load alone. */
export type EngineEntry = 'code-harness' | 'lockdown' | 'api-sandbox' | 'web-apis' | 'fetch-apis';

interface Script {
  text: string;
  /** The source files it was made from, for the dev server to watch. */
  inputs: string[];
}

const bundle = (options: BuildOptions): Promise<Script> =>
  build({
    bundle: true,
    format: 'iife',
    // Minified, but class and function names kept: a learner may print them, and errors name them.
    minify: true,
    keepNames: true,
    target: 'es2022',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    ...options,
    write: false,
    metafile: true,
  }).then((result) => ({
    text: result.outputFiles[0]!.text,
    inputs: Object.keys(result.metafile.inputs).map((input) => resolve(input)),
  }));

const scripts = new Map<string, Promise<Script>>();
const once = (name: string, make: () => Promise<Script>) => {
  let script = scripts.get(name);
  if (!script) scripts.set(name, (script = make()));
  return script;
};

const engineBundle = (entry: EngineEntry) => once(entry, () => bundle({ entryPoints: [`${ENGINE_DIR}${entry}.ts`] }));

/** One of the engine's scripts, as the text it evaluates. */
export const engineScript = (entry: EngineEntry): Promise<string> => engineBundle(entry).then((s) => s.text);

export const codeEngineScripts = async (): Promise<CodeEngineScripts> => ({
  harness: await engineScript('code-harness'),
  lockdown: await engineScript('lockdown'),
});

export const apiEngineScript = (): Promise<string> => engineScript('api-sandbox');

const fastCheckBundle = () =>
  once('fast-check', () =>
    bundle({
      stdin: {
        contents: "import * as fc from 'fast-check'; globalThis.__atlasFc = fc;",
        resolveDir: import.meta.dirname,
      },
      // fast-check's own names are its business: the smaller script.
      keepNames: false,
    }),
  );

export const fastCheckScript = (): Promise<string> => fastCheckBundle().then((s) => s.text);

/** The virtual modules, each exporting its scripts' text as its default, and the scripts they are made of. */
const MODULES: Record<string, () => Promise<Script[]>> = {
  'virtual:atlas-fast-check': async () => [await fastCheckBundle()],
  'virtual:atlas-code-engine': async () => [await engineBundle('code-harness'), await engineBundle('lockdown')],
  'virtual:atlas-api-engine': async () => [await engineBundle('api-sandbox')],
};

const moduleText = (id: string, made: Script[]) =>
  id === 'virtual:atlas-code-engine'
    ? `export default ${JSON.stringify({ harness: made[0]!.text, lockdown: made[1]!.text })};`
    : `export default ${JSON.stringify(made[0]!.text)};`;

/** The Vite plugin that serves the scripts; in `astro dev` a change to an engine file makes them again. */
export const engineScriptsPlugin = () => ({
  name: 'atlas-engine-scripts',
  resolveId: (id: string) => (id in MODULES ? `\0${id}` : undefined),
  async load(this: { addWatchFile(file: string): void }, id: string) {
    const name = id.startsWith('\0') ? id.slice(1) : '';
    if (!(name in MODULES)) return undefined;
    const made = await MODULES[name]!();
    for (const file of made.flatMap((s) => s.inputs)) this.addWatchFile(file);
    return moduleText(name, made);
  },
  handleHotUpdate({ file }: { file: string }) {
    if (file.startsWith(ENGINE_DIR)) scripts.clear();
  },
});
