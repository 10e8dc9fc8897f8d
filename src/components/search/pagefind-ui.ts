/**
 * Loads Pagefind's Component UI (script and stylesheet from the build's /pagefind/ bundle) once, on first use,
 * configures how it ranks and reads queries, and gives the result template the site uses: each result labelled
 * with its type, and its difficulty for questions.
 */
import {
  EXACT_DIR,
  type ExactShard,
  exactFirst,
  exactRank,
  queryKeys,
  shardsFor,
} from '../../lib/search/exact-ranking.ts';
import { normalizeSearchText } from '../../lib/search/search-text.ts';

type Filters = Record<string, string[]>;
interface PagefindResult {
  /** The page's id in the index: what the build's exact-phrase shards list. */
  id: string;
  data(): Promise<{ meta: Record<string, string | undefined> }>;
}
export interface PagefindResults {
  results: PagefindResult[];
}
/** The search API of pagefind.js that the Component UI drives. */
interface PagefindApi {
  search(term: string | null, options?: object): Promise<PagefindResults | null>;
}
export interface PagefindInstance {
  triggerSearch(term: string): void;
  triggerSearchWithFilters(term: string, filters: Filters): void;
  on(event: 'search', callback: (term: string, filters: Filters | undefined) => void, owner?: object): void;
  on(event: 'results', callback: (results: PagefindResults) => void, owner?: object): void;
}
declare global {
  interface Window {
    PagefindComponents?: {
      getInstanceManager(): { getInstance(name?: string): PagefindInstance };
      configureInstance(name: string, options: Record<string, unknown>): PagefindInstance;
    };
  }
}

/**
 * How results are ranked: a query word in the page's search terms (the `terms` metadata written by
 * SearchTerms.astro, which holds the title's words too) counts far above one in the body. A high term similarity
 * keeps a word's exact form above longer words it is the start of. A low page-length weight keeps a long page
 * that teaches a topic in depth from falling behind short pages that only mention it. Tuned on
 * tests/e2e/search-relevance.queries.ts.
 */
export const RANKING = { metaWeights: { title: 3, terms: 10 }, termSimilarity: 10, pageLength: 0.1 };
/** How many of Pagefind's first results may be reordered for one the query names exactly: about a dialog's worth. */
const EXACT_WINDOW = 6;

const BUNDLE = '/pagefind/';
let loading: Promise<void> | undefined;

