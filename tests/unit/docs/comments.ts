/**
 * The comments of a source file, as the parser sees them: TypeScript's own scanner finds the comments of .ts, .js
 * and .mjs files and of an .astro file's frontmatter and scripts, so a `//` inside a string or a `/*` inside a glob
 * is never taken for one. An .astro template's `<!-- -->` and `{/* *\/}` comments and CSS's `/* *\/` are matched
 * with a regular expression, which their grammar allows.
 */
import ts from 'typescript';

/** Every comment of a script, in order: the trivia before and after every token, each comment once. */
function scriptComments(code: string): string[] {
  const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const seen = new Map<number, string>();
  const visit = (node: ts.Node) => {
    const ranges = [
      ...(ts.getLeadingCommentRanges(code, node.getFullStart()) ?? []),
      ...(ts.getTrailingCommentRanges(code, node.getEnd()) ?? []),
    ];
    for (const range of ranges) seen.set(range.pos, code.slice(range.pos, range.end));
    for (const child of node.getChildren(file)) visit(child);
  };
  visit(file);
  return [...seen.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}

const BLOCK = /\/\*[\s\S]*?\*\//g;
const HTML = /<!--[\s\S]*?-->/g;

/** An .astro file: its frontmatter and `<script>` bodies as TypeScript, its template and styles by pattern. */
function astroComments(source: string): string[] {
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source);
  const rest = frontmatter ? source.slice(frontmatter[0].length) : source;
  const scripts = [...rest.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  const template = rest.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  return [
    ...scriptComments(frontmatter?.[1] ?? ''),
    ...scripts.flatMap(scriptComments),
    ...(template.match(HTML) ?? []),
    ...(template.match(BLOCK) ?? []),
  ];
}

/** The comments of a file, chosen by its extension; a file of another kind has none. */
export function comments(path: string, source: string): string[] {
  if (/\.(ts|mjs|js)$/.test(path)) return scriptComments(source);
  if (path.endsWith('.astro')) return astroComments(source);
  if (path.endsWith('.css')) return source.match(BLOCK) ?? [];
  return [];
}
