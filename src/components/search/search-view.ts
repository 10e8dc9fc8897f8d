/**
 * A search box with its filters, summary, "did you mean" line and results, built on Pagefind's documented API
 * (src/components/search/pagefind.ts): the dialog and the /search/ page each place one. Results come eight at a
 * time (`PAGE_SIZE`), with a button for more; the arrow keys move from the box through the result links.
 */
import { roadmapOfCache } from '../../lib/offline/cache-rules.ts';
import { SEARCH_FILTERS, SEARCH_PLACEHOLDER } from '../../lib/site/site.ts';
import { h } from '../dom.ts';
import { loadPagefind } from './pagefind.ts';
import { type FilterControls, filterMenus, filterPane } from './search-filters.ts';
import { resultItem } from './search-results.ts';
import { type ChosenFilters, type SearchAnswer, searchRunner } from './search-runner.ts';
import { searchSuggestion } from './search-suggestion.ts';

export interface SearchViewOptions {
  /** `menus`: a compact menu per filter (the dialog); `pane`: checkboxes with counts for every filter (the page). */
  filters: 'menus' | 'pane';
  /** Called as each search starts, with what it searches for. */
  onSearch?: (term: string, filters: ChosenFilters) => void;
  /** Ends the view's listeners: its element's, or for the dialog, which lives as long as the page, none. */
  signal: AbortSignal;
}

/** What the summary says when search's code cannot be fetched. */
const UNREACHABLE =
  'Search could not load. Check your connection; offline, search works once a roadmap has been saved for offline.';

/**
 * What the summary adds to "No results" when the learner is offline with no roadmap saved: Pagefind loads its index
 * in parts as searches need them and, when a part cannot be fetched, answers without it rather than failing.
 */
const OFFLINE_PARTIAL =
  'You are offline, so search only looked in the parts of its index this browser fetched before. Saving a roadmap for offline keeps all of it.';

/** Whether search may be missing parts of its index: offline, with no saved roadmap (which keeps the whole index). */
async function offlineWithPartialIndex(): Promise<boolean> {
  if (navigator.onLine || !('caches' in window)) return false;
  const names = await caches.keys().catch(() => []);
  return !names.some((name) => roadmapOfCache(name));
}

/** The dialog shows the filters a learner narrows by most; the page shows them all. */
const MENU_FILTERS = ['type', 'difficulty'] as const;

const summaryOf = (answer: SearchAnswer) => {
  const n = answer.results.length;
  const found = n === 0 ? 'No results' : `${n} ${n === 1 ? 'result' : 'results'}`;
  return answer.term.trim() ? `${found} for ${answer.term}` : found;
};

export class SearchView {
  readonly input = h('input', 'search-input', {
    type: 'search',
    placeholder: SEARCH_PLACEHOLDER,
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    'aria-label': 'Search the atlas',
  });
  /** The search box: what the dialog puts in its header. */
  readonly box = h('div', 'search-box');
  /** Filters, summary, suggestion, results and the "more" button: the rest of the view. */
  readonly body = h('div', 'search-body');
  readonly #summary = h('p', 'search-summary', { role: 'status', 'data-search-summary': true });
  readonly #list = h('ol', 'search-results', { 'data-search-results': true, 'aria-label': 'Results' });
  readonly #more = h('button', 'btn search-more', { type: 'button', hidden: true }, 'Show more results');
  readonly #filters: FilterControls;
  readonly #suggestion: ReturnType<typeof searchSuggestion>;
  readonly #runner = searchRunner();
  #answer: SearchAnswer | undefined;
  /** Whether any search has answered yet: until then the index is still loading. */
  #answered = false;
  #loaded: Promise<boolean> | undefined;

  readonly #options: SearchViewOptions;

