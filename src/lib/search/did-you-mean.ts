/**
 * "Did you mean …?" for a search that finds little.
 * The build writes a vocabulary (the words of every title and search term, see src/pages/search-vocabulary.json.ts);
 * the search box fetches it only when a query finds little and offers the nearest known spelling.
 */
import { isFiller, normalizeSearchText } from './search-text.ts';

/** The file the build writes and the search box fetches. */
export const VOCABULARY_URL = '/search-vocabulary.json';

/** Words shorter than this are never corrected: at two or three letters nearly everything is one edit away. */
const MIN_LENGTH = 4;

/**
 * Edit distance with adjacent transpositions (optimal string alignment): inserting, deleting or replacing a
 * character, or swapping two neighbours ("kafak" → "kafka"), each costs 1. Stops early and returns `max + 1`
 * once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previousBest = 0;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    // A swap reaches back two rows, so only two rows both past the limit prove the distance is.
    if (best > max && previousBest > max) return max + 1;
    [before, previous, previousBest] = [previous, current, best];
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * How many edits a word of this length may be away from a known word: 1 up to seven letters, 2 from eight. At two
 * edits a six-letter word reaches too many others ("buying" → "during"), while the slips learners make in short
 * words are one key each ("kafak", "cahce", "djano").
 */
export function allowedEdits(length: number): number {
  return length <= 7 ? 1 : 2;
}

/**
 * Words of titles, then the other words of search terms, each in the spelling of its first use; and the common
 * English words near them (src/lib/search/english-words.ts), which are never corrected.
 */
export interface Vocabulary {
  titles: string[];
  terms: string[];
  english?: string[];
  /**
   * The acronyms of three letters the titles and search terms write ("SQL", "API", "JWT"): too short to correct
   * to, but a part of a run-together word ("sqlinjection", "apigateway").
   */
  acronyms?: string[];
}

