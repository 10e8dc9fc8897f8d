/**
 * IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: "Did you mean …?" for a search that finds little.
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

/** How many edits a word of this length may be away from a known word: 1 up to five letters, then 2, then 3. */
export function allowedEdits(length: number): number {
  return length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/**
 * The vocabulary: every word of the given titles and search terms, in the spelling of its first use,
 * most used first, then in order of first use (a tie on distance goes to the earlier word). Filler and words
 * under four letters are left out.
 */
export function buildVocabulary(texts: readonly string[]): string[] {
  const words = new Map<string, { display: string; count: number }>();
  for (const text of texts) {
    for (const display of text.split(/[^\p{L}\p{N}+#.]+/u)) {
      const clean = display.replace(/^\.+|\.+$/g, '');
      const key = normalizeSearchText(clean);
      if (key.length < MIN_LENGTH || key.includes(' ') || isFiller(key) || !/^\p{L}/u.test(key)) continue;
      const known = words.get(key);
      if (known) known.count++;
      else words.set(key, { display: clean, count: 1 });
    }
  }
  return [...words.values()].sort((x, y) => y.count - x.count).map((w) => w.display);
}

const preparedCache = new WeakMap<readonly string[], { known: { display: string; key: string }[]; keys: Set<string> }>();
function prepared(vocabulary: readonly string[]) {
  let entry = preparedCache.get(vocabulary);
  if (!entry) {
    const known = vocabulary.map((display) => ({ display, key: normalizeSearchText(display) }));
    entry = { known, keys: new Set(known.map((w) => w.key)) };
    preparedCache.set(vocabulary, entry);
  }
  return entry;
}

/**
 * The query with each unknown word replaced by the nearest vocabulary word, or undefined when every word is
 * known (or a prefix of a known word, as while typing) or nothing is near enough.
 */
export function suggestQuery(query: string, vocabulary: readonly string[]): string | undefined {
  const { known, keys } = prepared(vocabulary);
  let changed = false;
  const words = query
    .trim()
    .split(/\s+/)
    .map((word) => {
      const key = normalizeSearchText(word);
      if (key.length < MIN_LENGTH || keys.has(key) || known.some((w) => w.key.startsWith(key))) return word;
      let best: { display: string; distance: number } | undefined;
      for (const w of known) {
        const distance = editDistance(key, w.key, best ? best.distance - 1 : allowedEdits(key.length));
        if (distance <= allowedEdits(key.length) && (!best || distance < best.distance)) best = { display: w.display, distance };
      }
      if (!best) return word;
      changed = true;
      return best.display;
    });
  return changed ? words.join(' ') : undefined;
}
