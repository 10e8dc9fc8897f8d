/**
 * The checker as the site serves it: src/checker/cli.ts and everything it imports (Ajv included), with every
 * project's contract inside, bundled by esbuild into one ES module that runs on Node 20 or later with nothing
 * installed. The build writes it to dist/atlas-check.mjs (src/cli/after-build.ts); the tests bundle it the same way.
 */
import { build } from 'esbuild';
import type { Contract } from '../lib/project-check/contract.ts';

/** Where the site serves the checker. */
export const CHECKER_FILE = 'atlas-check.mjs';

/** The checker with `contracts` inside, as the text of one .mjs file; links in its reports point at `site`. */
export async function bundleChecker(contracts: readonly Contract[], site: string): Promise<string> {
  const entry = `import { main, processIo } from './cli.ts';
const contracts = ${JSON.stringify(contracts)};
process.exitCode = await main(contracts, process.argv.slice(2), processIo(), ${JSON.stringify(site.replace(/\/$/, ''))});
process.exit();`;
  const result = await build({
    stdin: { contents: entry, resolveDir: import.meta.dirname, sourcefile: 'atlas-check.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    write: false,
    banner: {
      js: `#!/usr/bin/env node\n// Backend Atlas project checker: node ${CHECKER_FILE} --help. Needs Node 20 or later, nothing else.\nimport { createRequire as __atlasRequire } from 'node:module'; const require = __atlasRequire(import.meta.url);`,
    },
  });
  return result.outputFiles[0]!.text;
}