function wordsOf(texts: readonly string[], skip: ReadonlySet<string> = new Set()): Map<string, string> {
  const counted = new Map<string, { display: string; count: number }>();
  for (const text of texts) {
    for (const display of text.split(/[^\p{L}\p{N}+#.]+/u)) {
      const clean = display.replace(/^\.+|\.+$/g, '');
      const key = normalizeSearchText(clean);
      if (key.length < MIN_LENGTH || key.includes(' ') || isFiller(key) || skip.has(key) || !/^\p{L}/u.test(key))
        continue;
      const known = counted.get(key);
      if (known) known.count++;
      else counted.set(key, { display: clean, count: 1 });
    }
  }
  // Most used first, then in order of first use: a tie on distance goes to the earlier word.
  return new Map([...counted].sort(([, x], [, y]) => y.count - x.count).map(([key, w]) => [key, w.display]));
}

/**
 * The vocabulary of "Did you mean": every word of the titles, then every other word of the search terms.
 * Filler and words under four letters are left out.
 */
export function buildVocabulary(titles: readonly string[], terms: readonly string[] = []): Vocabulary {
  const titleWords = wordsOf(titles);
  return {
    titles: [...titleWords.values()],
    terms: [...wordsOf(terms, new Set(titleWords.keys())).values()],
    acronyms: acronymsOf([...titles, ...terms]),
  };
}

/** A word of three letters written in capitals: an acronym, never an ordinary word at the start of a title. */
const ACRONYM = /^\p{Lu}{3}$/u;
/** The three-letter acronyms of `texts`, each once, in the spelling of its first use. */
function acronymsOf(texts: readonly string[]): string[] {
  const found = new Map<string, string>();
  for (const text of texts)
    for (const display of text.split(/[^\p{L}\p{N}]+/u))
      if (ACRONYM.test(display) && !found.has(display.toLowerCase())) found.set(display.toLowerCase(), display);
  return [...found.values()];
}

interface Known {
  display: string;
  key: string;
  /** Added to the distance when ranking: a title word wins over a search-term word one edit nearer. */
  penalty: number;
}
const preparedCache = new WeakMap<
  Vocabulary,
  { known: Known[]; keys: Set<string>; titles: Set<string>; english: Set<string>; acronyms: Map<string, string> }
>();
function prepared(vocabulary: Vocabulary) {
  let entry = preparedCache.get(vocabulary);
  if (!entry) {
    const known = [
      ...vocabulary.titles.map((display) => ({ display, key: normalizeSearchText(display), penalty: 0 })),
      ...vocabulary.terms.map((display) => ({ display, key: normalizeSearchText(display), penalty: 1 })),
    ];
    entry = {
      known,
      keys: new Set(known.map((w) => w.key)),
      titles: new Set(known.filter((w) => w.penalty === 0).map((w) => w.key)),
      english: new Set(vocabulary.english ?? []),
      acronyms: new Map((vocabulary.acronyms ?? []).map((display) => [display.toLowerCase(), display])),
    };
    preparedCache.set(vocabulary, entry);
  }
  return entry;
}

/**
 * A correction in the case the learner typed ("injecton" → "injection", "Kafak" → "Kafka"), unless the site writes
 * the word with capitals inside it ("PostgreSQL", "RabbitMQ"): that spelling is part of the name.
 */
function inCaseOf(typed: string, display: string): string {
  if (/\p{Lu}/u.test(display.slice(1))) return display;
  const lower = display.toLowerCase();
  return /^\p{Lu}/u.test(typed) ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
}

/** The shortest part a run-together word is split into ("load", "rate", "user"). */
const MIN_PART = 4;

/**
 * Two site words run together ("loadbalancer", "ratelimiting", "healthcheck"), as the site writes them apart, or
 * undefined. Split even when some page holds the joined word (a search term, a config key): the pages that teach
 * the idea write it as two words. A word a title holds whole ("websockets", "middleware") is never split. One of
 * the two may be an acronym of three letters the site writes ("sqlinjection", "apigateway", "jwtauth"), kept in
 * its capitals.
 */
export function splitRunTogether(word: string, vocabulary: Vocabulary): string | undefined {
  const { known, keys, titles, acronyms } = prepared(vocabulary);
  const key = normalizeSearchText(word);
  if (key.length < MIN_PART + 3 || titles.has(key) || key.includes(' ')) return undefined;
  const display = (part: string) => acronyms.get(part) ?? inCaseOf(word, known.find((w) => w.key === part)!.display);
  const isWord = (part: string) => part.length >= MIN_PART && keys.has(part);
  for (let i = 3; i <= key.length - 3; i++) {
    const [a, b] = [key.slice(0, i), key.slice(i)];
    if ((isWord(a) || acronyms.has(a)) && (isWord(b) || acronyms.has(b)) && (isWord(a) || isWord(b)))
      return `${display(a)} ${display(b)}`;
  }
  return undefined;
}

/**
 * The query with each misspelt word replaced by the nearest vocabulary word, or undefined when every word is
 * known (or a prefix of a known word, as while typing), is an English word, or nothing is near enough. A word of a
 * title wins over a search-term word that is one edit nearer, so `postgress` suggests PostgreSQL rather than
 * postgres. Two site words run together are written apart (`splitRunTogether`). The other words stay as typed.
 */
export function suggestQuery(query: string, vocabulary: Vocabulary): string | undefined {
  const { known, keys, english } = prepared(vocabulary);
  let changed = false;
  const words = query
    .trim()
    .split(/\s+/)
    .map((word) => {
      const split = splitRunTogether(word, vocabulary);
      if (split) {
        changed = true;
        return split;
      }
      const key = normalizeSearchText(word);
      if (key.length < MIN_LENGTH || keys.has(key) || english.has(key) || known.some((w) => w.key.startsWith(key)))
        return word;
      const allowed = allowedEdits(key.length);
      let best: { display: string; cost: number } | undefined;
      for (const w of known) {
        const distance = editDistance(key, w.key, allowed);
        if (distance <= allowed && (!best || distance + w.penalty < best.cost))
          best = { display: w.display, cost: distance + w.penalty };
      }
      if (!best) return word;
      changed = true;
      return inCaseOf(word, best.display);
    });
  return changed ? words.join(' ') : undefined;
}
