/**
 * The words in a lab's code, the one part of it a translation changes ("code, SQL and commands stay as they are,
 * with comments translated"). Two maps, each by the English text:
 * - `comments:` the comments of the code a learner reads (starter and solution, and their Python variant's): a line
 *   comment, each line of a block comment, each line of a Python docstring;
 * - `strings:` the string literals of the hidden tests that a learner reads: every test's name, and every literal with
 *   words in it (a failure message, or a part of one). A literal that is data the tests compare (an error message the
 *   learner's code must give) is mapped to itself.
 * The pieces are found by the language's rules (code-scan.ts), and only their text changes: the check fails a
 * translation that lacks a piece with words, names one the code lacks, or whose words would change the code around
 * them (a quote that ends the string, a line break in a line comment, a `{field}` dropped or added).
 */
import type { ContentIssue } from '../../lib/content/integrity/entries.ts';
import { codeSkeleton, replacePieces, scanCode } from './code-scan.ts';
import type { CodeLanguage, CodePiece } from './code-scanner.ts';

type Fields = Record<string, unknown>;
type Words = Readonly<Record<string, string>>;
const LANGUAGES = new Set(['sql', 'javascript', 'typescript', 'python']);

/** A piece of a lab's code: the frontmatter field it is in, the language it is written in, and which map it takes. */
interface LabCode {
  field: string;
  language: CodeLanguage;
  code: string;
  map: 'comments' | 'strings';
}

/** The code of a lab: starter and solution (comments), its tests (strings), and its Python variant's starter and solution. */
function labCode(entry: object): LabCode[] {
  const lab = entry as Fields;
  const main = lab.language === 'http' ? 'javascript' : lab.language;
  if (typeof main !== 'string' || !LANGUAGES.has(main)) return [];
  const python = (lab.python && typeof lab.python === 'object' ? lab.python : {}) as Fields;
  const pieces: [string, CodeLanguage, unknown, LabCode['map']][] = [
    ['starter', main as CodeLanguage, lab.starter, 'comments'],
    ['solution', main as CodeLanguage, lab.solution, 'comments'],
    ['python.starter', 'python', python.starter, 'comments'],
    ['python.solution', 'python', python.solution, 'comments'],
    // An SQL lab's checks and an API lab's requests carry their words in fields of their own.
    ['tests', main as CodeLanguage, main === 'sql' ? undefined : lab.tests, 'strings'],
  ];
  return pieces.flatMap(([field, language, code, map]) =>
    typeof code === 'string' ? [{ field, language, code, map }] : [],
  );
}

/** The pieces a map translates: comments and docstrings for `comments`, string literals for `strings`. */
const piecesFor = ({ code, language, map }: LabCode) =>
  scanCode(code, language).filter((p) => (map === 'strings' ? p.kind === 'string' : p.kind !== 'string'));

/** A map's words for a text: its own entry only ("constructor" is no entry of `{}`). */
const wordFor = (words: Words, text: string) => (Object.hasOwn(words, text) ? words[text] : undefined);

