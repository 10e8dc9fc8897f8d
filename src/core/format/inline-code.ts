/**
 * Plain text with `backtick` inline code, as authors write self-checks, titles and summaries, split into segments a
 * component renders as text or <code> (InlineText.astro at build, inline-nodes.ts in the browser). Segments are plain
 * strings, never HTML: the renderer escapes them, so `<script>` in a question shows as those characters.
 */

export interface InlineSegment {
  kind: 'text' | 'code';
  value: string;
}

/** Splits on backticks: every other run is code. An unpaired backtick stays as a literal character. */
export function inlineCodeSegments(text: string): InlineSegment[] {
  const parts = text.split('`');
  // An odd number of backticks leaves the last one unpaired: glue it back onto the text after it.
  if (parts.length % 2 === 0) parts.splice(-2, 2, `${parts.at(-2)}\`${parts.at(-1)}`);
  const segments: InlineSegment[] = [];
  parts.forEach((value, i) => {
    const kind = i % 2 === 1 ? 'code' : 'text';
    // Empty text between adjacent code spans says nothing; an empty code span (``) is dropped too.
    if (value === '') return;
    const last = segments.at(-1);
    if (last && last.kind === kind) last.value += value;
    else segments.push({ kind, value });
  });
  return segments;
}

/**
 * The text as it reads with its code shown plainly, without backticks: for where no <code> can go — <title>, meta
 * descriptions, structured data, feeds, aria labels, the link preview card's drawing.
 */
export const inlinePlainText = (text: string): string =>
  inlineCodeSegments(text)
    .map((s) => s.value)
    .join('');

/** Why a self-check string is not plain text with inline code, or null when it is (used by the topic schema). */
export function inlineTextProblem(text: string): string | null {
  if (/[\r\n]/.test(text)) return 'must be one line (no line breaks)';
  if ((text.match(/`/g)?.length ?? 0) % 2 === 1)
    return 'has an unpaired backtick: wrap inline code in a pair of backticks';
  for (const segment of inlineCodeSegments(text)) {
    if (segment.kind !== 'text') continue;
    if (/<\/?[a-z!]/i.test(segment.value)) return 'must be plain text: no HTML (write tags inside backticks)';
    if (/\]\(|https?:\/\//.test(segment.value)) return 'must be plain text: no links';
  }
  return null;
}
