/** The Pagefind build step (src/integrations/pagefind.ts) against a mocked `pagefind`, as Starlight tests its own. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pagefind from '../../src/integrations/pagefind.ts';
import { pageSink } from '../../src/lib/content/rendered-pages.ts';

const mocks = vi.hoisted(() => ({ createIndex: vi.fn(), close: vi.fn(), addHTMLFile: vi.fn(), writeFiles: vi.fn() }));
vi.mock('pagefind', () => ({ createIndex: mocks.createIndex, close: mocks.close }));

let site: string;
const info = vi.fn();
/** Two pages as Astro renders them: one Pagefind indexes (with exact phrases), one it leaves out. */
const PAGES = [
  {
    file: 'topics/jwt/index.html',
    html:
      '<main data-pagefind-body><span hidden data-pagefind-meta="type:topic"></span>' +
      '<span hidden data-search-exact="json web tokens|jwt"></span>JWT</main>',
  },
  { file: 'offline/index.html', html: '<main>Offline</main>' },
];

/** Runs the integration as `astro build` does: build:start, the pages rendered and handed over, build:done. */
async function build(pages = PAGES) {
  const integration = pagefind();
  const start = integration.hooks['astro:build:start']!;
  await start({ logger: { info } } as unknown as Parameters<typeof start>[0]);
  const slots = pages.map(() => pageSink()!.reserve());
  for (const [i, page] of [...pages.entries()].reverse()) {
    mkdirSync(dirname(join(site, page.file)), { recursive: true });
    writeFileSync(join(site, page.file), page.html);
    slots[i]!(page); // finished in reverse, handed over in order
  }
  const done = integration.hooks['astro:build:done']!;
  await done({ dir: pathToFileURL(`${site}/`), logger: { info } } as unknown as Parameters<typeof done>[0]);
}

/** Pagefind answering every step without errors, each page at the URL of its file. */
function pagefindWorks() {
  mocks.createIndex.mockResolvedValue({
    errors: [],
    index: { addHTMLFile: mocks.addHTMLFile, writeFiles: mocks.writeFiles },
  });
  mocks.addHTMLFile.mockImplementation(async ({ sourcePath }: { sourcePath: string }) => ({
    errors: [],
    file: { url: `/${sourcePath.replace(/index\.html$/, '')}`, meta: {}, uniqueWords: 1 },
  }));
  mocks.writeFiles.mockImplementation(async ({ outputPath }: { outputPath: string }) => ({ errors: [], outputPath }));
}

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'atlas-pagefind-'));
  // What Pagefind writes besides its index: pagefind.js, which the site drives, and the UIs it does not load.
  mkdirSync(join(site, 'pagefind', 'fragment'), { recursive: true });
  for (const file of [
    'pagefind.js',
    'pagefind-component-ui.js',
    'pagefind-component-ui.css',
    'pagefind-ui.js',
    'pagefind-ui.css',
    'pagefind-modular-ui.js',
    'pagefind-modular-ui.css',
    'pagefind-highlight.js',
  ]) {
    writeFileSync(join(site, 'pagefind', file), '//');
  }
  pagefindWorks();
});

afterEach(() => {
  rmSync(site, { recursive: true, force: true });
  vi.clearAllMocks();
});

describe('Pagefind build step', () => {
  it('indexes each page as it is rendered, in the order rendering began, then writes the index and says how many pages', async () => {
    await build();
    expect(mocks.createIndex).toHaveBeenCalledWith({});
    expect(mocks.addHTMLFile.mock.calls.map(([file]) => file)).toEqual(
      PAGES.map(({ file, html }) => ({ sourcePath: file, content: html })),
    );
    expect(normalize(mocks.writeFiles.mock.calls[0]![0].outputPath)).toBe(join(site, 'pagefind'));
    expect(info).toHaveBeenCalledWith(`Pagefind indexed 2 pages, each as it was rendered, into ${site}/pagefind`);
    expect(mocks.close).toHaveBeenCalledOnce();
    expect(pageSink()).toBeUndefined(); // nothing is handed over after the build
  });

  it('removes the UI bundles the site does not load and keeps pagefind.js, which it does', async () => {
    await build();
    for (const file of [
      'pagefind-component-ui.js',
      'pagefind-component-ui.css',
      'pagefind-ui.js',
      'pagefind-ui.css',
      'pagefind-modular-ui.js',
      'pagefind-modular-ui.css',
      'pagefind-highlight.js',
    ])
      expect(existsSync(join(site, 'pagefind', file)), file).toBe(false);
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('writes the exact-phrase shards by the URL Pagefind gave each page, a topic named by its title', async () => {
    await build();
    expect(JSON.parse(readFileSync(join(site, 'search-exact', 'j.json'), 'utf8'))).toEqual({
      jwt: { named: ['/topics/jwt/'] },
      'json tokens web': { named: ['/topics/jwt/'], title: ['/topics/jwt/'] },
    });
  });

  it('fails the build with every error of createIndex, and still closes Pagefind', async () => {
    mocks.createIndex.mockResolvedValue({ errors: ['no config'], index: undefined });
    await expect(build()).rejects.toThrow('Pagefind createIndex failed:\nno config');
    expect(mocks.close).toHaveBeenCalledOnce();
  });

  it.each([
    [
      'addHTMLFile',
      () =>
        mocks.addHTMLFile
          .mockResolvedValueOnce({ errors: ['bad HTML in a.html'] })
          .mockRejectedValueOnce('pipe closed'),
      'bad HTML in a.html\noffline/index.html: pipe closed',
    ],
    ['writeFiles', () => mocks.writeFiles.mockResolvedValue({ errors: ['disk full'], outputPath: '' }), 'disk full'],
  ])('fails the build with every error of %s, and still closes Pagefind', async (step, fail, errors) => {
    fail();
    await expect(build()).rejects.toThrow(`Pagefind ${step} failed:\n${errors}`);
    expect(mocks.close).toHaveBeenCalledOnce();
    expect(info).not.toHaveBeenCalled();
  });

  it('fails the build when Pagefind gives no index or no page has search terms', async () => {
    mocks.createIndex.mockResolvedValue({ errors: [], index: undefined });
    await expect(build()).rejects.toThrow('Pagefind createIndex returned no index');
    pagefindWorks();
    await expect(build([PAGES[1]!])).rejects.toThrow(
      'None of the 1 pages Pagefind indexed has search terms (data-search-exact): is SearchTerms.astro missing?',
    );
    expect(mocks.close).toHaveBeenCalledTimes(2);
  });
});
