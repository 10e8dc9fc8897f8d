/**
 * Pagefind's documented browser API: pagefind.js from the build's /pagefind/ bundle, loaded once on first use and
 * set up with the site's ranking. Every search on the site goes through it: the dialog, the /search/ page and the
 * roadmap builder's topic finder.
 */

/** Filters as Pagefind takes them; `any` matches a page with one of the values. */
type PagefindFilters = Record<string, { any: string[] }>;
/** Filter name → value → how many pages have it. */
export type FilterCounts = Record<string, Record<string, number>>;

/** A page (or one of its headed sections) as Pagefind gives it; the excerpt is HTML with `<mark>`ed words. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
export interface PagefindResult {
  id: string;
  /** How well the page matches, by the ranking set below: higher is better, comparable across this index's searches. */
  score: number;
  data(): Promise<ResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  /** Per filter value, how many of this search's pages have it (the other filters applied). */
  filters: FilterCounts;
}
export interface Pagefind {
  options(options: object): Promise<void>;
  mergeIndex(path: string, options?: { language?: string; indexWeight?: number }): Promise<void>;
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}

/**
 * How results are ranked: a query word in the page's search terms (the `terms` metadata written by
 * SearchTerms.astro, which holds the title's words too) counts far above one in the body; one of the words learners
 * use for the page (`phrasings`, from content/learner-vocabulary.yaml) as much as a word of its title. A high term similarity
 * keeps a word's exact form above longer words it is the start of. A low page-length weight keeps a long page
 * that teaches a topic in depth from falling behind short pages that only mention it. Tuned on
 * tests/e2e/search-relevance.queries.ts.
 */
const RANKING = { metaWeights: { title: 3, terms: 10, phrasings: 3 }, termSimilarity: 10, pageLength: 0.1 };

const BUNDLE = '/pagefind/pagefind.js';
/**
 * How much an English page's score counts on a page in another language: its own language's pages come first (at
 * a half, long English pages that only share a word's start still came before the translated ones).
 */
const ENGLISH_WEIGHT = 0.1;
let loading: Promise<Pagefind> | undefined;
let failures = 0;

/**
 * pagefind.js, set up; a load that failed (offline, say) is tried again on the next call. The browser remembers a
 * module that failed to load under its URL, so a retry asks for it under a URL of its own.
 */
export function loadPagefind(): Promise<Pagefind> {
  const url = failures === 0 ? BUNDLE : `${BUNDLE}?retry=${failures}`;
  loading ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (api) => {
    // Searching a site this size takes a few milliseconds on the main thread; a worker would be one more download.
    await api.options({ ranking: RANKING, noWorker: true });
    // Pagefind searches the index of the page's language (<html lang>). On a page in another language the English
    // pages are searched too, through Pagefind's documented merge of one language's index, ranked below the page's
    // own language (ENGLISH_WEIGHT). The bundle is named by its full URL: Pagefind skips a merge named as the
    // primary bundle is (a site path), taking it for the same index loaded twice.
    if (!document.documentElement.lang.startsWith('en')) {
      await api.mergeIndex(new URL('/pagefind/', location.href).href, { language: 'en', indexWeight: ENGLISH_WEIGHT });
    }
    return api;
  });
  loading.catch(() => {
    loading = undefined;
    failures++;
  });
  return loading;
}

/** The same filters, every value counting no page. */
export const noneCounted = (counts: FilterCounts): FilterCounts =>
  Object.fromEntries(
    Object.entries(counts).map(([name, values]) => [name, Object.fromEntries(Object.keys(values).map((v) => [v, 0]))]),
  );
