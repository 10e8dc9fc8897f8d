/**
 * <search-page>: the /search/ page. The query and filters live in the URL (?q=jwt&type=question&difficulty=mid),
 * so a search can be shared: they are read on load and written back (replaceState) as the visitor searches.
 */
import { SEARCH_FILTERS } from '../../lib/site/site.ts';
import { loadPagefindUi, pagefindInstance, resultsWithTemplate } from './pagefind-ui.ts';
import { searchSuggestion } from './search-suggestion.ts';

export function readSearchUrl(search: string) {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const name of SEARCH_FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  return { term: params.get('q') ?? '', filters };
}

export function writeSearchUrl(term: string, filters: Record<string, string[]> | undefined) {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const name of SEARCH_FILTERS) for (const value of filters?.[name] ?? []) params.append(name, value);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

class SearchPage extends HTMLElement {
  async connectedCallback() {
    const ui = this.querySelector<HTMLElement>('[data-search-ui]')!;
    this.querySelector('[data-results]')!.append(resultsWithTemplate());
    try {
      await loadPagefindUi();
    } catch {
      return; // The fallback text stays: it already says where to go.
    }
    this.querySelector<HTMLElement>('[data-fallback]')!.hidden = true;
    ui.hidden = false;
    const instance = pagefindInstance();
    if (!instance) return;
    this.querySelector('pagefind-summary')!.after(searchSuggestion(instance, this));
    const { term, filters } = readSearchUrl(location.search);
    if (term || Object.keys(filters).length) instance.triggerSearchWithFilters(term, filters);
    instance.on('search', (nextTerm, nextFilters) =>
      history.replaceState(null, '', writeSearchUrl(nextTerm, nextFilters)),
    );
    this.querySelector<HTMLInputElement>('pagefind-input input')?.focus();
  }
}

customElements.define('search-page', SearchPage);
