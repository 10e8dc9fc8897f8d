/**
 * A search box with its filters, summary, "did you mean" line and results, built on Pagefind's documented API
 * (src/components/search/pagefind.ts): the dialog and the /search/ page each place one. Results come six at a
 * time (`PAGE_SIZE`), with a button for more; the arrow keys move from the box through the result links.
 */
import { roadmapOfCache } from '../../lib/offline/cache-rules.ts';
import { SEARCH_FILTERS } from '../../lib/site/site.ts';
import { h } from '../dom.ts';
import { loadPagefind } from './pagefind.ts';
import { type FilterControls, filterMenus, filterPane } from './search-filters.ts';
import { resultItem } from './search-results.ts';
import { type ChosenFilters, type SearchAnswer, searchRunner } from './search-runner.ts';
import { searchSuggestion } from './search-suggestion.ts';
import type { SearchWords } from './search-words.ts';

export interface SearchViewOptions {
  words: SearchWords;
  /** `menus`: a compact menu per filter (the dialog); `pane`: checkboxes with counts for every filter (the page). */
  filters: 'menus' | 'pane';
  /** Called as each search starts, with what it searches for. */
  onSearch?: (term: string, filters: ChosenFilters) => void;
  /** Ends the view's listeners: its element's, or for the dialog, which lives as long as the page, none. */
  signal: AbortSignal;
}

// When search's code cannot be fetched the summary says `unreachable`. Offline with no roadmap saved it adds
// `offlinePartial` to "No results": Pagefind loads its index in parts as searches need them and, when a part cannot
// be fetched, answers without it rather than failing.

/** Whether search may be missing parts of its index: offline, with no saved roadmap (which keeps the whole index). */
async function offlineWithPartialIndex(): Promise<boolean> {
  if (navigator.onLine || !('caches' in window)) return false;
  const names = await caches.keys().catch(() => []);
  return !names.some((name) => roadmapOfCache(name));
}

/** The dialog shows the filters a learner narrows by most; the page shows them all. */
const MENU_FILTERS = ['type', 'difficulty'] as const;

const summaryOf = (answer: SearchAnswer, words: SearchWords) => {
  const n = answer.results.length;
  const found = n === 0 ? words.none : n === 1 ? words.one : words.many.replace('{n}', String(n));
  return answer.term.trim() ? words.forTerm.replace('{found}', found).replace('{term}', answer.term) : found;
};

export class SearchView {
  readonly input: HTMLInputElement;
  /** The search box: what the dialog puts in its header. */
  readonly box = h('div', 'search-box');
  /** Filters, summary, suggestion, results and the "more" button: the rest of the view. */
  readonly body = h('div', 'search-body');
  readonly #summary = h('p', 'search-summary', { role: 'status', 'data-search-summary': true });
  readonly #list: HTMLOListElement;
  readonly #more: HTMLButtonElement;
  readonly #words: SearchWords;
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
    const { signal, words } = options;
    this.#words = words;
    this.input = h('input', 'search-input', {
      type: 'search',
      placeholder: words.placeholder,
      autocomplete: 'off',
      spellcheck: 'false',
      enterkeyhint: 'search',
      'aria-label': words.label,
    });
    this.#list = h('ol', 'search-results', { 'data-search-results': true, 'aria-label': words.results });
    this.#more = h('button', 'btn search-more', { type: 'button', hidden: true }, words.more);
    this.#suggestion = searchSuggestion(
      (term) => {
        this.input.value = term;
        this.input.focus();
        void this.#start();
      },
      words,
      signal,
    );
    this.#filters =
      options.filters === 'menus'
        ? filterMenus(MENU_FILTERS, words, signal)
        : filterPane(SEARCH_FILTERS, words, signal);
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
          this.#summary.textContent = this.#words.unreachable;
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
    if (!this.#answered) this.#summary.textContent = this.#words.searching;
    try {
      const answer = await this.#runner.run(term, filters);
      if (answer) this.#show(answer);
    } catch {
      this.#show(undefined);
      this.#summary.textContent = this.#words.unreachable;
    }
  }

  #show(answer: SearchAnswer | undefined) {
    this.#answer = answer;
    this.#summary.textContent = answer ? summaryOf(answer, this.#words) : '';
    this.#list.replaceChildren(...(answer?.shown.map((data) => resultItem(data, this.#words)) ?? []));
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
      this.#summary.textContent = `${summaryOf(answer, this.#words)}. ${this.#words.offlinePartial}`;
  }

  async #showMore() {
    const answer = this.#answer;
    if (!answer) return;
    const first = answer.shown.length;
    const added = await this.#runner.more(answer).catch(() => []);
    if (answer !== this.#answer) return;
    this.#list.append(...added.map((data) => resultItem(data, this.#words)));
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
