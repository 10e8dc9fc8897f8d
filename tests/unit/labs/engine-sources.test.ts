/**
 * The JavaScript the lab engine runs lives in real modules (src/lib/labs/engine/), which TypeScript, ESLint and
 * Prettier read and esbuild bundles, not in string literals: no template literal of several lines in the labs'
 * modules holds code. And the host never runs those modules itself (they define globals for the engine): outside
 * engine/, they are imported for their types only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const LABS = join(import.meta.dirname, '../../../src/lib/labs');
/** More lines than a message or a statement needs: a script. */
const MAX_LINES = 3;
const CODE = /\bfunction\b|=>|\bclass\b|\bconst\b|\blet\b/;

const files = (readdirSync(LABS, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(LABS, file));

function visit(node: ts.Node, found: (node: ts.Node) => void) {
  found(node);
  node.forEachChild((child) => visit(child, found));
}

const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/** Template literals (and strings) of more than MAX_LINES lines that hold JavaScript, as "file:line". */
function codeInStrings(file: string): string[] {
  const source = parse(file);
  const hits: string[] = [];
  visit(source, (node) => {
    if (!ts.isTemplateLiteral(node) && !ts.isStringLiteral(node)) return;
    const text = node.getText(source);
    if (text.split('\n').length > MAX_LINES && CODE.test(text)) {
      hits.push(`${relative(LABS, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
    }
  });
  return hits;
}

it('no module of src/lib/labs holds engine code in a string', () => {
  expect(files.length).toBeGreaterThan(40);
  expect(files.flatMap(codeInStrings)).toEqual([]);
});

it('finds code in a string when there is some', () => {
  const file = join(import.meta.dirname, '../../fixtures/engine-code-in-a-string.ts');
  expect(codeInStrings(file)).toEqual([expect.stringMatching(/engine-code-in-a-string\.ts:2$/)]);
});

it('the host imports the engine’s modules for their types only', () => {
  const imports = files
    .filter((file) => !file.includes('/engine/'))
    .flatMap((file) =>
      parse(file)
        .statements.filter(ts.isImportDeclaration)
        .filter((node) => (node.moduleSpecifier as ts.StringLiteral).text.includes('engine/'))
        .filter((node) => !node.importClause?.isTypeOnly)
        .map((node) => `${relative(LABS, file)}: ${node.getText()}`),
    );
  expect(imports).toEqual([]);
});
