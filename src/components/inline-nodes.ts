/** Text with `inline code` as text nodes and <code> elements, never parsed as HTML: for cards built in the browser. */
import { inlineCodeSegments } from '../core/format/inline-code.ts';

export function inlineNodes(text: string): Node[] {
  return inlineCodeSegments(text).map(({ kind, value }) => {
    if (kind === 'text') return document.createTextNode(value);
    const code = document.createElement('code');
    code.textContent = value;
    return code;
  });
}
