/**
 * <atlas-search-page>: the /search/ page. The query and filters live in the URL (?q=jwt&type=question&difficulty=mid),
 * so a search can be shared: they are read on load and written back (replaceState) as the visitor searches.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { SEARCH_FILTERS } from '../../lib/site/site.ts';
import { h } from '../dom.ts';
import { part } from '../parts.ts';
import type { ChosenFilters } from './search-runner.ts';
import { SearchView } from './search-view.ts';
import { searchWords, type SearchWords } from './search-words.ts';

export function readSearchUrl(search: string) {
  const params = new URLSearchParams(search);
  const filters: ChosenFilters = {};
  for (const name of SEARCH_FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  return { term: params.get('q') ?? '', filters };
}

export function writeSearchUrl(term: string, filters: ChosenFilters | undefined) {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const name of SEARCH_FILTERS) for (const value of filters?.[name] ?? []) params.append(name, value);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

/** Wide enough for the filters to sit beside the results (Tailwind's md, as search.astro's grid). */
const WIDE = '(min-width: 48rem)';

/**
 * The filters, as a "Filters" disclosure: beside the results on a wide screen, always open; on a phone, folded
 * under the search box, so the results are not pushed below four groups of checkboxes.
 */
function placeFilters(view: SearchView, side: HTMLElement, words: SearchWords, signal: AbortSignal) {
  const details = h('details', 'search-filter-details', {}, h('summary', '', {}, words.filters), view.filterElement);
  const wide = matchMedia(WIDE);
  const place = () => {
    if (wide.matches) side.append(details);
    else view.box.after(details);
    details.open = wide.matches;
  };
  wide.addEventListener('change', place, { signal });
  place();
}

class SearchPage extends AtlasElement {
  protected async connect(signal: AbortSignal) {
    const words = searchWords(this);
    const view = new SearchView({
      filters: 'pane',
      words,
      onSearch: (term, filters) => history.replaceState(null, '', writeSearchUrl(term, filters)),
      signal,
    });
    if (!(await view.load())) return; // The fallback text stays: it already says where to go.
    part(this, '[data-fallback]').hidden = true;
    part(this, '[data-search-box]').append(view.box, view.body);
    placeFilters(view, part(this, '[data-search-filters]'), words, signal);
    part(this, '[data-search-ui]').hidden = false;
    const { term, filters } = readSearchUrl(location.search);
    if (term || Object.keys(filters).length) view.search(term, filters);
    view.input.focus();
  }
}

defineElement('search-page', SearchPage);
