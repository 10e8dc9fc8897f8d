/**
 * "Did you mean …?" under the search summary: for a query that found little or held a word no result holds, the
 * nearest spelling from the build's vocabulary of titles and search terms (src/lib/search/did-you-mean.ts, looked
 * up by search-runner.ts, which fetches the vocabulary only then), one click to search that instead. When that
 * spelling found better pages they are already the ones shown; the click puts it in the box.
 */
import { h } from '../dom.ts';
import type { SearchWords } from './search-words.ts';

/** The suggestion line; `search` runs the suggested query when the learner takes it, until `signal` ends. */
export function searchSuggestion(search: (term: string) => void, words: SearchWords, signal: AbortSignal) {
  const button = h('button', '', { type: 'button' });
  // Always in the page and empty when there is nothing to suggest, so screen readers announce a suggestion.
  const element = h('p', 'atlas-search-suggestion', { 'data-search-suggestion': true, 'aria-live': 'polite' });
  button.addEventListener('click', () => search(button.textContent ?? ''), { signal });
  return {
    element,
    /** A new search started: the old suggestion goes. */
    clear() {
      element.replaceChildren();
    },
    /** A search answered: offer its suggestion, if it has one. */
    offer(suggestion: string | undefined) {
      if (!suggestion) return element.replaceChildren();
      button.textContent = suggestion;
      element.replaceChildren(`${words.didYouMean} `, button, '?');
    },
  };
}
