/**
 * "Did you mean …?" under the search summary: when a query finds little, the nearest spelling from the build's
 * vocabulary of titles and search terms (src/lib/search/did-you-mean.ts), one click to search that instead. The
 * vocabulary is fetched the first time a query finds little, never before.
 */
import { h } from '../dom.ts';
import { suggestQuery, type Vocabulary, VOCABULARY_URL } from '../../lib/search/did-you-mean.ts';

/** A query with fewer results than this "finds little". */
const FEW_RESULTS = 5;

const NO_WORDS: Vocabulary = { titles: [], terms: [] };
let vocabulary: Promise<Vocabulary> | undefined;
const loadVocabulary = () =>
  (vocabulary ??= fetch(VOCABULARY_URL).then(
    (response) => (response.ok ? (response.json() as Promise<Vocabulary>) : NO_WORDS),
    () => NO_WORDS,
  ));

/** The suggestion line; `search` runs the suggested query when the learner takes it. */
export function searchSuggestion(search: (term: string) => void) {
  const button = h('button', '', { type: 'button' });
  // Always in the page and empty when there is nothing to suggest, so screen readers announce a suggestion.
  const element = h('p', 'atlas-search-suggestion', { 'data-search-suggestion': true, 'aria-live': 'polite' });
  let asked = '';
  button.addEventListener('click', () => search(button.textContent ?? ''));
  return {
    element,
    /** A new search started: the old suggestion goes. */
    clear() {
      asked = '';
      element.replaceChildren();
    },
    /** `term` found `count` pages: suggest a spelling if that is little. */
    async offer(term: string, count: number) {
      asked = term;
      if (!term.trim() || count >= FEW_RESULTS) return;
      const suggestion = suggestQuery(term, await loadVocabulary());
      if (!suggestion || term !== asked) return;
      button.textContent = suggestion;
      element.replaceChildren('Did you mean ', button, '?');
    },
  };
}
