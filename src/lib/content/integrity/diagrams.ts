/**
 * Diagrams (```mermaid blocks) must read: the build would stop on the first one that does not (src/markdown/
 * diagrams.ts); this check lists them all, with the line of the file, before the build starts and in
 * `npm run content:check`. It reads the text only; drawing waits for the build. Diagrams belong in topics and
 * questions, the pages that load their stylesheet.
 */
import { type MdastNode, mdxToMdast } from 'satteri';
import { DiagramSyntaxError, readDiagram } from '../../../markdown/diagram-text.ts';
import type { ContentIssue, EntryBody } from './entries.ts';

/** Fenced code blocks whose language is `mermaid`, anywhere in the tree (lists and quotes included). */
function mermaidBlocks(node: MdastNode): (MdastNode & { type: 'code' })[] {
  if (node.type === 'code') return node.lang === 'mermaid' ? [node] : [];
  return 'children' in node ? (node.children as MdastNode[]).flatMap(mermaidBlocks) : [];
}

/** The collections whose pages load the diagrams' stylesheet (src/components/code/CopyCode.astro wraps their bodies). */
const WITH_DIAGRAMS: readonly string[] = ['topics', 'questions'];

/** One issue per diagram that does not read, or that stands where diagrams are not drawn; call it on a body that reads (Markdown, or MDX that compiles). */
export function checkDiagrams(entry: EntryBody): ContentIssue[] {
  if (!/^\s*(```|~~~)\s*mermaid/m.test(entry.body)) return [];
  const blocks = mermaidBlocks(mdxToMdast(entry.body));
  if (blocks.length > 0 && !WITH_DIAGRAMS.includes(entry.collection)) {
    return [
      {
        file: entry.file,
        field: 'body',
        message: 'diagrams (```mermaid blocks) are drawn in topics and questions only',
      },
    ];
  }
  return blocks.flatMap((block) => {
    try {
      readDiagram(block.value);
      return [];
    } catch (error) {
      if (!(error instanceof DiagramSyntaxError)) throw error;
      // The fence's line in the file, then the line inside the block (1 = the first line after the fence).
      const line = entry.bodyLine - 1 + (block.position?.start.line ?? 1) + error.line;
      return [{ file: entry.file, field: 'body', message: `diagram at line ${line}: ${error.message}` }];
    }
  });
}
