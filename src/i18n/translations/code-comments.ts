/**
 * The comments of a lab's code, the one part of it a translation changes ("code, SQL and commands stay as they are,
 * with comments translated"). A comment runs from its marker (`--` in SQL, `//` in JavaScript and TypeScript, `#` in
 * Python), outside a quoted string, to the end of its line. A translation maps each comment's English text to its own
 * words (`comments:`); the code around a comment is never touched, so what a learner runs and what is graded is the
 * English code, and a comment the map lacks, or a map entry no comment has, fails the content check.
 */
import type { ContentIssue } from '../../lib/content/integrity/entries.ts';

type Fields = Record<string, unknown>;
const MARKERS = { sql: '--', javascript: '//', typescript: '//', python: '#' } as const;
type CodeLanguage = keyof typeof MARKERS;

/** A piece of a lab's code: the frontmatter field it is in and the language it is written in. */
interface LabCode {
  field: string;
  language: CodeLanguage;
  code: string;
}

/** The code a lab shows a learner: its starter and solution, and for an API lab those of its Python variant too. */
function labCode(entry: object): LabCode[] {
  const lab = entry as Fields;
  const main = lab.language === 'http' ? 'javascript' : lab.language;
  if (typeof main !== 'string' || !(main in MARKERS)) return [];
  const python = (lab.python && typeof lab.python === 'object' ? lab.python : {}) as Fields;
  const pieces: [string, CodeLanguage, unknown][] = [
    ['starter', main as CodeLanguage, lab.starter],
    ['solution', main as CodeLanguage, lab.solution],
    ['python.starter', 'python', python.starter],
    ['python.solution', 'python', python.solution],
  ];
  return pieces.flatMap(([field, language, code]) => (typeof code === 'string' ? [{ field, language, code }] : []));
}

/**
 * Where a line's comment starts (its marker), or -1. Quotes are followed across lines only for a JavaScript template
 * literal; `open` carries that state from line to line.
 */
function commentStart(line: string, language: CodeLanguage, open: { quote?: string | undefined }): number {
  const marker = MARKERS[language];
  const escapes = language !== 'sql';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (open.quote) {
      if (escapes && c === '\\') i++;
      else if (c === open.quote) open.quote = undefined;
    } else if (escapes && c === '\\')
      i++; // an escape outside a string: in a regular expression, `/^W\//`
    else if (line.startsWith(marker, i)) return i;
    else if (c === "'" || c === '"' || (c === '`' && language !== 'python' && language !== 'sql')) open.quote = c;
  }
  if (open.quote !== '`') open.quote = undefined;
  return -1;
}

/** Each line's comment, as its text without the marker and the spaces around it, with where it starts. */
function comments(code: string, language: CodeLanguage): { line: number; at: number; text: string }[] {
  const open: { quote?: string | undefined } = {};
  return code.split('\n').flatMap((line, i) => {
    const at = commentStart(line, language, open);
    const text = at < 0 ? '' : line.slice(at + MARKERS[language].length).trim();
    return text ? [{ line: i, at, text }] : [];
  });
}

/** The code with each comment that `words` maps put in its words; every other character as it was. */
export function translateComments(code: string, language: CodeLanguage, words: Readonly<Record<string, string>>) {
  const lines = code.split('\n');
  for (const { line, at, text } of comments(code, language)) {
    const own = words[text];
    if (own === undefined) continue;
    const marker = MARKERS[language];
    const original = lines[line]!;
    const rest = original.slice(at + marker.length);
    lines[line] = original.slice(0, at + marker.length) + rest.replace(text, () => own);
  }
  return lines.join('\n');
}

/**
 * A lab translation's comments against the English code: each comment with words in it has its translation (one that
 * stays the same, commented-out code, is written out the same), and no entry names a comment the code lacks.
 */
export function commentIssues(
  file: string,
  sourceFile: string,
  english: Fields,
  words: Readonly<Record<string, string>> | undefined,
): ContentIssue[] {
  const found = labCode(english).flatMap(({ field, language, code }) =>
    comments(code, language).map((c) => ({ field, line: c.line + 1, text: c.text })),
  );
  const given = words ?? {};
  const missing = found
    .filter((c) => /\p{L}{2}/u.test(c.text) && given[c.text] === undefined)
    .map((c) => ({
      file,
      field: `comments`,
      message: `lacks "${c.text}" (${sourceFile}, ${c.field} line ${String(c.line)}): the Portuguese page would show it in English`,
    }));
  const texts = new Set(found.map((c) => c.text));
  const unused = Object.keys(given)
    .filter((text) => !texts.has(text))
    .map((text) => ({
      file,
      field: 'comments',
      message: `has "${text}", which is no comment of ${sourceFile}'s code`,
    }));
  return [...missing, ...unused];
}

/** A lab's fields with the comments of its code in a translation's words (the lab as it was, without words). */
export function withTranslatedComments<T extends object>(
  lab: T,
  words: Readonly<Record<string, string>> | undefined,
): T {
  if (!words) return lab;
  const out: Fields = { ...(lab as Fields) };
  for (const { field, language, code } of labCode(lab)) {
    const text = translateComments(code, language, words);
    const [head, tail] = field.split('.') as [string, string | undefined];
    if (tail) out[head] = { ...(out[head] as Fields), [tail]: text };
    else out[head] = text;
  }
  return out as unknown as T;
}
