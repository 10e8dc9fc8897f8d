import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { labEngineFiles, listFiles, precacheOf, roadmapLists } from '../../../src/after-build/offline.ts';
import { formatBytes } from '../../../src/components/roadmap/save-offline.ts';
import {
  cacheNames,
  engineFilesToKeep,
  pageKey,
  roadmapListUrl,
  roadmapOfCache,
  roadmapOfflineKey,
  shellUrls,
  strategyFor,
  topicLinks,
} from '../../../src/lib/offline/cache-rules.ts';
import { markPng } from '../../../src/lib/icons/site-icons.ts';
import { GET as manifestRoute } from '../../../src/pages/manifest.webmanifest.ts';

const origin = 'https://backend-atlas.dev';
const strategy = (path: string, options?: Parameters<typeof strategyFor>[2]) =>
  strategyFor(new URL(path, origin), origin, options);

describe('how the worker answers a request', () => {
  it('pages are network first, kept for offline', () => {
    expect(strategy('/topics/jwt/')).toBe('page');
    expect(strategy('/roadmaps/backend-developer/?share=abc')).toBe('page');
    expect(strategy('/some/navigation', { navigate: true })).toBe('page');
  });

  it('content-hashed files are cache first: bundled CSS/JS and the search index chunks', () => {
    for (const path of [
      '/_astro/BaseLayout.RlmYDxP-.css',
      '/_astro/search-dialog.D5bFshXX.js',
      '/pagefind/index/en_15f91de.pf_index',
      '/pagefind/fragment/en_1a2b3c.pf_fragment',
      '/pagefind/filter/en_9.pf_filter',
      '/pagefind/pagefind.en_9b28f8c72c.pf_meta',
    ]) {
      expect(strategy(path), path).toBe('cache-first');
    }
  });

  it('files whose names do not change with their content are network first, so a new deploy is never mixed with old code', () => {
    for (const path of [
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.en.pagefind',
      '/manifest.webmanifest',
      '/offline/backend-developer.json',
    ]) {
      expect(strategy(path), path).toBe('network-first');
    }
  });

  it('leaves alone other origins, the worker script itself and anything but GET', () => {
    expect(strategyFor(new URL('https://example.com/x/'), origin)).toBe('none');
    expect(strategy('/sw.js')).toBe('none');
    expect(strategy('/topics/jwt/', { method: 'POST' })).toBe('none');
  });

  it('keeps one copy of a page whatever its query or fragment', () => {
    expect(pageKey(new URL('/roadmaps/x/?share=1#stage', origin))).toBe(`${origin}/roadmaps/x/`);
  });
});

describe('what the shell precaches', () => {
  const build = [
    '/_astro/BaseLayout.abc.css',
    '/_astro/RoadmapView.def.js',
    '/_astro/RoadmapView.def.js.map',
    '/_astro/fonts/inter.woff2',
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-worker.js',
    '/pagefind/pagefind-component-ui.js',
    '/pagefind/pagefind-component-ui.css',
    '/pagefind/pagefind-entry.json',
    '/pagefind/pagefind.en_9b28.pf_meta',
    '/pagefind/wasm.en.pagefind',
    '/pagefind/filter/en_1.pf_filter',
    '/pagefind/index/en_2.pf_index',
    '/pagefind/fragment/en_3.pf_fragment',
    '/search-exact/go.json',
    '/favicon.svg',
    '/favicon-32.png',
    '/apple-touch-icon.png',
    '/icon-192.png',
    '/icon-512-maskable.png',
    '/manifest.webmanifest',
    '/offline/index.html',
    '/offline/backend-developer.json',
    '/index.html',
    '/topics/jwt/index.html',
    '/og/topics/jwt.png',
    '/sitemap-index.xml',
    '/sw.js',
    '/atlas-check.mjs',
    '/projects/to-do-list-api/openapi.json',
  ];

  it('takes CSS, JS, fonts, the search UI code, small index files and exact-phrase shards, icons, the offline page and the project checker', () => {
    expect(shellUrls(build)).toEqual([
      '/_astro/BaseLayout.abc.css',
      '/_astro/RoadmapView.def.js',
      '/_astro/fonts/inter.woff2',
      '/apple-touch-icon.png',
      '/atlas-check.mjs',
      '/favicon-32.png',
      '/favicon.svg',
      '/icon-192.png',
      '/icon-512-maskable.png',
      '/manifest.webmanifest',
      '/offline/',
      '/pagefind/filter/en_1.pf_filter',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind-worker.js',
      '/pagefind/pagefind.en_9b28.pf_meta',
      '/pagefind/pagefind.js',
      '/pagefind/wasm.en.pagefind',
      '/search-exact/go.json',
    ]);
  });

  it('leaves out pages, index chunks, fragments, link preview cards, source maps and the worker', () => {
    const shell = shellUrls(build);
    for (const path of [
      '/',
      '/topics/jwt/',
      '/pagefind/index/en_2.pf_index',
      '/pagefind/fragment/en_3.pf_fragment',
      '/og/topics/jwt.png',
      '/_astro/RoadmapView.def.js.map',
      '/sw.js',
      '/offline/backend-developer.json',
      // A project's OpenAPI document is kept as a learner fetches it, not sent to every visitor.
      '/projects/to-do-list-api/openapi.json',
    ]) {
      expect(shell, path).not.toContain(path);
    }
  });
});

