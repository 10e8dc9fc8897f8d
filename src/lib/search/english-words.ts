/**
 * The English words "Did you mean" must leave alone. A learner's question is mostly ordinary English ("skills
 * needed", "buying", "calculation") and the site's vocabulary holds only its titles and search terms, so an
 * English word the vocabulary lacks would look misspelt and be rewritten into a site word a few letters away
 * ("during", "Calculator", "still need"). The build reads a list of common English words (english-words.txt) and
 * ships, with the vocabulary, only those a correction could reach: within `allowedEdits` of a vocabulary word.
 * An English word no vocabulary word is near is never corrected anyway, so it costs no bytes.
 */
import { allowedEdits, editDistance } from './did-you-mean.ts';

/** The words of english-words.txt: one a line, `#` lines are its header. */
export const parseWordList = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

/** Every string made by deleting up to `k` characters of `word` (itself included). */
function deletions(word: string, k: number): Set<string> {
  let layer = new Set([word]);
  const all = new Set(layer);
  for (let step = 0; step < k; step++) {
    const next = new Set<string>();
    for (const w of layer) for (let i = 0; i < w.length; i++) next.add(w.slice(0, i) + w.slice(i + 1));
    for (const w of next) all.add(w);
    layer = next;
  }
  return all;
}

/**
 * The words of `english` that are not vocabulary words but lie within `allowedEdits` of one: those "Did you mean"
 * could mistake for misspellings. Two words within k edits (swaps included) share a string made by deleting at
 * most k characters of each, so only words sharing such a string are compared.
 */
export function englishNearVocabulary(english: readonly string[], vocabularyKeys: readonly string[]): string[] {
  const known = new Set(vocabularyKeys);
  const maxEdits = Math.max(0, ...english.map((word) => allowedEdits(word.length)));
  const byDeletion = new Map<string, string[]>();
  for (const key of known)
    for (const d of deletions(key, maxEdits)) {
      const list = byDeletion.get(d);
      if (list) list.push(key);
      else byDeletion.set(d, [key]);
    }
  return english.filter((word) => {
    if (known.has(word)) return false;
    const k = allowedEdits(word.length);
    for (const d of deletions(word, k))
      for (const key of byDeletion.get(d) ?? []) if (editDistance(word, key, k) <= k) return true;
    return false;
  });
}
