import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroConfig } from 'astro';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { highlightCode } from '../../src/markdown/highlight-code.ts';
import { proseLoader, rendererKey } from '../../src/markdown/prose-loader.ts';
import { renderStaticMdx } from '../../src/markdown/static-mdx.ts';
import { readContentDir } from '../../src/lib/content/content-files.ts';

const options = { hastPlugins: [highlightCode], features: { gfm: true, smartPunctuation: true } };
const render = (body: string) => renderStaticMdx(body, options);

describe('renderStaticMdx', () => {
  it('renders plain Markdown to HTML, with heading ids, highlighted code, GFM and smart punctuation', async () => {
    const out = await render(
      '## Why it "matters"\n\nA *short* answer -- with `code`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```sql\nSELECT 1;\n```\n\n### Step two\n',
    );
    expect(out?.html).toContain('<h2 id="why-it-matters">Why it “matters”</h2>');
    expect(out?.html).toContain('<p>A <em>short</em> answer – with <code>code</code>.</p>');
    expect(out?.html).toMatch(/<table>[\s\S]*<td>1<\/td>/);
    expect(out?.html).toMatch(
      /<pre class="code-block" tabindex="0" data-lang="sql"><code class="language-sql"><span class="tk-keyword">SELECT<\/span>/,
    );
    expect(out?.headings).toEqual([
      { depth: 2, slug: 'why-it-matters', text: 'Why it “matters”' },
      { depth: 3, slug: 'step-two', text: 'Step two' },
    ]);
  });

  it('reads the body as MDX, not as Markdown: no indented code, and escaped braces and angle brackets stay text', async () => {
    const out = await render('Paragraph.\n\n    not code in MDX\n\nA set \\{a, b\\} and 1 \\< 2.\n');
    expect(out?.html).not.toContain('<pre');
    expect(out?.html).toContain('{a, b}');
    expect(out?.html).toContain('<p>A set {a, b} and 1 &lt; 2.</p>');
  });

  it('leaves a body that uses an MDX feature or an image to the MDX integration', async () => {
    for (const body of [
      'Text with <abbr title="x">y</abbr>.',
      '<Callout>Note</Callout>',
      'The answer is {6 * 7}.',
      "import Chart from './chart.astro';\n\nText.",
      'export const n = 1;\n\nText.',
      '![A diagram](./diagram.png)',
    ]) {
      expect(await render(body), body).toBeUndefined();
    }
  });

  it('throws on a body that is not valid MDX, so the integration compiles it and reports the line', async () => {
    await expect(render('A <b>broken tag.')).rejects.toThrow();
  });

  it('renders every body of the site’s content', async () => {
    const entries = readContentDir().filter((e) => e.file.endsWith('.mdx'));
    expect(entries.length).toBeGreaterThan(400);
    for (const entry of entries) {
      const out = await render(entry.body);
      expect(out, entry.file).toBeDefined();
      expect(out!.html.length, entry.file).toBeGreaterThan(entry.body.length / 4);
    }
  }, 60_000);
});

describe('proseLoader', () => {
  const root = mkdtempSync(join(tmpdir(), 'atlas-prose-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const config = (features = {}) =>
    ({
      root: pathToFileURL(`${process.cwd()}/`),
      srcDir: pathToFileURL(`${process.cwd()}/src/`),
      markdown: { processor: satteri({ hastPlugins: [highlightCode], features }), gfm: true, smartypants: true },
    }) as unknown as AstroConfig;

  /** Runs the loader over `files` with a store like Astro's; returns what was stored and which modules were queued. */
  async function load(files: Record<string, string>, astroConfig = config()) {
    const dir = mkdtempSync(join(root, 'content-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const stored = new Map<string, Record<string, unknown>>();
    const modules: string[] = [];
    const entryTypes = new Map([
      [
        '.mdx',
        {
          extensions: ['.mdx'],
          contentModuleTypes: 'declare module "*.mdx" {}',
          getEntryInfo: async ({ contents }: { contents: string }) => ({
            data: {},
            body: contents,
            slug: '',
            rawData: '',
          }),
        },
      ],
    ]);
    const context = {
      collection: 'topics',
      config: astroConfig,
      logger: { warn: () => {}, error: (message: string) => expect.fail(message), info: () => {}, debug: () => {} },
      parseData: async ({ data }: { data: unknown }) => data,
      generateDigest: (data: string) => `digest:${data}`,
      entryTypes,
      store: {
        keys: () => [...stored.keys()],
        get: (id: string) => stored.get(id),
        delete: (id: string) => stored.delete(id),
        set: (entry: Record<string, unknown>) => {
          stored.set(entry.id as string, entry);
          if (entry.deferredRender) modules.push(entry.filePath as string);
          return true;
        },
        addModuleImport: (file: string) => modules.push(file),
      },
    } as unknown as LoaderContext;
    await proseLoader({ pattern: '*.mdx', base: dir, generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }).load(
      context,
    );
    return { stored, modules };
  }

  it('stores a plain entry’s HTML and headings, and queues no module for it', async () => {
    const { stored, modules } = await load({ 'plain.mdx': '## Hello there\n\nText.\n' });
    const entry = stored.get('plain')!;
    expect(entry.deferredRender).toBeUndefined();
    expect(entry.rendered).toEqual({
      html: '<h2 id="hello-there">Hello there</h2>\n<p>Text.</p>',
      metadata: { headings: [{ depth: 2, slug: 'hello-there', text: 'Hello there' }], frontmatter: {}, imagePaths: [] },
    });
    expect(modules).toEqual([]);
  });

  it('leaves an entry that uses components, or is broken, to the MDX integration, as glob() stores it', async () => {
    const { stored, modules } = await load({
      'jsx.mdx': 'Say <abbr title="x">y</abbr>.\n',
      'broken.mdx': 'A <b>broken tag.\n',
    });
    for (const id of ['jsx', 'broken']) {
      expect(stored.get(id)!.deferredRender, id).toBe(true);
      expect(stored.get(id)!.rendered, id).toBeUndefined();
    }
    expect(modules.sort()).toEqual([expect.stringMatching(/broken\.mdx$/), expect.stringMatching(/jsx\.mdx$/)]);
  });

  it('leaves every entry to the MDX integration when Markdown is not processed by satteri', async () => {
    const remark = {
      ...config(),
      markdown: { processor: { name: 'unified', options: {} }, gfm: true, smartypants: true },
    } as unknown as AstroConfig;
    const { stored } = await load({ 'plain.mdx': '## Hello\n' }, remark);
    expect(stored.get('plain')!.deferredRender).toBe(true);
  });

  it('makes an entry’s digest change with the renderer, so stored HTML is rendered again when the renderer changes', async () => {
    const { stored } = await load({ 'a.mdx': 'Text.\n' });
    expect(stored.get('a')!.digest).toBe(`digest:${rendererKey(config())}\nText.\n`);
    expect(rendererKey(config())).toBe(rendererKey(config()));
    expect(rendererKey(config({ math: true }))).not.toBe(rendererKey(config()));
    // A project whose packages are installed in a parent folder (a workspace) finds them there.
    const nested = { ...config(), root: pathToFileURL(`${process.cwd()}/tests/fixtures/`) } as AstroConfig;
    expect(rendererKey(nested)).toBe(rendererKey(config()));
  });
});
