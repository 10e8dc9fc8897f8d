/**
 * An advert read as words: each in canonical form, as written and where it is, links and e-mail addresses left
 * out. The matcher (advert-match.ts) looks its catalog's phrases up in these.
 */

/** Longest advert read, in characters: real ones are 2,000–6,000; the rest of a bigger paste is ignored. */
export const MAX_ADVERT_LENGTH = 20_000;

/**
 * Letters and digits, joined by `.`, `'`, `+` or `#` without a space ("Node.js", "C#", "n+1", "x.509"), with a
 * leading dot for ".NET". Hyphens, slashes and underscores separate words: "Cross-Site" is "cross site",
 * "Python/Django" is two words, "CI/CD" is "ci cd" on both sides.
 */
const WORD = /(?:(?<![\p{L}\p{N}.])\.)?[\p{L}\p{N}]+(?:[.'’+#][\p{L}\p{N}]+)*[+#]*/gu;

/** Links and e-mail addresses name no topic: "https://jobs.example.com/go" is neither HTTPS nor Go. */
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+|[^\s@]{1,64}@[^\s@]{1,255}/g;

/** A word of the advert: its canonical form, as written, where it is, and what separates it from the word before. */
export interface Word {
  key: string;
  raw: string;
  start: number;
  end: number;
  gap: string;
}

/** Canonical forms already worked out: an advert repeats its words, and each keystroke reads it again. */
const canonicalForms = new Map<string, string[]>();

/** One raw word in canonical form; a version glued to a name is a word of its own ("OAuth2" is "oauth 2"). */
function canonical(raw: string): string[] {
  if (canonicalForms.has(raw)) return canonicalForms.get(raw)!;
  const word = raw
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '')
    .replace(/^\.(?=\p{L})/u, 'dot') // ".NET" is "dotnet", ".env" is "dotenv", as in search terms
    .replace(/\.js$/, 'js') // "Node.js" is "NodeJS"
    .replace(/^(\d+)\.0$/, '$1') // "OAuth 2.0" is "OAuth 2"
    .replace(/([iy])s(e|ed|es|ing|ation|ations)$/, '$1z$2') // British spelling: "optimisation", "analyse"
    .replace(/ell(ing|ed)$/, 'el$1'); // "modelling", "labelled"
  const versioned = /^([a-z]{2,})(\d{1,2})$/.exec(word);
  if (canonicalForms.size > 20_000) canonicalForms.clear();
  canonicalForms.set(raw, versioned ? [versioned[1]!, versioned[2]!] : [word]);
  return canonicalForms.get(raw)!;
}

/** The words of a text, capped at MAX_ADVERT_LENGTH characters, links and addresses left out. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let last = 0;
  const prose = text.slice(0, MAX_ADVERT_LENGTH).replace(ADDRESS, (address) => ' '.repeat(address.length));
  for (const { 0: raw, index: start } of prose.matchAll(WORD)) {
    const gap = text.slice(last, start);
    last = start + raw.length;
    canonical(raw).forEach((key, i) => words.push({ key, raw, start, end: last, gap: i === 0 ? gap : '' }));
  }
  return words;
}
