// The lint gate's check of our import graph (type-only imports included): no cycle under src/, no import from a
// floor above (src/schemas/ sits below src/lib/), and a lab kind's folder (a folder of src/lib/labs/ with an
// index.ts) entered only through its index.ts. Prints each problem with its files; exits 1 on any.
//   node src/cli/check-imports.ts [root]
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { entryBreaches, floorBreaches, importCycles, importGraph, type FloorRule } from '../lib/build/import-graph.ts';

const FLOORS: readonly FloorRule[] = [{ from: 'src/schemas/', notFrom: 'src/lib/' }];
const CODE = /\.(ts|astro|mjs|js)$/;

function sourcesUnder(root: string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !CODE.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
    const full = join(entry.parentPath, entry.name);
    sources.set(relative(root, full).split(sep).join('/'), readFileSync(full, 'utf8'));
  }
  return sources;
}

const root = process.argv[2] ?? process.cwd();
const graph = importGraph(sourcesUnder(root));
const cycles = importCycles(graph);
const breaches = floorBreaches(graph, FLOORS);
const KINDS = 'src/lib/labs/';
const entries = [...graph.keys()]
  .filter((file) => file.startsWith(KINDS) && /^[^/]+\/index\.ts$/.test(file.slice(KINDS.length)))
  .map((file) => file.slice(0, -'index.ts'.length));
// The registry reads each kind's spec file, its face to the rest of the labs, and nothing else of it.
const bypasses = entryBreaches(graph, entries).filter(
  (bypass) => !/^src\/lib\/labs\/lab-kinds\.ts → src\/lib\/labs\/[a-z]+\/[a-z]+-spec\.ts$/.test(bypass),
);
for (const cycle of cycles) {
  console.error(`Import cycle of ${String(cycle.length)} files (type-only imports count):\n  ${cycle.join('\n  ')}`);
}
for (const breach of breaches) console.error(`A lower floor imports from a higher one: ${breach}`);
for (const bypass of bypasses) console.error(`Into a lab kind past its index.ts: ${bypass}`);
const problems = cycles.length + breaches.length + bypasses.length;
if (problems > 0) {
  console.error(
    `${String(cycles.length)} import cycle(s), ${String(breaches.length)} floor breach(es), ${String(bypasses.length)} entry bypass(es) among ${String(graph.size)} files under src/.`,
  );
  process.exit(1);
}
console.log(
  `Imports: ${String(graph.size)} files under src/, no cycle, no floor breach, ${String(entries.length)} lab kinds entered by their index.ts only (the registry: by their spec).`,
);
