/**
 * <atlas-search-page> (src/components/search/search-page.ts) without a browser: the URL ⇄ search mapping, and the element's start-up
 * against stand-ins for the DOM globals and a mocked search view. The real page is covered by tests/e2e/search.spec.ts.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/** The search view the page builds: what it was built with, and whether Pagefind loads. */
const ui = vi.hoisted(() => ({ loads: true, views: [] as { options: { onSearch(t: string, f: object): void } }[] }));
vi.mock('../../../src/components/search/search-view.ts', () => ({
  SearchView: class {
    box = { id: 'box' };
    body = { id: 'body' };
    filterElement = { id: 'filters' };
    input = { focus: vi.fn() };
    search = vi.fn();
    readonly options: { onSearch(t: string, f: object): void };
    constructor(options: { onSearch(t: string, f: object): void }) {
      this.options = options;
      ui.views.push(this);
    }
    load = () => Promise.resolve(ui.loads);
  },
}));

const define = vi.fn();
const replaceState = vi.fn();
let page: typeof import('../../../src/components/search/search-page.ts');
/** What the script registered with customElements.define. */
let registered: [string, new () => { connectedCallback(): Promise<void> }];

beforeAll(async () => {
  // The page's parts are looked up as elements (src/components/parts.ts checks what it finds is one).
  class Element {}
  vi.stubGlobal('Element', Element);
  vi.stubGlobal('HTMLElement', class extends Element {});
  vi.stubGlobal('customElements', { define, get: () => undefined });
  vi.stubGlobal('history', { replaceState });
  vi.stubGlobal('location', { pathname: '/search/', search: '' });
  // The filters' disclosure: built as an element, placed beside the results on a wide screen.
  vi.stubGlobal('document', { createElement: (tag: string) => ({ tag, append: vi.fn() }) });
  vi.stubGlobal('matchMedia', () => ({ matches: true, addEventListener: vi.fn() }));
  page = await import('../../../src/components/search/search-page.ts');
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

/** A stand-in for one of the page's elements: an HTMLElement to the script, with the fields the test reads. */
const stub = <T extends object>(fields: T): T =>
  Object.assign(new (globalThis.HTMLElement as unknown as new () => object)(), fields);

/** The page's markup as the element finds it, with the parts the script touches. */
function markup() {
  return {
    '[data-search-ui]': stub({ hidden: true }),
    '[data-fallback]': stub({ hidden: false }),
    '[data-search-box]': stub({ append: vi.fn() }),
    '[data-search-filters]': stub({ append: vi.fn<(details: { append: ReturnType<typeof vi.fn> }) => void>() }),
  };
}

/** Connects a <atlas-search-page> at `search` (the URL's query) with Pagefind loading or failing. */
async function connect(search: string, loads: boolean) {
  const [name, SearchPage] = registered;
  expect(name).toBe('atlas-search-page');
  const parts = markup();
  ui.loads = loads;
  ui.views.length = 0;
  (location as { search: string }).search = search;
  const element = Object.assign(new SearchPage(), { querySelector: (selector: keyof typeof parts) => parts[selector] });
  await element.connectedCallback();
  const view = ui.views[0] as unknown as {
    options: { onSearch(t: string, f: object): void };
    search: ReturnType<typeof vi.fn>;
    input: { focus: ReturnType<typeof vi.fn> };
  };
  return { parts, view };
}

describe('<atlas-search-page>', () => {
  it('shows the search once Pagefind loads, runs the search the URL holds, and focuses the input', async () => {
    const { parts, view } = await connect('?q=jwt&type=question', true);
    expect(parts['[data-search-box]'].append).toHaveBeenCalledWith({ id: 'box' }, { id: 'body' });
    const [details] = parts['[data-search-filters]'].append.mock.calls[0]!;
    expect(details).toMatchObject({ tag: 'details', open: true });
    expect(details.append).toHaveBeenCalledWith(expect.objectContaining({ tag: 'summary' }), { id: 'filters' });
    expect([parts['[data-fallback]'].hidden, parts['[data-search-ui]'].hidden]).toEqual([true, false]);
    expect(view.search).toHaveBeenCalledWith('jwt', { type: ['question'] });
    expect(view.input.focus).toHaveBeenCalled();
  });

  it('writes each search back into the URL without adding to the history', async () => {
    const { view } = await connect('', true);
    expect(view.search).not.toHaveBeenCalled();
    view.options.onSearch('idempotency', { difficulty: ['mid'] });
    expect(replaceState).toHaveBeenCalledWith(null, '', '/search/?q=idempotency&difficulty=mid');
  });

  it('keeps the fallback text when Pagefind cannot load', async () => {
    const { parts, view } = await connect('?q=jwt', false);
    expect([parts['[data-fallback]'].hidden, parts['[data-search-ui]'].hidden]).toEqual([false, true]);
    expect(view.search).not.toHaveBeenCalled();
    expect(view.input.focus).not.toHaveBeenCalled();
  });
});
