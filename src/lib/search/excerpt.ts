/**
 * A result's excerpt as the learner reads it. Pagefind cuts a window of words around the match, so its excerpt
 * starts wherever the window does ("me through how JWT-based…", "question. JWTs are stateless") and marks the
 * whole token it matched, punctuation included ("(JWT).", "Cache-Control,"). Here the excerpt starts at the
 * sentence that holds the first match when one starts before it, otherwise at a whole word after "…", ends with
 * "…" when cut mid-sentence, and marks only the letters and digits of each matched word.
 */

/** A run of the excerpt's text, marked when it is a word the query matched. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** A character that is part of a word. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** The end of a sentence followed by the start of the next: its full stop (and closing quote), then spaces. */
const SENTENCE_END = /[.!?][”"’')]?\s+(?=[\p{Lu}\p{N}“"‘'(])/gu;
const ELLIPSIS = '…';

/** A marked run with its leading and trailing punctuation moved out of the mark. */
function markWordOnly(part: ExcerptPart): ExcerptPart[] {
  const chars = [...part.text];
  let start = 0;
  let end = chars.length;
  while (start < end && !WORD_CHAR.test(chars[start]!)) start++;
  while (end > start && !WORD_CHAR.test(chars[end - 1]!)) end--;
  if (start === end) return [{ text: part.text, marked: false }];
  return [
    { text: chars.slice(0, start).join(''), marked: false },
    { text: chars.slice(start, end).join(''), marked: true },
    { text: chars.slice(end).join(''), marked: false },
  ].filter((p) => p.text);
}

/** Where the excerpt should start: after the last sentence end before the first mark, else at its first word. */
function startOf(parts: readonly ExcerptPart[]): { at: number; cut: boolean } {
  const firstMark = parts.findIndex((p) => p.marked);
  const before = (firstMark < 0 ? [] : parts.slice(0, firstMark)).map((p) => p.text).join('');
  let at = -1;
  // The first match itself is read too: the sentence it starts may end just before it.
  for (const end of `${before}${parts[firstMark]?.text ?? ''}`.matchAll(SENTENCE_END))
    if (end.index < before.length) at = end.index + end[0].length;
  if (at >= 0) return { at, cut: false };
  const text = parts.map((p) => p.text).join('');
  const first = [...text].findIndex((c) => WORD_CHAR.test(c));
  const word = first < 0 ? 0 : [...text].slice(0, first).join('').length;
  // A window that opens on a capital may still be mid-sentence, but one that opens lower case surely is.
  return { at: word, cut: !/^[\p{Lu}\p{N}]/u.test(text.slice(word)) };
}

/** Drops the first `n` characters of the parts' text. */
function dropChars(parts: readonly ExcerptPart[], n: number): ExcerptPart[] {
  const out: ExcerptPart[] = [];
  let left = n;
  for (const part of parts) {
    if (left >= part.text.length) {
      left -= part.text.length;
      continue;
    }
    out.push({ text: part.text.slice(left), marked: part.marked });
    left = 0;
  }
  return out;
}

/** The excerpt's parts, starting at a sentence or a whole word and marking words only (see the module comment). */
export function tidyExcerpt(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const words = parts.flatMap((p) => (p.marked ? markWordOnly(p) : [p]));
  const { at, cut } = startOf(words);
  const out = dropChars(words, at);
  if (out.length === 0) return [];
  if (cut) out.unshift({ text: ELLIPSIS, marked: false });
  const last = out.at(-1)!;
  const trimmed = last.text.trimEnd();
  if (!/[.!?:”"’')]$/.test(trimmed)) {
    if (last.marked) out.push({ text: ELLIPSIS, marked: false });
    else last.text = `${trimmed}${ELLIPSIS}`;
  }
  return out;
}