  constructor(options: SearchViewOptions) {
    this.#options = options;
    const signal = options.signal;
    this.#suggestion = searchSuggestion((term) => {
      this.input.value = term;
      this.input.focus();
      void this.#start();
    }, signal);
    this.#filters =
      options.filters === 'menus' ? filterMenus(MENU_FILTERS, signal) : filterPane(SEARCH_FILTERS, signal);
    this.#filters.onChange = () => void this.#start();
    this.box.append(this.input);
    this.body.append(this.#filters.element, this.#summary, this.#suggestion.element, this.#list, this.#more);
    // Pagefind answers in a few milliseconds, so every keystroke searches at once; a search overtaken by a newer
    // one is dropped (search-runner.ts).
    this.input.addEventListener('input', () => void this.#start(), { signal });
    this.input.addEventListener('keydown', (event) => this.#keyInBox(event), { signal });
    this.#list.addEventListener('keydown', (event) => this.#keyInList(event), { signal });
    this.#more.addEventListener('click', () => void this.#showMore(), { signal });
  }

  /** The filters' element, for a page that lays them out apart from the results. */
  get filterElement(): HTMLElement {
    return this.#filters.element;
  }

  /** Loads Pagefind and the filter values; false (with the reason in the summary) when search cannot load. */
  load(): Promise<boolean> {
    this.#loaded ??= loadPagefind()
      .then((pagefind) => pagefind.filters())
      .then(
        (totals) => {
          this.#filters.fill(totals);
          return true;
        },
        () => {
          this.#loaded = undefined; // asked again next time
          this.#summary.textContent = UNREACHABLE;
          return false;
        },
      );
    return this.#loaded;
  }

  /** Searches for `term` with `filters`, as if the learner had typed and chosen them. */
  search(term: string, filters: ChosenFilters = {}) {
    this.input.value = term;
    this.#filters.choose(filters);
    void this.#start();
  }

  async #start() {
    const term = this.input.value;
    const filters = this.#filters.chosen();
    this.#options.onSearch?.(term, filters);
    this.#suggestion.clear();
    if (!term.trim() && Object.keys(filters).length === 0) {
      this.#runner.cancel();
      this.#show(undefined);
      return;
    }
    void this.load();
    // The first search waits for the index to load: say so. Later ones answer within a keystroke and keep the last
    // summary until they do, so it does not flicker.
    if (!this.#answered) this.#summary.textContent = 'Searching…';
    try {
      const answer = await this.#runner.run(term, filters);
      if (answer) this.#show(answer);
    } catch {
      this.#show(undefined);
      this.#summary.textContent = UNREACHABLE;
    }
  }

  #show(answer: SearchAnswer | undefined) {
    this.#answer = answer;
    this.#summary.textContent = answer ? summaryOf(answer) : '';
    this.#list.replaceChildren(...(answer?.shown.map(resultItem) ?? []));
    this.#more.hidden = !answer || answer.shown.length >= answer.results.length;
    if (answer) {
      this.#answered = true;
      this.#filters.count(answer.filterCounts);
      this.#suggestion.offer(answer.suggestion);
      if (answer.results.length === 0) void this.#explainOffline(answer);
    }
  }

  /** Says why "No results" may be wrong offline, if this is still the answer on screen. */
  async #explainOffline(answer: SearchAnswer) {
    if ((await offlineWithPartialIndex()) && this.#answer === answer)
      this.#summary.textContent = `${summaryOf(answer)}. ${OFFLINE_PARTIAL}`;
  }

  async #showMore() {
    const answer = this.#answer;
    if (!answer) return;
    const first = answer.shown.length;
    const added = await this.#runner.more(answer).catch(() => []);
    if (answer !== this.#answer) return;
    this.#list.append(...added.map(resultItem));
    this.#more.hidden = answer.shown.length >= answer.results.length;
    // Focus goes to the first new result, so a keyboard learner reads on from where the list grew.
    this.#list.children[first]?.querySelector<HTMLElement>('.search-result-link')?.focus();
  }

  #links() {
    return [...this.#list.querySelectorAll<HTMLAnchorElement>('a')];
  }

  #keyInBox(event: KeyboardEvent) {
    const first = this.#links()[0];
    if (!first) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      first.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      first.click();
    }
  }

  #keyInList(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = this.#links();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) this.input.focus();
    else links[Math.min(next, links.length - 1)]!.focus();
  }
}
