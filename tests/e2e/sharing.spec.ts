/** Link previews, structured data and the share button, checked on the built site. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { readContentDir } from '../../src/lib/content/content-files.ts';
import { entryUrl } from '../../src/lib/site/urls.ts';
import { builtPages, DIST } from './build-output.ts';
import { mainRoadmap, topic, topicQuestion } from './content.ts';
import { copiedText, recordClipboard } from './learner.ts';

/** The pages of content entries that get a card, by URL, with their collection. */
const CARD_COLLECTIONS = new Set(['roadmaps', 'topics', 'roles', 'questions', 'projects']);
const DETAIL_PAGES = new Map(
  readContentDir()
    .filter((e) => CARD_COLLECTIONS.has(e.collection))
    .map((e) => [entryUrl(e.collection, e.id), e.collection]),
);
const LD_TYPE: Record<string, string> = {
  roadmaps: 'LearningResource',
  topics: 'LearningResource',
  projects: 'LearningResource',
  questions: 'QAPage',
  roles: 'Occupation',
};
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1]?.replaceAll('&amp;', '&');
const pages = builtPages().filter((p) => !p.html.includes('http-equiv="refresh"'));
const details = pages.filter((p) => DETAIL_PAGES.has(p.path));

test('every detail page has Open Graph and Twitter tags whose absolute URLs exist in the build', () => {
  expect(details.length).toBe(DETAIL_PAGES.size);
  console.log(`sharing: checking OG tags and cards on all ${details.length} detail pages`);
  const problems: string[] = [];
  for (const { path, html } of details) {
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    const [title, description, url, image] = ['og:title', 'og:description', 'og:url', 'og:image'].map((k) =>
      meta(html, k),
    );
    if (!title || !description) problems.push(`${path}: og:title/og:description missing`);
    if (meta(html, 'twitter:card') !== 'summary_large_image') problems.push(`${path}: twitter:card`);
    if (!url || url !== canonical || new URL(url).pathname !== path)
      problems.push(`${path}: og:url ${url} is not the canonical URL of this page`);
    if (!image || !/^https?:\/\//.test(image)) {
      problems.push(`${path}: og:image ${image} is not absolute`);
      continue;
    }
    const file = join(DIST, new URL(image).pathname);
    if (!existsSync(file)) {
      problems.push(`${path}: og:image ${image} is not in the build`);
      continue;
    }
    const png = readFileSync(file);
    if (png.readUInt32BE(16) !== 1200 || png.readUInt32BE(20) !== 630) problems.push(`${path}: card is not 1200×630`);
  }
  expect(problems).toEqual([]);
});

test('JSON-LD on every page parses, has breadcrumbs, and describes detail pages with the right schema.org type', () => {
  const problems: string[] = [];
  for (const { path, html } of pages) {
    if (path.endsWith('404.html') || path === '/404/') continue;
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    if (blocks.length !== 1) {
      problems.push(`${path}: ${blocks.length} JSON-LD blocks`);
      continue;
    }
    let items: { '@type': string; '@context': string }[];
    try {
      items = JSON.parse(blocks[0]![1]!);
    } catch (error) {
      problems.push(`${path}: JSON-LD does not parse (${(error as Error).message})`);
      continue;
    }
    const types = items.map((i) => i['@type']);
    if (!items.every((i) => i['@context'] === 'https://schema.org')) problems.push(`${path}: @context`);
    if (!types.includes('BreadcrumbList')) problems.push(`${path}: no BreadcrumbList`);
    const collection = DETAIL_PAGES.get(path);
    if (collection && !types.includes(LD_TYPE[collection]!))
      problems.push(`${path}: expected ${LD_TYPE[collection]}, got ${types.join(', ')}`);
  }
  expect(problems).toEqual([]);
});

test('the question page’s QAPage carries the question and its short answer', () => {
  const page = details.find((p) => p.path === topicQuestion.url)!;
  const items = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.html)![1]!) as {
    '@type': string;
    mainEntity: { '@type': string; acceptedAnswer: { text: string } };
  }[];
  const qa = items.find((i) => i['@type'] === 'QAPage')!;
  expect(qa.mainEntity['@type']).toBe('Question');
  expect(qa.mainEntity.acceptedAnswer.text.length).toBeGreaterThan(40);
});

test('the share button copies the link when the Web Share API is absent, and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await recordClipboard(page);
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });
  });
  await page.goto(topic.url);
  await page.getByRole('button', { name: 'Share this page' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied to the clipboard.' })).toBeVisible();
  expect(await copiedText(page)).toMatch(new RegExp(`^https?://[^/]+${topic.url}$`));
});

test('the share button uses the Web Share API where the browser has it', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { shareCalls: unknown[] }).shareCalls = calls;
    Object.defineProperty(Navigator.prototype, 'share', {
      value: (data: unknown) => Promise.resolve(void calls.push(data)),
      configurable: true,
    });
  });
  await page.goto(mainRoadmap.url);
  await page.locator('[data-tools] summary').click(); // the share, reset and offline controls are one step away
  await page.getByRole('button', { name: 'Share this page' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Shared.' })).toBeVisible();
  const calls = await page.evaluate(
    () => (window as unknown as { shareCalls: { url: string; title: string }[] }).shareCalls,
  );
  expect(calls).toEqual([{ title: mainRoadmap.title, url: expect.stringMatching(new RegExp(`${mainRoadmap.url}$`)) }]);
});
