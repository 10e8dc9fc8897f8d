// The import graph of our own modules, type-only imports included, and the two rules the lint gate holds it to:
// no cycle (ESLint's import-x/no-cycle skips `import type`, so a knot made only of types would pass it) and no
// import from a folder a floor sits below (`src/schemas/` imports nothing from `src/lib/`), and no way into a folder
// with a public entry but through it.
// Pure: the CLI (src/cli/check-imports.ts) reads the files and hands their text in.
import { posix } from 'node:path';
import ts from 'typescript';

/** What a file imports, by the specifiers written in it: static, type-only, re-exports and dynamic `import()`. */
function importSpecifiers(path: string, text: string): string[] {
  const code = path.endsWith('.astro') ? astroCode(text) : text;
  const found = ts.preProcessFile(code, true, true).importedFiles.map((ref) => ref.fileName);
  return [...new Set(found)];
}

/** The code of an .astro file: its frontmatter and every <script>, where its imports are. */
function astroCode(text: string): string {
  const parts: string[] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter?.[1] !== undefined) parts.push(frontmatter[1]);
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(script[1] ?? '');
  return parts.join('\n;\n');
}

/** The file a relative specifier names, among `files` (posix paths); undefined for packages and other files. */
function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const bare = specifier.replace(/[?#].*$/, '');
  const target = posix.normalize(posix.join(posix.dirname(from), bare));
  for (const candidate of [target, `${target}.ts`, `${target}/index.ts`]) {
    if (files.has(candidate)) return candidate;
  }
  return undefined;
}

export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** The graph of `sources` (path → text), each edge a relative import that resolves to another of them. */
export function importGraph(sources: ReadonlyMap<string, string>): ImportGraph {
  const files = new Set(sources.keys());
  const graph = new Map<string, string[]>();
  for (const [path, text] of sources) {
    const targets = importSpecifiers(path, text)
      .map((specifier) => resolveImport(path, specifier, files))
      .filter((target): target is string => target !== undefined && target !== path);
    graph.set(path, [...new Set(targets)].sort());
  }
  return graph;
}

/** Every cycle, as its strongly connected component (Tarjan), each sorted, largest first. */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) components.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components.sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** A folder that must not import from another: the floor below does not lean on the floor above. */
export interface FloorRule {
  readonly from: string;
  readonly notFrom: string;
}

/** Every edge that breaks a floor rule, as "importer → imported". */
export function floorBreaches(graph: ImportGraph, rules: readonly FloorRule[]): string[] {
  const breaches: string[] = [];
  for (const [from, targets] of graph) {
    for (const rule of rules) {
      if (!from.startsWith(rule.from)) continue;
      for (const target of targets) if (target.startsWith(rule.notFrom)) breaches.push(`${from} → ${target}`);
    }
  }
  return breaches.sort();
}

/**
 * Every edge into a folder with a public entry (`<folder>index.ts`) from outside that folder that does not go through
 * the entry, as "importer → imported": what a folder keeps to itself can change without its users knowing.
 */
export function entryBreaches(graph: ImportGraph, folders: readonly string[]): string[] {
  const breaches: string[] = [];
  for (const [from, targets] of graph) {
    for (const target of targets) {
      const folder = folders.find((candidate) => target.startsWith(candidate));
      if (folder && !from.startsWith(folder) && target !== `${folder}index.ts`) breaches.push(`${from} → ${target}`);
    }
  }
  return breaches.sort();
}