/** Whether a string literal is a test's name: the first argument of `test(…)` or `@test(…)`. */
function isTestName(code: string, piece: CodePiece): boolean {
  const before = code.slice(
    Math.max(0, piece.start - 80),
    piece.start - (piece.quote?.length ?? 1) - (piece.prefix?.length ?? 0),
  );
  return /(?:^|[^\w.$])@?test\(\s*$/.test(before);
}

/** A literal's fields and format specifiers: `${…}`, `{…}`, `%s`; a translation keeps the same ones. */
const fields = (text: string) =>
  [
    ...text
      .replaceAll('{{', '')
      .replaceAll('}}', '')
      .matchAll(/\$?\{[^{}]*\}|%[sdrfi]/g),
  ]
    .map((m) => m[0])
    .sort();

/** Whether a literal holds words a learner reads: two words in a row, once its fields and quoted parts are left out. */
const hasWords = (text: string) =>
  /\p{L}{2,}[ \t]+\p{L}{2,}/u.test(text.replace(/\$?\{[^{}]*\}/g, ' ').replace(/\\?"[^"]*\\?"|\\?'[^']*\\?'/g, ' '));

/** An SQL statement the tests run or compare: code, which stays as it is. */
const SQL =
  /^\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|TRUNCATE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|SET|SHOW|EXPLAIN|LOCK|COPY)\b/;

/**
 * Whether a piece needs a translation: a comment with two letters or more, a test's name, a literal with words (an
 * SQL statement is code, not words).
 */
const needsWords = (part: LabCode, piece: CodePiece) =>
  part.map === 'comments'
    ? /\p{L}{2}/u.test(piece.text)
    : isTestName(part.code, piece) || (hasWords(piece.text) && !SQL.test(piece.text));

/** The code with each piece that `words` maps put in its words; every other character as it was. */
function translate(part: LabCode, words: Words): string {
  return replacePieces(part.code, piecesFor(part), (piece) => wordFor(words, piece.text));
}

/** The comments of `code` in `words` (the tests use this; a lab's fields go through withTranslatedCode). */
export const translateComments = (code: string, language: CodeLanguage, words: Words) =>
  translate({ field: '', language, code, map: 'comments' }, words);

/**
 * A lab translation's comments and strings against the English code: each piece with words has its translation (one
 * that stays the same is written out the same), no entry names a piece the code lacks, and no translation changes the
 * code around it.
 */
export function codeWordIssues(
  file: string,
  sourceFile: string,
  english: Fields,
  maps: { comments?: Words | undefined; strings?: Words | undefined },
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const found = { comments: new Set<string>(), strings: new Set<string>() };
  for (const part of labCode(english)) {
    const words = maps[part.map] ?? {};
    const what = part.map === 'comments' ? 'comment' : 'string';
    const skeleton = codeSkeleton(part.code, part.language);
    for (const piece of piecesFor(part)) {
      found[part.map].add(piece.text);
      const own = wordFor(words, piece.text);
      const where = `${sourceFile}, ${part.field} line ${String(piece.line)}`;
      if (own === undefined) {
        if (needsWords(part, piece))
          issues.push({
            file,
            field: part.map,
            message: `lacks "${piece.text}" (${where}): the Portuguese page would show it in English`,
          });
        continue;
      }
      const changed = replacePieces(part.code, [piece], () => own);
      if (codeSkeleton(changed, part.language) !== skeleton)
        issues.push({
          file,
          field: `${part.map}["${piece.text}"]`,
          message: `would change the code around the ${what} (${where}): a line break, or a quote or comment end that closes it early`,
        });
      else if (part.map === 'strings' && fields(own).join(' ') !== fields(piece.text).join(' '))
        issues.push({
          file,
          field: `strings["${piece.text}"]`,
          message: `must keep the fields ${fields(piece.text).join(' ') || '(none)'} of ${where}, and add none; it has ${fields(own).join(' ') || 'none'}`,
        });
    }
  }
  for (const map of ['comments', 'strings'] as const)
    for (const text of Object.keys(maps[map] ?? {}))
      if (!found[map].has(text))
        issues.push({
          file,
          field: map,
          message: `has "${text}", which is no ${map === 'comments' ? 'comment of' : 'string in the tests of'} ${sourceFile}'s code`,
        });
  return issues;
}

/** A lab's fields with the comments of its code and the strings of its tests in a translation's words. */
export function withTranslatedCode<T extends object>(
  lab: T,
  maps: { comments?: Words | undefined; strings?: Words | undefined },
): T {
  if (!maps.comments && !maps.strings) return lab;
  const out: Fields = { ...(lab as Fields) };
  for (const part of labCode(lab)) {
    const words = maps[part.map];
    if (!words) continue;
    const text = translate(part, words);
    const [head, tail] = part.field.split('.') as [string, string | undefined];
    if (tail) out[head] = { ...(out[head] as Fields), [tail]: text };
    else out[head] = text;
  }
  return out as unknown as T;
}
