/**
 * Whether a failure message hands over what the hints hold back. A hint's key phrases are the code it quotes (the
 * functions it calls, the SQL keywords it writes in capitals, a short expression whole) and the capitalised SQL
 * keywords of its prose ("a WHERE filter"); a phrase the learner already has, because the task, the starter, the
 * setup or a check's name says it, gives nothing away. A message leaks when it contains a key phrase: keywords as
 * written in capitals, code case-insensitively, both as whole words.
 */

/** Capitalised words that are names, not SQL a hint could give away. */
const NOT_KEYWORDS = new Set([
  'SQL',
  'JSON',
  'UTC',
  'API',
  'HTTP',
  'HTTPS',
  'URL',
  'ID',
  'OK',
  'UUID',
  'ISO',
  'CPU',
  'ASCII',
  'UTF',
]);

/** Runs of capitalised SQL words ("LEFT JOIN", "IS NULL", "HAVING"); a lone word needs four letters or more. */
function keywordRuns(text: string): string[] {
  const runs = text.match(/\b[A-Z]{2,}(?:\s+[A-Z]{2,})*\b/g) ?? [];
  return runs
    .map((run) =>
      run
        .split(/\s+/)
        .filter((w) => !NOT_KEYWORDS.has(w))
        .join(' '),
    )
    .filter((run) => run.includes(' ') || run.length >= 4);
}

/** SQL words written before a parenthesis that are not functions. */
const NOT_CALLS = new Set([
  'where',
  'in',
  'exists',
  'values',
  'on',
  'using',
  'over',
  'filter',
  'any',
  'all',
  'and',
  'or',
  'not',
  'as',
  'select',
  'from',
  'join',
  'key',
  'unique',
  'check',
  'references',
  'include',
  'conflict',
  'returning',
  'if',
  'for',
  'while',
  'catch',
  'function',
]);

/**
 * What a quoted piece of code gives away: the functions it calls (as a call, `count(`, or by a name that cannot be
 * an English word, `date_trunc`), its keywords, and itself when it is a short expression.
 */
function codePhrases(span: string): string[] {
  const names = [...span.matchAll(/\b([a-z_][\w.]*)\s*\(/gi)]
    .map((m) => m[1]!.toLowerCase())
    .filter((name) => name.length >= 3 && !NOT_CALLS.has(name));
  const calls = names.map((name) => (/[_.]/.test(name) ? name : `${name}(`));
  const text = span.trim();
  const whole = text.length >= 3 && text.length <= 40 && /[^\w\s]|\s/.test(text) ? [text.toLowerCase()] : [];
  return [...calls, ...keywordRuns(span), ...whole];
}

const normal = (text: string) => text.replace(/\s+/g, ' ');

/** The key phrases of `hints` that `given` (the task, starter, setup and check names) does not already say. */
export function hintPhrases(hints: readonly string[], given: string): string[] {
  const phrases = new Set<string>();
  for (const hint of hints) {
    const spans = [...hint.matchAll(/`([^`]+)`/g)].map((m) => normal(m[1]!));
    for (const span of spans) for (const p of codePhrases(span)) phrases.add(p);
    for (const p of keywordRuns(hint.replace(/`[^`]*`/g, ' '))) phrases.add(p);
  }
  const known = normal(given);
  return [...phrases].filter((p) => !contains(known, p));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` holds `phrase` as whole words: capitalised keywords as written, anything else ignoring case. */
function contains(text: string, phrase: string): boolean {
  const keyword = /^[A-Z ]+$/.test(phrase);
  const edge = (c: string) => (/\w/.test(c) ? '\\b' : '');
  const pattern = `${edge(phrase[0]!)}${escape(phrase).replace(/ /g, '\\s+')}${edge(phrase.at(-1)!)}`;
  return new RegExp(pattern, keyword ? '' : 'i').test(text);
}

/** The key phrases of the hints that `message` gives away. */
export const leakedPhrases = (message: string, phrases: readonly string[]): string[] =>
  phrases.filter((p) => contains(normal(message), p));

/** The phrases an answer did not write itself: a message that quotes the learner's own SQL back gives nothing away. */
export const phrasesNotIn = (answer: string, phrases: readonly string[]): string[] =>
  phrases.filter((p) => !contains(normal(answer), p));

/** What a lab's page already tells the learner before any hint: the task, the starter, the setup, the checks' names. */
export function givenText(lab: {
  body: string;
  starter: string;
  setup?: string | undefined;
  checks?: readonly { name: string }[] | undefined;
  requests?: readonly { name: string }[] | undefined;
}): string {
  const names = [...(lab.checks ?? []), ...(lab.requests ?? [])].map((c) => c.name);
  return [lab.body, lab.starter, lab.setup ?? '', ...names].join('\n');
}
