/**
 * Which src/lib modules the browser loads is written at the top of each one: the marker line below, on exactly
 * the modules reachable from a browser entry (src/scripts/, the components' .ts files, <script> tags in .astro
 * files), following value imports (type-only imports are erased and load nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BROWSER_MARKER = '// IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no Node APIs, astro:content or zod here.';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const all = files(src);

/** Module specifiers of the value imports in a piece of code: static, re-exports and import(). */
function valueImports(code: string): string[] {
  const specifiers: string[] = [];
  for (const match of code.matchAll(/^\s*(import|export)\s+([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    const [, , clause = '', from, bare, dynamic] = match;
    if (bare ?? dynamic) specifiers.push((bare ?? dynamic)!);
    else if (!/^type\b/.test(clause) && !/^\{\s*(type\s+\w+(\s+as\s+\w+)?\s*,?\s*)+\}$/.test(clause)) specifiers.push(from!);
  }
  return specifiers;
}

/** The browser code of a file: all of a .ts file, the bundled <script> tags of an .astro file. */
const browserCode = (file: string) =>
  file.endsWith('.astro') ? [...readFileSync(file, 'utf8').matchAll(/<script(?![^>]*\bis:inline)(?![^>]*\btype=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : readFileSync(file, 'utf8');

const resolveImport = (from: string, specifier: string) => {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, join(base, 'index.ts')].find((candidate) => all.includes(candidate) && candidate.endsWith('.ts'));
};

function browserModules(): Set<string> {
  const entries = all.filter((f) => (f.endsWith('.ts') && (f.startsWith(join(src, 'scripts')) || f.startsWith(join(src, 'components')))) || f.endsWith('.astro'));
  const reached = new Set<string>();
  const queue = entries.flatMap((entry) => valueImports(browserCode(entry)).flatMap((s) => resolveImport(entry, s) ?? []));
  queue.push(...entries.filter((f) => f.endsWith('.ts')));
  while (queue.length) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    queue.push(...valueImports(readFileSync(file, 'utf8')).flatMap((s) => resolveImport(file, s) ?? []));
  }
  return reached;
}

describe('browser modules', () => {
  const reached = browserModules();
  const libModules = all.filter((f) => dirname(f) === join(src, 'lib') && f.endsWith('.ts'));
  const name = (f: string) => relative(root, f);

  it('reads value imports and skips type-only ones', () => {
    const code = "import { a } from './a';\nimport type { B } from './b';\nimport { type C } from './c';\nimport { type D, e } from './d';\nexport { f } from './f';\nexport type { G } from './g';\nimport './h';\nconst i = await import('./i');";
    expect(valueImports(code)).toEqual(['./a', './d', './f', './h', './i']);
  });

  it('finds the lib modules that browser scripts load', () => {
    expect([...reached].map(name)).toEqual(expect.arrayContaining(['src/lib/progress-store.ts', 'src/lib/site.ts', 'src/lib/dates.ts']));
  });

  it('marks exactly the lib modules the browser loads, on their first line', () => {
    const marked = libModules.filter((f) => readFileSync(f, 'utf8').split('\n', 1)[0] === BROWSER_MARKER).map(name);
    expect(marked).toEqual(libModules.filter((f) => reached.has(f)).map(name));
    const elsewhere = libModules.filter((f) => readFileSync(f, 'utf8').split('\n').slice(1).some((line) => line.includes('CLIENT-SIDE CODE'))).map(name);
    expect(elsewhere, 'the marker is the first line only').toEqual([]);
  });

  it('loads no Node API, astro:content or zod in the browser', () => {
    const heavy = [...reached].filter((f) => valueImports(readFileSync(f, 'utf8')).some((s) => /^(node:|astro:|astro\/zod$|zod$)/.test(s)) || f.startsWith(join(src, 'schemas')));
    expect(heavy.map(name)).toEqual([]);
  });
});