describe('keeping a lab engine on a page’s request (a message is input from outside)', () => {
  const lists = {
    sql: ['/_astro/sql-worker-a.js', '/_astro/pglite.b.wasm'],
    code: ['/_astro/code-worker-c.js', '//evil.example/_astro/x.js', '/labs/secret/', '/_astro/../sw.js'],
    api: [],
    python: [],
    'python-db': [],
  };
  it('fetches the files the build listed for a kind it knows, of this origin’s /_astro/ only', () => {
    expect(engineFilesToKeep(lists, 'sql', origin)).toEqual([
      `${origin}/_astro/sql-worker-a.js`,
      `${origin}/_astro/pglite.b.wasm`,
    ]);
    expect(engineFilesToKeep(lists, 'code', origin)).toEqual([`${origin}/_astro/code-worker-c.js`]);
  });
  it('fetches nothing for a kind it does not know', () => {
    for (const kind of ['design', '__proto__', 'constructor', 'toString', 42, null, undefined, ['sql']])
      expect(engineFilesToKeep(lists, kind, origin)).toEqual([]);
  });
});

describe('cache names and roadmap pages', () => {
  it('names every cache after its build, and finds the roadmap of a saved copy', () => {
    const names = cacheNames('0123abcd');
    expect(names.shell).toBe('atlas-0123abcd-shell');
    expect(names.roadmap('backend-developer')).toBe('atlas-0123abcd-roadmap-backend-developer');
    expect(roadmapOfCache(names.roadmap('backend-developer'))).toBe('backend-developer');
    expect(roadmapOfCache(names.pages)).toBeUndefined();
  });

  it('a roadmap saves the topic pages it links to, each once, in the language it links them in', () => {
    const html =
      '<a href="/topics/dns/">DNS</a><a href="/topics/http/">HTTP</a><a href="/topics/dns/">again</a><a href="/topics/">all</a><a href="/topics/tls/#keys">x</a><a href="/roles/x/">r</a><a href="/pt-br/topics/sql/">SQL</a>';
    expect(topicLinks(html)).toEqual(['/pt-br/topics/sql/', '/topics/dns/', '/topics/http/']);
  });

  it('formats sizes for people', () => {
    expect([formatBytes(120), formatBytes(840_400), formatBytes(1_340_000)]).toEqual(['1 KB', '840 KB', '1.3 MB']);
    expect(formatBytes(1_340_000, 'pt-BR')).toBe('1,3 MB');
    expect(formatBytes(12_000_000)).toBe('12.0 MB');
  });
});

