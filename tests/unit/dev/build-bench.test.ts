/** The pure parts of `npm run bench:build`: synthetic topics, Starlight pages, Astro's log, the figures. */
import { describe, expect, it } from 'vitest';
import {
  compare,
  completionWatcher,
  cpuTicks,
  growth,
  readBuildLog,
  rssBytes,
  withSyntheticTopics,
} from '../../../src/dev/build-bench.ts';
import { starlightFiles, starlightPage } from '../../../src/dev/starlight-site.ts';
import { parseProseFile } from '../../../src/lib/content/content-files.ts';

const topic = (id: string, title: string) => ({
  id,
  text: `---\ntitle: ${title}\nsummary: A summary long enough for the schema.\naliases: [old-${id}]\nsearchTerms: [term-${id}]\nrelated: [jwt]\n---\n\nThe body of ${id}.\n`,
});
const real = [topic('jwt', 'JSON Web Tokens'), topic('oauth', 'OAuth 2.0')];

describe('withSyntheticTopics', () => {
  const files = withSyntheticTopics(real, 7);

  it('keeps the real topics first and copies them in turn until there are N, every id new', () => {
    expect(files.map((f) => f.id)).toEqual([
      'jwt',
      'oauth',
      'jwt-copy-1',
      'oauth-copy-1',
      'jwt-copy-2',
      'oauth-copy-2',
      'jwt-copy-3',
    ]);
    expect(files[0]).toBe(real[0]);
  });

  it('gives each copy a title of its own and no aliases, keeping the rest of the frontmatter and the body', () => {
    const copies = files.slice(2).map((f) => parseProseFile(f.text));
    expect(new Set(copies.map((c) => (c.data as { title: string }).title)).size).toBe(copies.length);
    expect(copies[0]!.data).toEqual({
      title: 'JSON Web Tokens (copy 1)',
      summary: 'A summary long enough for the schema.',
      searchTerms: ['term-jwt copy1'],
      related: ['jwt'],
    });
    expect(copies[0]!.body).toBe('\nThe body of jwt.\n');
  });

  it("marks each search term as the copy's, so no two entries claim one term, within the 40-character limit", () => {
    const withTerms = {
      id: 'k8s',
      text: `---\ntitle: Kubernetes\nsummary: A summary long enough for the schema.\nsearchTerms: [k8s, ${'y'.repeat(40)}]\n---\n`,
    };
    const terms = withSyntheticTopics([withTerms], 3).flatMap(
      (f) => (parseProseFile(f.text).data as { searchTerms: string[] }).searchTerms,
    );
    expect(terms.slice(0, 4)).toEqual(['k8s', 'y'.repeat(40), 'k8s copy1', `${'y'.repeat(32)} copy1`]);
    expect(new Set(terms).size).toBe(6);
    expect(Math.max(...terms.map((t) => t.length))).toBeLessThanOrEqual(40);
  });

  it('keeps a copied title within the 90-character limit', () => {
    const [, copy] = withSyntheticTopics([topic('long', 'x'.repeat(90))], 2);
    expect((parseProseFile(copy!.text).data as { title: string }).title).toHaveLength(90);
  });

  it('returns the first N real topics when N is smaller, and refuses an empty source', () => {
    expect(withSyntheticTopics(real, 1).map((f) => f.id)).toEqual(['jwt']);
    expect(() => withSyntheticTopics([], 3)).toThrow(/no real topics/);
  });
});

