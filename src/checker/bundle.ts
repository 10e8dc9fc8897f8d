/**
 * The checker as the site serves it: src/checker/cli.ts and everything it imports (Ajv included), with every
 * project's contract inside, bundled by esbuild into one ES module that runs on Node 20 or later with nothing
 * installed. The build writes it to dist/atlas-check.mjs (src/cli/after-build.ts); the tests bundle it the same way.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import type { Contract } from '../lib/project-check/contract.ts';

/** Where the site serves the checker. */
export const CHECKER_FILE = 'atlas-check.mjs';

/** Keys of an OpenAPI document that only explain it to people: the checker never reads them. */
const PROSE = new Set(['description', 'example', 'examples']);
/** Maps whose keys are names (a property called `description`, a response `example`), never prose to drop. */
const NAMED = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'schemas',
  'responses',
  'headers',
  'paths',
  'content',
  'parameters',
  'requestBodies',
  'securitySchemes',
  'encoding',
  'variables',
  'mapping',
  'links',
  'callbacks',
]);

/** An OpenAPI value without its prose; `named`: this object's keys are names, all kept. */
function withoutProse(value: unknown, named = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutProse(item));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, item]) =>
      !named && PROSE.has(key) ? [] : [[key, withoutProse(item, !named && NAMED.has(key))]],
    ),
  );
}

/** A contract as the checker needs it: the OpenAPI document without its prose (the site serves it whole). */
function forChecker(contract: Contract): Contract {
  const openapi = withoutProse(contract.openapi) as Contract['openapi'];
  return { ...contract, openapi: { ...openapi, info: contract.openapi.info } };
}

/**
 * The contracts as the bundle carries them: JSON packed with Brotli (Node's own zlib) and written in base64. Every
 * project's checks in one file come to about 640 KB of JSON; packed, the file stays inside its 150 KB gzip bound
 * (docs/benchmarks.md, "The project checker"), and unpacking takes a few milliseconds at start.
 */
export function packContracts(contracts: readonly Contract[]): string {
  const json = JSON.stringify(contracts.map(forChecker));
  return brotliCompressSync(json, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
  }).toString('base64');
}

/** The checker with `contracts` inside, as the text of one .mjs file; links in its reports point at `site`. */
export async function bundleChecker(contracts: readonly Contract[], site: string): Promise<string> {
  const entry = `import { brotliDecompressSync } from 'node:zlib';
import { main, processIo } from './cli.ts';
const contracts = JSON.parse(brotliDecompressSync(Buffer.from(${JSON.stringify(packContracts(contracts))}, 'base64')).toString());
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
