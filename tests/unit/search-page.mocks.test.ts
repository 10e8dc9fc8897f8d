/**
 * <search-page> (src/components/search/search-page.ts) without a browser: the URL ⇄ search mapping, and the element's start-up
 * against stand-ins for the DOM globals and a mocked Pagefind UI. The real page is covered by tests/e2e/search.spec.ts.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const ui = vi.hoisted(() => ({ load: vi.fn(), instance: vi.fn(), suggestion: { id: 'suggestion' } }));
vi.mock('../../src/components/search/pagefind-ui.ts', () => ({
  loadPagefindUi: ui.load,
  pagefindInstance: ui.instance,
  resultsWithTemplate: () => ({ id: 'results' }),
}));
vi.mock('../../src/components/search/search-suggestion.ts', () => ({ searchSuggestion: () => ui.suggestion }));

const define = vi.fn();
const replaceState = vi.fn();
let page: typeof import('../../src/components/search/search-page.ts');
/** What the script registered with customElements.define. */
let registered: [string, new () => { connectedCallback(): Promise<void> }];

beforeAll(async () => {
  vi.stubGlobal('HTMLElement', class {});
  vi.stubGlobal('customElements', { define });
  vi.stubGlobal('history', { replaceState });
  vi.stubGlobal('location', { pathname: '/search/', search: '' });
  page = await import('../../src/components/search/search-page.ts');
  registered = define.mock.calls[0] as typeof registered;
});

beforeEach(() => vi.clearAllMocks());

describe('search URL', () => {
  it('reads the term and the known filters, every value of each, skipping empty and unknown ones', () => {
    expect(page.readSearchUrl('?q=jwt+expiry&type=question&type=topic&difficulty=&level=senior&colour=red')).toEqual({
      term: 'jwt expiry',
      filters: { type: ['question', 'topic'], level: ['senior'] },
    });
    expect(page.readSearchUrl('')).toEqual({ term: '', filters: {} });
  });

  it('writes them back in a fixed order on this page, and nothing for an empty search', () => {
    expect(page.writeSearchUrl('rate limit', { role: ['sre'], type: ['question'], colour: ['red'] })).toBe(
      '/search/?q=rate+limit&type=question&role=sre',
    );
    expect(page.writeSearchUrl('', undefined)).toBe('/search/');
    const shared = page.writeSearchUrl('cache', { difficulty: ['mid', 'senior'] });
    expect(page.readSearchUrl(shared.slice(shared.indexOf('?')))).toEqual({
      term: 'cache',
      filters: { difficulty: ['mid', 'senior'] },
    });
  });
});

/** The page's markup as the element finds it, with the parts the script touches. */
function markup() {
  const parts = {
    '[data-search-ui]': { hidden: true },
    '[data-results]': { append: vi.fn() },
    '[data-fallback]': { hidden: false },
    'pagefind-summary': { after: vi.fn() },
    'pagefind-input input': { focus: vi.fn() },
  };
  return parts;
}

/** Connects a <search-page> at `search` (the URL's query) with Pagefind loading or failing. */
async function connect(search: string, loads: boolean) {
  const [name, SearchPage] = registered;
  expect(name).toBe('search-page');
  const parts = markup();
  const instance = { triggerSearchWithFilters: vi.fn(), on: vi.fn() };
  ui.load.mockImplementation(() => (loads ? Promise.resolve() : Promise.reject(new Error('offline'))));
  ui.instance.mockReturnValue(instance);
  (location as { search: string }).search = search;
  const element = Object.assign(new SearchPage(), { querySelector: (selector: keyof typeof parts) => parts[selector] });
  await element.connectedCallback();
  return { parts, instance };
}

describe('<search-page>', () => {
  it('shows the search once Pagefind loads, runs the search the URL holds, and focuses the input', async () => {
    const { parts, instance } = await connect('?q=jwt&type=question', true);
    expect(parts['[data-results]'].append).toHaveBeenCalledWith({ id: 'results' });
    expect([parts['[data-fallback]'].hidden, parts['[data-search-ui]'].hidden]).toEqual([true, false]);
    expect(instance.triggerSearchWithFilters).toHaveBeenCalledWith('jwt', { type: ['question'] });
    expect(parts['pagefind-summary'].after).toHaveBeenCalledWith(ui.suggestion);
    expect(parts['pagefind-input input'].focus).toHaveBeenCalled();
  });

  it('writes each search back into the URL without adding to the history', async () => {
    const { instance } = await connect('', true);
    expect(instance.triggerSearchWithFilters).not.toHaveBeenCalled();
    const [event, onSearch] = instance.on.mock.calls[0]!;
    expect(event).toBe('search');
    onSearch('idempotency', { difficulty: ['mid'] });
    expect(replaceState).toHaveBeenCalledWith(null, '', '/search/?q=idempotency&difficulty=mid');
  });

  it('keeps the fallback text when Pagefind cannot load', async () => {
    const { parts, instance } = await connect('?q=jwt', false);
    expect([parts['[data-fallback]'].hidden, parts['[data-search-ui]'].hidden]).toEqual([false, true]);
    expect(instance.triggerSearchWithFilters).not.toHaveBeenCalled();
    expect(parts['pagefind-input input'].focus).not.toHaveBeenCalled();
  });
});
