/**
 * "Did you mean …?" under the search summary: when a query finds little, the nearest spelling from the build's
 * vocabulary of titles and search terms (src/lib/search/did-you-mean.ts), one click to search that instead. The
 * vocabulary is fetched the first time a query finds little, never before.
 */
import { suggestQuery, type Vocabulary, VOCABULARY_URL } from '../../lib/search/did-you-mean.ts';
import { el, type PagefindInstance } from './pagefind-ui.ts';

/** A query with fewer results than this "finds little". */
const FEW_RESULTS = 5;

const NO_WORDS: Vocabulary = { titles: [], terms: [] };
let vocabulary: Promise<Vocabulary> | undefined;
const loadVocabulary = () =>
  (vocabulary ??= fetch(VOCABULARY_URL).then(
    (response) => (response.ok ? (response.json() as Promise<Vocabulary>) : NO_WORDS),
    () => NO_WORDS,
  ));

/** The suggestion line for `instance`; `root` holds the search box that takes focus after a click. */
export function searchSuggestion(instance: PagefindInstance, root: HTMLElement): HTMLElement {
  const button = el('button', { type: 'button' });
  // Always in the page and empty when there is nothing to suggest, so screen readers announce a suggestion.
  const line = el('p', { class: 'atlas-search-suggestion', 'data-search-suggestion': '', 'aria-live': 'polite' });
  let asked = '';
  instance.on(
    'search',
    (term) => {
      asked = term;
      line.replaceChildren();
    },
    line,
  );
  instance.on(
    'results',
    async ({ results }) => {
      const term = asked;
      if (!term.trim() || results.length >= FEW_RESULTS) return;
      const suggestion = suggestQuery(term, await loadVocabulary());
      if (!suggestion || term !== asked) return;
      button.textContent = suggestion;
      line.replaceChildren('Did you mean ', button, '?');
    },
    line,
  );
  button.addEventListener('click', () => {
    instance.triggerSearch(button.textContent ?? '');
    root.querySelector<HTMLInputElement>('pagefind-input input')?.focus();
  });
  return line;
}
