/** The search-index build step (src/after-build/search-index.ts) against a mocked `pagefind`, as Starlight tests its own. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pagefindUrl, writeSearchIndex } from '../../../src/after-build/search-index.ts';

const mocks = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(),
  addDirectory: vi.fn(),
  writeFiles: vi.fn<(options: { outputPath: string }) => Promise<{ errors: string[]; outputPath: string }>>(),
}));
vi.mock('pagefind', () => ({ createIndex: mocks.createIndex, close: mocks.close }));

let site: string;
/** Two pages as Astro writes them: one Pagefind indexes (with exact phrases), one it leaves out. */
const PAGES = [
  {
    file: 'topics/jwt/index.html',
    html:
      '<main data-pagefind-body><span hidden data-pagefind-meta="type:topic"></span>' +
      '<span hidden data-search-exact="json web tokens|jwt"></span>JWT</main>',
  },
  { file: 'offline/index.html', html: '<main>Offline</main>' },
];

/** Writes the pages into the build folder, then runs the step on them, as `npm run build` does once Astro is done. */
async function build(pages = PAGES) {
  for (const page of pages) {
    mkdirSync(dirname(join(site, page.file)), { recursive: true });
    writeFileSync(join(site, page.file), page.html);
  }
  return writeSearchIndex(
    site,
    pages.map((page) => page.file),
  );
}

/** The UI bundles Pagefind writes beside pagefind.js, which the site does not load. */
const UNUSED_UI = [
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/** Pagefind answering every step without errors. */
function pagefindWorks() {
  mocks.createIndex.mockResolvedValue({
    errors: [],
    index: { addDirectory: mocks.addDirectory, writeFiles: mocks.writeFiles },
  });
  mocks.addDirectory.mockResolvedValue({ errors: [], page_count: 2 });
  mocks.writeFiles.mockImplementation(({ outputPath }: { outputPath: string }) => {
    // What Pagefind writes besides its index: pagefind.js, which the site drives, and the UIs it does not load.
    mkdirSync(join(outputPath, 'fragment'), { recursive: true });
    for (const file of ['pagefind.js', ...UNUSED_UI]) writeFileSync(join(outputPath, file), '//');
    return Promise.resolve({ errors: [], outputPath });
  });
}

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'atlas-pagefind-'));
  // An index an earlier run left: its fragments must not survive the new one.
  mkdirSync(join(site, 'pagefind', 'fragment'), { recursive: true });
  writeFileSync(join(site, 'pagefind', 'fragment', 'en_stale.pf_fragment'), '');
  pagefindWorks();
});

afterEach(() => {
  rmSync(site, { recursive: true, force: true });
  vi.clearAllMocks();
});

describe('Pagefind build step', () => {
  it('has Pagefind index the build folder, then writes the index and says how many pages', async () => {
    const said = await build();
    // Interface text (controls, badges, state words) is left out of every page's indexed text.
    expect(mocks.createIndex).toHaveBeenCalledWith({
      excludeSelectors: expect.arrayContaining(['button', '.badge', '.needs-script', '[hidden]']) as string[],
    });
    expect(mocks.addDirectory).toHaveBeenCalledWith({ path: site });
    expect(normalize(mocks.writeFiles.mock.calls[0]![0].outputPath)).toBe(join(site, 'pagefind'));
    expect(said).toBe(`Pagefind indexed 2 of 2 pages into ${join(site, 'pagefind')}; exact-phrase shards for 1 pages`);
    expect(mocks.close).toHaveBeenCalledOnce();
  });

  it('keys a page by the URL Pagefind gives its file', () => {
    expect(['topics/jwt/index.html', 'index.html', '404.html', 'a/page.html'].map(pagefindUrl)).toEqual([
      '/topics/jwt/',
      '/',
      '/404.html',
      '/a/page.html',
    ]);
  });

  it('removes the UI bundles the site does not load and keeps pagefind.js, which it does', async () => {
    await build();
    for (const file of UNUSED_UI) expect(existsSync(join(site, 'pagefind', file)), file).toBe(false);
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(site, 'pagefind', 'fragment', 'en_stale.pf_fragment'))).toBe(false);
  });

  it('writes the exact-phrase shards by the URL Pagefind gave each page, a topic named by its title', async () => {
    await build();
    expect(JSON.parse(readFileSync(join(site, 'search-exact', 'j.json'), 'utf8'))).toEqual({
      jwt: { named: ['/topics/jwt/'] },
      'json tokens web': { named: ['/topics/jwt/'], title: ['/topics/jwt/'] },
    });
  });

  it('reads the names of a title "X (Y)" and the rows a page lists into the shards', async () => {
    await build([
      {
        file: 'topics/go/index.html',
        html:
          '<main data-pagefind-body><span hidden data-pagefind-meta="type:topic"></span>' +
          '<span hidden data-search-exact="go golang"></span><span hidden data-search-aliases="go|golang"></span></main>',
      },
      {
        file: 'compare/languages/index.html',
        html:
          '<main data-pagefind-body><span hidden data-search-exact="backend languages compared"></span>' +
          '<span hidden data-search-listed="python|go"></span></main>',
      },
    ]);
    const g = JSON.parse(readFileSync(join(site, 'search-exact', 'g.json'), 'utf8')) as Record<string, unknown>;
    expect(g.go).toEqual({ named: ['/topics/go/'], title: ['/topics/go/'], listed: ['/compare/languages/'] });
    expect(g.golang).toEqual({ named: ['/topics/go/'], title: ['/topics/go/'] });
    expect(JSON.parse(readFileSync(join(site, 'search-exact', 'p.json'), 'utf8'))).toEqual({
      python: { named: [], listed: ['/compare/languages/'] },
    });
  });

  it('fails the build with every error of createIndex, and still closes Pagefind', async () => {
    mocks.createIndex.mockResolvedValue({ errors: ['no config'], index: undefined });
    await expect(build()).rejects.toThrow('Pagefind createIndex failed:\nno config');
    expect(mocks.close).toHaveBeenCalledOnce();
  });

  it.each([
    [
      'addDirectory',
      () =>
        mocks.addDirectory.mockResolvedValue({ errors: ['bad HTML in a.html', 'b.html unreadable'], page_count: 0 }),
      'bad HTML in a.html\nb.html unreadable',
    ],
    ['writeFiles', () => mocks.writeFiles.mockResolvedValue({ errors: ['disk full'], outputPath: '' }), 'disk full'],
  ])('fails the build with every error of %s, and still closes Pagefind', async (step, fail, errors) => {
    fail();
    await expect(build()).rejects.toThrow(`Pagefind ${step} failed:\n${errors}`);
    expect(mocks.close).toHaveBeenCalledOnce();
    expect(existsSync(join(site, 'search-exact'))).toBe(false); // nothing half-written
  });

  it('fails the build when Pagefind gives no index or no page has search terms', async () => {
    mocks.createIndex.mockResolvedValue({ errors: [], index: undefined });
    await expect(build()).rejects.toThrow('Pagefind createIndex returned no index');
    pagefindWorks();
    await expect(build([PAGES[1]!])).rejects.toThrow(
      `None of the 1 pages of ${site} has search terms (data-search-exact): is SearchTerms.astro missing?`,
    );
    expect(mocks.close).toHaveBeenCalledTimes(2);
  });
});