describe('the build step (src/after-build/offline.ts) on a small build', () => {
  let dist: string;
  const put = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), content);
  };
  const page = (title: string, body = '') =>
    `<html><head><title>${title} · Backend Atlas</title></head><body>${body}</body></html>`;
  const setUp = () => {
    dist = mkdtempSync(join(tmpdir(), 'atlas-offline-'));
    put(
      'roadmaps/api/index.html',
      page('API developer', '<a href="/topics/rest/">REST</a><a href="/topics/grpc/">gRPC</a>'),
    );
    put('roadmaps/index.html', page('Roadmaps', '<a href="/roadmaps/api/">API</a>'));
    put('topics/rest/index.html', page('REST &amp; HTTP'));
    put('topics/grpc/index.html', page('gRPC'));
    put('offline/index.html', page('You are offline'));
    put('_astro/app.abc.js', 'console.log(1)');
    put('pagefind/pagefind.js', 'pagefind');
    put('pagefind/index/en_1.pf_index', 'index');
    put('pagefind/fragment/en_a.pf_fragment', 'fragment a');
    put('pagefind/fragment/en_b.pf_fragment', 'fragment b');
  };
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('lists for each roadmap its page, its topics with titles, and the whole search index', () => {
    setUp();
    const [list, ...others] = roadmapLists(dist, listFiles(dist));
    expect(others).toEqual([]);
    expect(list!.roadmap).toBe('api');
    expect(list!.title).toBe('API developer');
    expect(list!.files.map((f) => [f.kind, f.url, f.title])).toEqual([
      ['page', '/roadmaps/api/', 'API developer'],
      ['page', '/topics/grpc/', 'gRPC'],
      ['page', '/topics/rest/', 'REST & HTTP'],
      ['index', '/pagefind/fragment/en_a.pf_fragment', undefined],
      ['index', '/pagefind/fragment/en_b.pf_fragment', undefined],
      ['index', '/pagefind/index/en_1.pf_index', undefined],
    ]);
    expect(list!.files.every((f) => f.bytes > 0)).toBe(true);
  });

  it('lists a translated roadmap apart, under its language: its pages in that language, the labs of their topics', () => {
    setUp();
    put(
      'pt-br/roadmaps/api/index.html',
      page('Desenvolvedor de APIs', '<a href="/pt-br/topics/rest/">REST</a><a href="/topics/grpc/">gRPC</a>'),
    );
    put('pt-br/topics/rest/index.html', page('REST e HTTP'));
    put('labs/rest-lab/index.html', page('A REST lab', '<a href="/topics/rest/">REST</a>'));
    const lists = roadmapLists(dist, listFiles(dist));
    lists.sort((a, b) => a.roadmap.length - b.roadmap.length);
    expect(lists.map((l) => l.roadmap)).toEqual(['api', 'pt-br/api']);
    expect(roadmapListUrl(lists[1]!.roadmap)).toBe('/offline/pt-br/api.json');
    expect(roadmapOfflineKey('/pt-br/roadmaps/api/')).toBe('pt-br/api');
    expect(roadmapOfflineKey('/roadmaps/api/')).toBe('api');
    const [english, portuguese] = lists.map((l) => l.files.filter((f) => f.kind !== 'index').map((f) => f.url));
    expect(portuguese).toEqual(['/pt-br/roadmaps/api/', '/pt-br/topics/rest/', '/topics/grpc/', '/labs/rest-lab/']);
    expect(english).toEqual(['/roadmaps/api/', '/topics/grpc/', '/topics/rest/', '/labs/rest-lab/']);
  });

  it('lists a lab in the roadmap’s language where it is translated', () => {
    setUp();
    put('pt-br/roadmaps/api/index.html', page('Desenvolvedor de APIs', '<a href="/pt-br/topics/rest/">REST</a>'));
    put('pt-br/topics/rest/index.html', page('REST e HTTP'));
    put('labs/rest-lab/index.html', page('A REST lab', '<a href="/topics/rest/">REST</a>'));
    put('pt-br/labs/rest-lab/index.html', page('Um lab de REST', '<a href="/pt-br/topics/rest/">REST</a>'));
    const portuguese = roadmapLists(dist, listFiles(dist)).find((l) => l.roadmap === 'pt-br/api')!;
    expect(portuguese.files.filter((f) => f.kind === 'lab').map((f) => [f.url, f.title])).toEqual([
      ['/pt-br/labs/rest-lab/', 'Um lab de REST'],
    ]);
  });

  it('fails the build when a roadmap page links to no topic', () => {
    setUp();
    put('roadmaps/empty/index.html', page('Empty'));
    expect(() => roadmapLists(dist, listFiles(dist))).toThrow('/roadmaps/empty/ links to no topic page');
  });

  it('revisions the shell by content: a changed file changes its revision and the version, the others keep theirs', () => {
    setUp();
    const before = precacheOf(dist, listFiles(dist));
    expect(before.entries.map((e) => e.url)).toEqual(['/_astro/app.abc.js', '/offline/', '/pagefind/pagefind.js']);
    put('pagefind/pagefind.js', 'pagefind 2');
    const after = precacheOf(dist, listFiles(dist));
    expect(after.version).not.toBe(before.version);
    const revision = (p: typeof before, url: string) => p.entries.find((e) => e.url === url)!.revision;
    expect(revision(after, '/pagefind/pagefind.js')).not.toBe(revision(before, '/pagefind/pagefind.js'));
    expect(revision(after, '/_astro/app.abc.js')).toBe(revision(before, '/_astro/app.abc.js'));
    expect(precacheOf(dist, listFiles(dist)).version).toBe(after.version);
  });

  it('keeps the lab engines out of the shell and saves a roadmap’s labs with the engines of their kind', () => {
    setUp();
    // The page script loads the editor on demand; the editor starts any of the workers; each loads its engines.
    put('_astro/LabWorkbench.x1.js', 'import("./workbench.x2.js"); import "./progress.x3.js"');
    put('_astro/progress.x3.js', 'export const p = 1');
    put('_astro/other-page.x4.js', 'import "./progress.x3.js"');
    put(
      '_astro/workbench.x2.js',
      'new Worker(new URL("sql-worker-x5.js", import.meta.url)); new Worker(new URL("code-worker-x6.js", import.meta.url)); new Worker(new URL("api-worker-x9.js", import.meta.url)); new Worker(new URL("python-worker-x10.js", import.meta.url)); import "./progress.x3.js"',
    );
    put(
      '_astro/api-worker-x9.js',
      'new URL("pglite-x7.wasm", import.meta.url); new URL("emscripten-module-x8.wasm", import.meta.url)',
    );
    put('_astro/sql-worker-x5.js', 'fetch(new URL("pglite-x7.wasm", import.meta.url))');
    put('_astro/code-worker-x6.js', 'fetch(new URL("emscripten-module-x8.wasm", import.meta.url))');
    // Pyodide's files sit in a folder the build copies them to, named as Pyodide looks for them.
    put(
      '_astro/python-worker-x10.js',
      'const indexURL = "/_astro/pyodide-ab12/"; load(indexURL + "pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs")',
    );
    put('_astro/pyodide-ab12/pyodide.asm.wasm', Buffer.from([0, 97, 115, 109, 2]));
    put('_astro/pyodide-ab12/pyodide.asm.mjs', 'export default 1');
    put('_astro/pyodide-ab12/python_stdlib.zip', Buffer.from([80, 75]));
    put('_astro/pglite-x7.wasm', Buffer.from([0, 97, 115, 109]));
    put('_astro/emscripten-module-x8.wasm', Buffer.from([0, 97, 115, 109, 1]));
    put(
      'labs/index-orders/index.html',
      page(
        'Index orders',
        '<atlas-lab-workbench data-lab="index-orders" data-language="sql" data-engine="sql"></atlas-lab-workbench><a href="/topics/rest/">REST</a>',
      ),
    );

    const engines = labEngineFiles(dist, listFiles(dist));
    expect(engines).toEqual({
      sql: ['/_astro/pglite-x7.wasm', '/_astro/sql-worker-x5.js', '/_astro/workbench.x2.js'],
      code: ['/_astro/code-worker-x6.js', '/_astro/emscripten-module-x8.wasm', '/_astro/workbench.x2.js'],
      api: [
        '/_astro/api-worker-x9.js',
        '/_astro/emscripten-module-x8.wasm',
        '/_astro/pglite-x7.wasm',
        '/_astro/workbench.x2.js',
      ],
      python: [
        '/_astro/pyodide-ab12/pyodide.asm.mjs',
        '/_astro/pyodide-ab12/pyodide.asm.wasm',
        '/_astro/pyodide-ab12/python_stdlib.zip',
        '/_astro/python-worker-x10.js',
        '/_astro/workbench.x2.js',
      ],
      // No Python database worker in this build: only the editor they all share.
      'python-db': ['/_astro/workbench.x2.js'],
    });
    const shell = precacheOf(dist, listFiles(dist)).entries.map((e) => e.url);
    expect(shell).toEqual(
      expect.arrayContaining(['/_astro/LabWorkbench.x1.js', '/_astro/progress.x3.js', '/_astro/other-page.x4.js']),
    );
    for (const file of [...engines.sql, ...engines.code, ...engines.api, ...engines.python])
      expect(shell).not.toContain(file);

    const [list] = roadmapLists(dist, listFiles(dist));
    expect(list!.files.filter((f) => f.kind === 'lab' || f.kind === 'engine').map((f) => [f.kind, f.url])).toEqual([
      ['lab', '/labs/index-orders/'],
      ...engines.sql.map((url) => ['engine', url]),
    ]);
  });

  it('fails the build without an offline page', () => {
    setUp();
    rmSync(join(dist, 'offline'), { recursive: true });
    expect(() => precacheOf(dist, listFiles(dist))).toThrow('no /offline/ page');
  });
});

describe('installing the site', () => {
  it('the manifest names the app, starts at the home page, stands alone and lists 192, 512 and maskable icons', async () => {
    const manifest = (await (await manifestRoute({} as never)).json()) as {
      theme_color: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Backend Atlas',
      short_name: 'Atlas',
      start_url: '/',
      display: 'standalone',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.icons.map((i) => `${i.src} ${i.sizes} ${i.purpose}`)).toEqual([
      '/icon-192.png 192x192 any',
      '/icon-512.png 512x512 any',
      '/icon-512-maskable.png 512x512 maskable',
    ]);
  });

  it('renders the maskable icon at its size', async () => {
    const view = new DataView((await markPng(512, { maskable: true })).buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([512, 512]);
  });
});
