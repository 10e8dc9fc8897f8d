/**
 * The words inside a lab's code, found the way the language's own parser would find them: its comments (a line
 * comment, each line of a block comment, each line of a Python docstring) and its string literals, each with where its
 * text starts and ends. A translation changes only those spans (code-words.ts); everything between them is code and
 * stays as it was. SQL: `--`, `/* … *\/`, '…' with '' inside and "…" (a $$-quoted function body is read as the SQL or
 * PL/pgSQL it is, comments and all). JavaScript and TypeScript: `//`,
 * `/* … *\/`, '…', "…" and template literals (their `${…}` read as code), and regular expressions told from division
 * by what comes before them. Python: `#`, strings with their prefixes (r, b, f, u and pairs), triple-quoted ones
 * across lines, and a docstring: the string that opens a module, a `def` or a `class`.
 */
import { type CodeLanguage, type CodePiece, Scanner, WORD } from './code-scanner.ts';

const BEFORE_REGEX = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_KEYWORDS = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
]);

function scanSql(s: Scanner) {
  const code = s.code;
  for (let i = 0; i < code.length; i++) {
    if (code.startsWith('--', i)) {
      const end = s.lineEnd(i);
      s.push('comment', i + 2, end);
      i = end;
    } else if (code.startsWith('/*', i)) {
      const end = code.indexOf('*/', i + 2) < 0 ? code.length : code.indexOf('*/', i + 2);
      s.pushLines('comment', i + 2, end, true);
      i = end + 1;
    } else if (code[i] === "'" || code[i] === '"') {
      const end = s.closing(i + 1, code[i]!, { escapes: false, doubled: true, multiline: true });
      s.push('string', i + 1, end, { quote: code[i]! });
      i = end;
    }
  }
}

/** JavaScript and TypeScript from `from` to the end, or (`closeBrace`) to the `}` that closes a template's `${`. */
function scanScript(s: Scanner, from: number, closeBrace = false): number {
  const code = s.code;
  let last = ''; // the last character of code (not space, comment or string) before here
  let word = ''; // the identifier or keyword that ended there, if one did
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if (code.startsWith('//', i)) {
      const end = s.lineEnd(i);
      s.push('comment', i + 2, end);
      i = end;
    } else if (code.startsWith('/*', i)) {
      const close = code.indexOf('*/', i + 2);
      const end = close < 0 ? code.length : close;
      s.pushLines('comment', i + 2, end, true);
      i = end + 1;
    } else if (c === "'" || c === '"') {
      const end = s.closing(i + 1, c);
      s.push('string', i + 1, end, { quote: c });
      [i, last, word] = [end, c, ''];
    } else if (c === '`') {
      const end = templateEnd(s, i + 1);
      s.push('string', i + 1, end, { quote: '`' });
      [i, last, word] = [end, c, ''];
    } else if (c === '/' && (last === '' || BEFORE_REGEX.has(last) || REGEX_KEYWORDS.has(word))) {
      let inClass = false;
      let j = i + 1;
      for (; j < code.length && code[j] !== '\n'; j++) {
        if (code[j] === '\\') j++;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        else if (code[j] === '/' && !inClass) break;
      }
      [i, last, word] = [j, ')', ''];
    } else if (closeBrace && c === '{') {
      depth++;
      [last, word] = [c, ''];
    } else if (closeBrace && c === '}') {
      if (depth === 0) return i;
      depth--;
      [last, word] = [c, ''];
    } else if (!/\s/.test(c)) {
      word = WORD.test(c) ? (WORD.test(last) ? word : '') + c : '';
      last = c;
    }
  }
  return code.length;
}

/** Where a template literal whose text starts at `from` closes; its `${…}` parts are scanned as code. */
function templateEnd(s: Scanner, from: number): number {
  const code = s.code;
  for (let i = from; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === '`') return i;
    else if (code.startsWith('${', i)) i = scanScript(s, i + 2, true);
  }
  return code.length;
}

const PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;

function scanPython(s: Scanner) {
  const code = s.code;
  let sawCode = false; // whether anything but comments and blank lines came before
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '#') {
      const end = s.lineEnd(i);
      s.push('comment', i + 1, end);
      i = end;
      continue;
    }
    if (WORD.test(c)) {
      let j = i;
      while (j < code.length && WORD.test(code[j]!)) j++;
      const name = code.slice(i, j);
      if (!(PREFIX.test(name) && (code[j] === "'" || code[j] === '"'))) {
        [i, sawCode] = [j - 1, true];
        continue;
      }
      i = j;
    }
    const q = code[i]!;
    if (q !== "'" && q !== '"') {
      if (!/\s/.test(q)) sawCode = true;
      continue;
    }
    let p = i;
    while (p > 0 && WORD.test(code[p - 1]!)) p--;
    const prefix = code.slice(p, i).toLowerCase();
    const quote = code.startsWith(q.repeat(3), i) ? q.repeat(3) : q;
    const start = i + quote.length;
    // A backslash keeps a quote from closing the string even in a raw string.
    const end = s.closing(start, quote, { multiline: quote.length === 3 });
    const kind = !prefix && quote.length === 3 && (!sawCode || opensBody(code, p)) ? 'docstring' : 'string';
    if (kind === 'docstring') s.pushLines('docstring', start, end, false);
    else s.push('string', start, end, { quote, prefix });
    [i, sawCode] = [end + quote.length - 1, true];
  }
}

/**
 * Whether a string at `at`, first on its line, is the first statement of a `def` or `class` body: the line before it
 * (blank and comment lines aside) ends the header with `:`, and the header (a signature may take several lines)
 * starts less indented than the string.
 */
function opensBody(code: string, at: number): boolean {
  const lines = code.slice(0, at).split('\n');
  const own = lines.pop()!;
  if (own.trim() !== '') return false;
  const code_ = (line: string) => line.replace(/#.*$/, '').trimEnd();
  let i = lines.length - 1;
  while (i >= 0 && code_(lines[i]!).trim() === '') i--;
  if (i < 0 || !code_(lines[i]!).endsWith(':')) return false;
  for (let j = i; j >= Math.max(0, i - 12); j--) {
    const header = /^([ \t]*)(?:async[ \t]+)?(?:def|class)\b/.exec(lines[j]!);
    if (header) return own.length > header[1]!.length;
  }
  return false;
}

/** The comments, docstrings and strings of `code`, in order. */
export function scanCode(code: string, language: CodeLanguage): CodePiece[] {
  const s = new Scanner(code);
  if (language === 'sql') scanSql(s);
  else if (language === 'python') scanPython(s);
  else scanScript(s, 0);
  // A string inside a template literal's `${…}` is part of the template's text.
  const pieces = s.pieces.sort((a, b) => a.start - b.start);
  return pieces.filter(
    (piece) =>
      !pieces.some(
        (outer) => outer !== piece && outer.start <= piece.start && piece.end <= outer.end && outer.kind === 'string',
      ),
  );
}

/** `code` with each piece's text replaced by `words(piece)` where that gives one; every other character as it was. */
export function replacePieces(
  code: string,
  pieces: readonly CodePiece[],
  words: (piece: CodePiece) => string | undefined,
): string {
  let out = '';
  let at = 0;
  for (const piece of pieces) {
    const own = words(piece);
    if (own === undefined) continue;
    out += code.slice(at, piece.start) + own;
    at = piece.end;
  }
  return out + code.slice(at);
}

/** The code with its comments, docstrings and strings emptied: what must stay the same when only words change. */
export function codeSkeleton(code: string, language: CodeLanguage): string {
  return replacePieces(code, scanCode(code, language), () => '');
}