export function loadPagefindUi(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${BUNDLE}pagefind-component-ui.css`;
    document.head.append(css);
    const script = document.createElement('script');
    script.src = `${BUNDLE}pagefind-component-ui.js`;
    script.onload = () => {
      configure();
      resolve();
    };
    script.onerror = () => reject(new Error('The search index could not be loaded.'));
    document.head.append(script);
  });
  return loading;
}

/** The parts of a Component UI instance this module reaches into: its pagefind.js API and how it loads it. */
type Instance = PagefindInstance & { __pagefind__?: PagefindApi | null; __load__(): Promise<void> };

/**
 * Sets the ranking, and wraps the pagefind.js API the Component UI creates on first search (its `__pagefind__`)
 * so that every query goes through the normalizer the index was written with (src/lib/search/search-text.ts) and the
 * page a query names comes first. The search box and summary keep showing what the learner typed.
 */
function configure() {
  // Searching a site this size takes a few milliseconds on the main thread; a worker would cost a 12 KB download.
  const instance = window.PagefindComponents?.configureInstance('default', { ranking: RANKING, noWorker: true }) as
    Instance | undefined;
  if (!instance || instance.__pagefind__) return;
  searchingInTypedOrder(instance);
  let api: PagefindApi | null | undefined;
  // The Component UI assigns its pagefind.js API on first search: wrap it as it arrives.
  Object.defineProperty(instance, '__pagefind__', {
    configurable: true,
    get: () => api,
    set: (next: PagefindApi | null) => {
      api = next && readingQueriesAsIndexed(next);
    },
  });
}

/**
 * Searches typed while the index loads resume in the order they were typed. The Component UI numbers each search
 * once its load step returns, and shows only the highest number's answer; but it sets its API before the load's
 * last step (the filter lists) has arrived, so a search typed in that gap is numbered at once and the searches
 * typed earlier, still waiting, are numbered after it: the box said "kafka" while the list showed an earlier
 * "redis", or "No results for kafka" from a clear typed before it (tests/e2e/search.spec.ts, "searches typed
 * while the index loads…"). Here every search waits for the whole load, on one promise, so they resume in turn.
 */
function searchingInTypedOrder(instance: Instance) {
  const load = instance.__load__.bind(instance);
  let loading: Promise<void> | undefined;
  let loaded = false;
  instance.__load__ = () => {
    if (loaded) return Promise.resolve();
    // A load that failed (no pagefind.js) leaves no API; the next search tries again, as the Component UI does.
    loading ??= load().finally(() => {
      loaded = Boolean(instance.__pagefind__);
      loading = undefined;
    });
    return loading;
  };
}

const shards = new Map<string, Promise<ExactShard>>();
/** A shard of exact phrases, fetched once; one that cannot be fetched (offline) counts as empty and is asked again later. */
function exactShard(name: string): Promise<ExactShard> {
  let shard = shards.get(name);
  if (!shard) {
    shard = fetch(`${EXACT_DIR}${name}.json`)
      .then((response) => (response.ok ? (response.json() as Promise<ExactShard>) : {}))
      .catch(() => {
        shards.delete(name);
        return {};
      });
    shards.set(name, shard);
  }
  return shard;
}

/**
 * Every query goes through the normalizer the index was written with, and the pages it names exactly come first
 * (src/lib/search/exact-ranking.ts), ranked by result id from the few shards of its words, which are fetched alongside
 * Pagefind's own search: no result's data is fetched to rank it.
 */
function readingQueriesAsIndexed(api: PagefindApi): PagefindApi {
  const search = api.search.bind(api);
  let running: Promise<PagefindResults | null> = Promise.resolve(null);
  let latest = 0;
  api.search = async (term, options) => {
    const ticket = ++latest;
    const query = term === null ? null : normalizeSearchText(term);
    const keys = query ? queryKeys(term!) : undefined;
    const loaded = keys ? Promise.all(shardsFor(keys).map(exactShard)) : undefined;
    // Pagefind runs one search at a time, and only the newest of those waiting: a search started while another was
    // still loading its part of the index answered with the other query's pages (tests/e2e/search.spec.ts, "a slow
    // search…"). A search overtaken while it waited answers null, which the Component UI drops.
    const previous = running;
    const response = (running = previous
      .catch(() => null)
      .then(() => (ticket === latest ? search(query, options) : null)));
    const answer = await response.catch(() => null);
    if (!answer || !keys || !loaded) return answer;
    const entries = Object.assign({}, ...(await loaded)) as ExactShard;
    answer.results = exactFirst(answer.results, (id) => exactRank(keys, (key) => entries[key], id), EXACT_WINDOW);
    return answer;
  };
  return api;
}

export function pagefindInstance(): PagefindInstance | undefined {
  return window.PagefindComponents?.getInstanceManager().getInstance('default');
}

/** Pagefind's default result markup plus a type label (and difficulty for questions). */
export const RESULT_TEMPLATE = `<li class="pf-result">
  <div class="pf-result-card"><div class="pf-result-content">
    <p class="pf-result-title"><span class="atlas-result-type">{{ meta.type | default('page') }}</span> <a class="pf-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a>{{#if meta.difficulty}} <span class="atlas-result-meta">{{ meta.difficulty }}</span>{{/if}}</p>
    {{#if excerpt}}<p class="pf-result-excerpt">{{+ excerpt +}}</p>{{/if}}
  </div></div>
  {{#if sub_results}}<ul class="pf-heading-chips">{{#each sub_results as sub}}<li class="pf-heading-chip"><a class="pf-heading-link" href="{{ sub.url | safeUrl }}">{{ sub.title }}</a><p class="pf-heading-excerpt">{{+ sub.excerpt +}}</p></li>{{/each}}</ul>{{/if}}
</li>`;

/** Builds an element tree from [tag, attributes, children] without innerHTML. */
export function el(
  tag: string,
  attributes: Record<string, string> = {},
  children: (Node | string)[] = [],
): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Pagefind 1.6's filter dropdown trigger is a <button role="combobox"> whose label is its text content, which a
 * combobox does not take its accessible name from (axe: button-name). Name each trigger after its filter.
 */
export function nameFilterDropdowns(root: HTMLElement) {
  const name = () => {
    for (const trigger of root.querySelectorAll<HTMLElement>('.pf-dropdown-trigger:not([aria-label])')) {
      const label = trigger.querySelector('.pf-dropdown-trigger-label')?.textContent?.trim();
      if (label) trigger.setAttribute('aria-label', `Filter by ${label.toLowerCase()}`);
    }
  };
  new MutationObserver(name).observe(root, { childList: true, subtree: true });
  name();
}

export function resultsWithTemplate(attributes: Record<string, string> = {}) {
  const template = el('script', { type: 'text/pagefind-template' }, [RESULT_TEMPLATE]);
  return el('pagefind-results', attributes, [template]);
}
