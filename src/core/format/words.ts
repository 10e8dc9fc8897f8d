/**
 * The small grammar of generated messages: a count with its noun, "a" or "an", and the full stop at the end of a
 * sentence built from parts. One home, so "1 checks", "a etag" and a missing full stop cannot come back one message at
 * a time. Shared by build-time and browser code.
 */

/** "1 check", "3 checks", "0 checks"; `many` for a plural that is not the word plus "s" ("1 query", "2 queries"). */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Words that begin with a vowel letter but the sound of "you" or "wun", and with a silent "h". */
const A_BEFORE = /^(?:u[bcfgklrst][aeiou]|u[nt]i(?!n|d|l)|usu|eu|ewe|one\b|once\b)/i;
const AN_BEFORE = /^(?:hour|honest|honou?r|heir)/i;
/** Letters whose spoken name begins with a vowel sound: "an SQL", "an HTTP header", "an X-Request-Id header". */
const VOWEL_LETTERS = new Set('AEFHILMNORSX');

/**
 * Whether the word is read letter by letter: a letter alone ("x-request-id"), a short acronym (URL, SQL, API) or one
 * with no vowel (HTTP, HTML), also before a capitalised word (ETag, HTMLElement). HEAD, NULL and REST are said as words.
 */
function readAsLetters(word: string): boolean {
  if (word.length === 1) return true;
  const caps = /^\p{Lu}{2,}/u.exec(word)?.[0];
  if (!caps) return false;
  const acronym = caps.length < word.length ? caps.slice(0, -1) : caps;
  return acronym.length < 4 || !/[AEIOU]/.test(acronym);
}

/** "a" or "an" for the word, by how it is said, not how it is spelt. */
export function article(word: string): 'a' | 'an' {
  const first = /^[\p{L}\d]+/u.exec(word.trim())?.[0] ?? '';
  if (/^\d/.test(first)) return /^8|^1[18](?!\d)/.test(first) ? 'an' : 'a'; // eight…, eleven, eighteen
  if (first === '') return 'a';
  if (readAsLetters(first)) return VOWEL_LETTERS.has(first[0]!.toUpperCase()) ? 'an' : 'a';
  if (AN_BEFORE.test(first)) return 'an';
  if (A_BEFORE.test(first)) return 'a';
  return /^[aeiou]/i.test(first) ? 'an' : 'a';
}

/** The word after its article: "an ETag", "a Location", "an If-None-Match". */
export const withArticle = (word: string): string => `${article(word)} ${word}`;

/** The text as a sentence: a full stop added unless it already ends in one, a question or an exclamation mark. */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed === '') return trimmed;
  return /[.!?…]["”’)\]]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
