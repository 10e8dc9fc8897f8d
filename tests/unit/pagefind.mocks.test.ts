/** The Pagefind build step (src/integrations/pagefind.ts) against a mocked `pagefind`, as Starlight tests its own. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pagefind from '../../src/integrations/pagefind';

const mocks = vi.hoisted(() => ({ createIndex: vi.fn(), close: vi.fn(), addDirectory: vi.fn(), writeFiles: vi.fn() }));
vi.mock('pagefind', () => ({ createIndex: mocks.createIndex, close: mocks.close }));

let site: string;
const COMPONENT_UI =
  'var We={};h(We,{comments:"en",strings:{}});var Ye={};h(Ye,{comments:"fr",strings:{}});' +
  'var Ma=[We,Ye],Jt=Ma,Zt=["../../translations/en.json","../../translations/fr.json"];ui();';
const info = vi.fn();

/** Runs the integration's build-done hook on `site`, as Astro would after writing the pages. */
async function buildDone() {
  const hook = pagefind().hooks['astro:build:done']!;
  await hook({ dir: pathToFileURL(`${site}/`), logger: { info } } as unknown as Parameters<typeof hook>[0]);
}

/** Pagefind answering every step without errors, having indexed `pages`. */
function pagefindWorks(pages = 42) {
  mocks.createIndex.mockResolvedValue({ errors: [], index: { addDirectory: mocks.addDirectory, writeFiles: mocks.writeFiles } });
  mocks.addDirectory.mockResolvedValue({ errors: [], page_count: pages });
  mocks.writeFiles.mockResolvedValue({ errors: [], outputPath: `${site}/pagefind` });
}

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'atlas-pagefind-'));
  // What Pagefind writes: its bundle, the Component UI the site loads (with its strings in two languages), the
  // older UIs it does not, and a fragment folder (empty: no page carries exact phrases here).
  mkdirSync(join(site, 'pagefind', 'fragment'), { recursive: true });
  for (const file of ['pagefind.js', 'pagefind-component-ui.css', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js']) {
    writeFileSync(join(site, 'pagefind', file), '//');
  }
  writeFileSync(join(site, 'pagefind', 'pagefind-component-ui.js'), COMPONENT_UI);
  pagefindWorks();
});

afterEach(() => {
  rmSync(site, { recursive: true, force: true });
  vi.clearAllMocks();
});

describe('Pagefind build step', () => {
  it('indexes the built site into its pagefind folder and says how many pages', async () => {
    await buildDone();
    expect(mocks.createIndex).toHaveBeenCalledWith({});
    expect(mocks.addDirectory).toHaveBeenCalledWith({ path: `${site}/` });
    expect(normalize(mocks.writeFiles.mock.calls[0]![0].outputPath)).toBe(join(site, 'pagefind'));
    expect(info).toHaveBeenCalledWith(`Pagefind indexed 42 pages into ${site}/pagefind`);
    expect(mocks.close).toHaveBeenCalledOnce();
  });

  it('removes the UI bundles the site does not load and keeps the ones it does', async () => {
    await buildDone();
    for (const file of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js']) expect(existsSync(join(site, 'pagefind', file)), file).toBe(false);
    for (const file of ['pagefind.js', 'pagefind-component-ui.js', 'pagefind-component-ui.css']) expect(existsSync(join(site, 'pagefind', file)), file).toBe(true);
  });

  it('keeps only the English strings in the Component UI, and writes the exact-phrase shards folder', async () => {
    await buildDone();
    const ui = readFileSync(join(site, 'pagefind', 'pagefind-component-ui.js'), 'utf8');
    expect(ui).toContain('comments:"en"');
    expect(ui).not.toContain('comments:"fr"');
    expect(existsSync(join(site, 'search-exact'))).toBe(true);
  });

  it.each([
    ['createIndex', () => mocks.createIndex.mockResolvedValue({ errors: ['no config'], index: undefined })],
    ['addDirectory', () => mocks.addDirectory.mockResolvedValue({ errors: ['bad HTML in a.html', 'bad HTML in b.html'], page_count: 3 })],
    ['writeFiles', () => mocks.writeFiles.mockResolvedValue({ errors: ['disk full'], outputPath: '' })],
  ])('fails the build with every error of %s, and still closes Pagefind', async (step, fail) => {
    fail();
    const errors = { createIndex: 'no config', addDirectory: 'bad HTML in a.html\nbad HTML in b.html', writeFiles: 'disk full' }[step];
    await expect(buildDone()).rejects.toThrow(`Pagefind ${step} failed:\n${errors}`);
    expect(mocks.close).toHaveBeenCalledOnce();
    expect(info).not.toHaveBeenCalled();
  });

  it('fails the build when Pagefind gives no index or finds no page to index', async () => {
    mocks.createIndex.mockResolvedValue({ errors: [], index: undefined });
    await expect(buildDone()).rejects.toThrow('Pagefind createIndex returned no index');
    pagefindWorks(0);
    await expect(buildDone()).rejects.toThrow(/indexed no pages: is data-pagefind-body missing/);
    expect(mocks.writeFiles).not.toHaveBeenCalled();
    expect(mocks.close).toHaveBeenCalledTimes(2);
  });
});
