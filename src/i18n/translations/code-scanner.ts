/**
 * The scanner under code-scan.ts: a piece of code's lines, and the pieces (comments, docstrings, strings) found in it
 * so far, each with its span and line.
 */
export type CodeLanguage = 'sql' | 'javascript' | 'typescript' | 'python';

export interface CodePiece {
  kind: 'comment' | 'docstring' | 'string';
  /** Where the text starts and ends in the code: a comment's without its marker and the spaces around it. */
  start: number;
  end: number;
  text: string;
  /** A string's delimiter (', ", `, ''' or """) and its prefix letters (Python's f, r, b …), lower-cased. */
  quote?: string;
  prefix?: string;
  /** The 1-based line the piece starts on. */
  line: number;
}

/** A character of a name: letters, digits, `_` and `$`. */
export const WORD = /[\p{L}\p{N}_$]/u;

export class Scanner {
  readonly pieces: CodePiece[] = [];
  private readonly lineStarts: number[] = [0];
  readonly code: string;

  constructor(code: string) {
    this.code = code;
    for (let i = 0; i < code.length; i++) if (code[i] === '\n') this.lineStarts.push(i + 1);
  }

  lineOf(at: number): number {
    let [lo, hi] = [0, this.lineStarts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** A span's text without the spaces around it, as a piece (nothing when it is blank). */
  push(kind: CodePiece['kind'], from: number, to: number, extra: Partial<CodePiece> = {}) {
    let [start, end] = [from, to];
    if (kind !== 'string') {
      while (start < end && /\s/.test(this.code[start]!)) start++;
      while (end > start && /\s/.test(this.code[end - 1]!)) end--;
      if (start === end) return;
    }
    this.pieces.push({ kind, start, end, text: this.code.slice(start, end), line: this.lineOf(start), ...extra });
  }

  /** Each line of a block comment or docstring: the line without its indentation and (`stars`) a leading `*`. */
  pushLines(kind: 'comment' | 'docstring', from: number, to: number, stars: boolean) {
    let at = from;
    for (const line of this.code.slice(from, to).split('\n')) {
      let start = at;
      const end = at + line.length;
      while (start < end && /\s/.test(this.code[start]!)) start++;
      if (stars) while (start < end && this.code[start] === '*') start++;
      this.push(kind, start, end);
      at = end + 1;
    }
  }

  /** The end of a line comment: the end of its line. */
  lineEnd(from: number): number {
    const end = this.code.indexOf('\n', from);
    return end < 0 ? this.code.length : end;
  }

  /** Where a quoted string that opened before `from` closes (the index of its closing quote, or the code's end). */
  closing(from: number, quote: string, { escapes = true, doubled = false, multiline = false } = {}): number {
    const code = this.code;
    for (let i = from; i < code.length; i++) {
      if (escapes && code[i] === '\\') i++;
      else if (code.startsWith(quote, i)) {
        if (doubled && code.startsWith(quote + quote, i)) i++;
        else return i;
      } else if (code[i] === '\n' && !multiline) return i;
    }
    return code.length;
  }
}