describe('the Starlight site', () => {
  it('has each topic page with title, summary as description, and the body', () => {
    const page = parseProseFile(starlightPage(real[0]!.text));
    expect(page.data).toEqual({ title: 'JSON Web Tokens', description: 'A summary long enough for the schema.' });
    expect(page.body).toBe('\nThe body of jwt.\n');
  });

  it('draws a card per page with astro-og-canvas in our fonts and tags it, only in the run with cards', () => {
    const withCards = starlightFiles(true);
    const route = withCards['src/pages/og/[...slug].ts']!;
    expect(route).toMatch(/OGImageRoute\(/);
    expect(route).toContain("getCollection('docs')");
    expect(route).toContain('./src/fonts/inter-latin-700-normal.woff');
    expect(withCards['astro.config.mjs']).toContain("routeMiddleware: './src/card-tag.ts'");
    expect(withCards['src/card-tag.ts']).toContain("property: 'og:image'");
    const without = starlightFiles(false);
    expect(Object.keys(without).sort()).toEqual([
      'astro.config.mjs',
      'src/content.config.ts',
      'src/content/docs/index.md',
    ]);
    expect(without['astro.config.mjs']).not.toContain('routeMiddleware');
  });
});

describe('readBuildLog', () => {
  it('reads pages and seconds in each of the formats Astro uses, colour codes included', () => {
    expect(readBuildLog('09:01:02 [build] 12 page(s) built in 812ms\n')).toEqual({
      pages: 12,
      pagesSeconds: 0.812,
      complete: false,
    });
    expect(
      readBuildLog('\x1b[34m[build]\x1b[39m 2795 page(s) built in \x1b[1m41.25s\x1b[22m\n09:02 [build] Complete!'),
    ).toEqual({ pages: 2795, pagesSeconds: 41.25, complete: true });
    expect(readBuildLog('10000 page(s) built in 2m 5s').pagesSeconds).toBe(125);
  });

  it('says nothing it did not read', () => {
    expect(readBuildLog('[ERROR] something broke')).toEqual({
      pages: undefined,
      pagesSeconds: undefined,
      complete: false,
    });
  });
});

describe('completionWatcher', () => {
  it('sees "Complete!" in the chunk that ends it, even split across chunks or colour codes', () => {
    const whole = completionWatcher();
    expect(whole('09:01 [build] 12 page(s) built in 812ms\n')).toBe(false);
    expect(whole('09:02 [build] \x1b[32mComplete!\x1b[39m\n')).toBe(true);
    const split = completionWatcher();
    expect(['09:02 [build] Comp', 'let', 'e!\n'].map(split)).toEqual([false, false, true]);
    const coloured = completionWatcher();
    expect(['[build] \x1b[3', '2mComplete!'].map(coloured)).toEqual([false, true]);
  });

  it('does not see it in a page or file that only has the word in it', () => {
    const watch = completionWatcher();
    expect(['├─ /topics/incomplete-data/index.html', ' Completed in 50.11s.'].map(watch)).toEqual([false, false]);
  });
});

describe('growth', () => {
  const run = (pages: number, seconds: number) => ({ pages, seconds, cpuSeconds: seconds, peakBytes: 0 });

  it('is 1 for time proportional to pages and 2 for quadratic time', () => {
    expect(growth(run(1000, 20), run(4000, 80)).exponent).toBeCloseTo(1);
    expect(growth(run(1000, 20), run(4000, 320)).exponent).toBeCloseTo(2);
  });

  it('gives the cost of each added page', () => {
    expect(growth(run(1000, 30), run(3000, 70)).marginalMsPerPage).toBeCloseTo(20);
  });

  it('needs a larger second run', () => {
    expect(() => growth(run(1000, 20), run(1000, 20))).toThrow();
  });
});

it('compare gives ours against theirs per page (wall and CPU) and in peak memory', () => {
  const ours = { pages: 2000, seconds: 40, cpuSeconds: 60, peakBytes: 1.5e9 };
  const theirs = { pages: 1000, seconds: 40, cpuSeconds: 20, peakBytes: 3e9 };
  expect(compare(ours, theirs)).toEqual({ wall: 0.5, cpu: 1.5, peak: 0.5 });
});

it('rssBytes sums VmRSS over processes and skips texts without it', () => {
  expect(rssBytes(['Name:\tnode\nVmRSS:\t  1000 kB\n', 'VmRSS:\t24 kB\n', 'Name:\tzombie\n'])).toBe(1024 * 1024);
});

it('cpuTicks adds user, system and waited-for children times, even when the name has spaces', () => {
  const stat = '4242 (node (astro) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 150 50 7 3 20 0 11 0 100 0 0';
  expect(cpuTicks(stat)).toBe(210);
});
