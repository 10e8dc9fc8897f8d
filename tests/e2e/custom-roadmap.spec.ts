/**
 * A learner's own roadmap, as a new user meets it: build one in the builder (stages, our topics by search, an own
 * link, keyboard reordering, prerequisite hints), open it as a link in a fresh browser profile, mark progress there
 * and see it on our roadmap; start one from a job advert; open tampered and truncated links and lose nothing;
 * My roadmaps on /progress/ (rename, delete with undo, export); the walk on topic pages; axe in both themes.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { writeFileSync } from 'node:fs';
import { encodeRoadmap, toRoadmapFile } from '../../src/lib/custom-roadmap/roadmap-link.ts';
import { axeBothThemes } from './axe.ts';
import { mainRoadmap, named, otherRoadmap, teamTopics, topic, topicPrerequisite } from './content.ts';
import { anotherBrowser, readStoreText } from './learner.ts';

const BUILDER = '/roadmaps/new/';
const stored = readStoreText;
const STAGES = ['HTTP and APIs', 'Data', 'Auth'];
const team = teamTopics.flat();
/** The topic marked done on the team's roadmap: done on ours too. */
const marked = teamTopics[2]![0]!;

/** Searches the atlas from a stage's search box for a topic's title and adds that topic. */
async function addTopic(page: Page, stage: number, title: string) {
  const search = page.locator(`[data-topic-search="${stage}"]`);
  await search.fill(title);
  await page
    .locator(`[data-search-results="${stage}"]`)
    .getByRole('button', { name: `Add ${title} to stage ${stage + 1}`, exact: true })
    .click();
  await expect(
    page.locator(`[data-stage-card="${stage}"] .builder-item-name`).getByText(title, { exact: true }),
  ).toHaveCount(1);
}

const titles = (page: Page, stage: number) =>
  page.locator(`[data-stage-card="${stage}"] .builder-item-name`).allTextContents();

/** Builds a 3-stage roadmap: 8 of our topics and one own link. Returns the roadmap's link. */
async function buildTeamRoadmap(page: Page): Promise<string> {
  await page.goto(BUILDER);
  await expect(page.locator('[data-stages] [data-stage-card]')).toHaveCount(1);
  await page.locator('[data-field="title"]').fill('Backend onboarding at Acme');
  await page.locator('[data-field="summary"]').fill('Three weeks to your first on-call shift.');
  await page.locator('[data-field="stage-title"]').first().fill(STAGES[0]!);
  // A word the atlas does not teach finds no topic (Pagefind alone finds topics holding its first letter).
  await page.locator('[data-topic-search="0"]').fill('elixir');
  await expect(page.locator('[data-search-results="0"]')).toHaveText('No topic matches “elixir”.');
  for (const t of teamTopics[0]!) await addTopic(page, 0, t.title);
  await page.getByRole('button', { name: 'Add a stage' }).click();
  await expect(page.locator('[data-field="stage-title"]').nth(1)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(STAGES[1]!);
  for (const t of teamTopics[1]!) await addTopic(page, 1, t.title);
  const own = page.locator('[data-stage-card="1"] details.builder-own');
  await own.locator('summary').click();
  await own.getByLabel('Title').fill('Our schema guide');
  await own.getByLabel('Address (https://…)').fill('javascript:alert(1)');
  await own.getByRole('button', { name: 'Add link' }).click();
  await expect(own.locator('[data-link-error]')).toContainText('only https: addresses');
  await own.getByLabel('Address (https://…)').fill('https://wiki.example.com/schema');
  await own.getByLabel('Note (optional)').fill('Read before your first migration.');
  await own.getByRole('button', { name: 'Add link' }).click();
  await page.getByRole('button', { name: 'Add a stage' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(STAGES[2]!);
  for (const t of teamTopics[2]!) await addTopic(page, 2, t.title);
  await expect(page.locator('[data-builder-summary]')).toHaveText(/3 stages · 8 topics/);
  await page.getByRole('button', { name: 'Open my roadmap' }).click();
  await page.waitForURL(/\/roadmaps\/custom\/#roadmap=1\./);
  await expect(page.locator('atlas-roadmap-view .rg-topic[id]')).toHaveCount(8);
  return page.url();
}

/** The same roadmap as buildTeamRoadmap makes, as a link made here: for the tests about what happens after building. */
const OWN_LINK = {
  kind: 'link' as const,
  title: 'Our schema guide',
  url: 'https://wiki.example.com/schema',
  note: 'Read before your first migration.',
};
const TEAM = {
  id: 'my-acmeteam01',
  title: 'Backend onboarding at Acme',
  summary: 'Three weeks to your first on-call shift.',
  stages: teamTopics.map((topics, i) => ({
    title: STAGES[i]!,
    items: [
      ...topics.map((t) => ({ kind: 'topic' as const, id: t.id, optional: false })),
      ...(i === 1 ? [OWN_LINK] : []),
    ],
  })),
};
async function openTeamRoadmap(page: Page): Promise<string> {
  const link = `/roadmaps/custom/#roadmap=${await encodeRoadmap(TEAM)}`;
  await page.goto(link);
  await expect(page.locator('atlas-roadmap-view .rg-topic[id]')).toHaveCount(8);
  return new URL(link, page.url()).href;
}

test('build a 3-stage roadmap, open its link in a fresh profile, mark progress there and see it on our roadmap', async ({
  page,
  browser,
}) => {
  const link = await buildTeamRoadmap(page);
  expect(link.length).toBeLessThan(2000);
  await expect(page.locator('h1')).toHaveText('Backend onboarding at Acme');
  await expect(page.locator('.rg-own a')).toHaveAttribute('href', 'https://wiki.example.com/schema');
  await expect(page.locator('.rg-own')).toContainText('Read before your first migration.');
  // The maker's browser keeps it as their own.
  expect(
    Object.values((JSON.parse((await stored(page))!) as { roadmaps: Record<string, { origin: string }> }).roadmaps).map(
      (r) => r.origin,
    ),
  ).toEqual(['made']);

  const other = await anotherBrowser(browser);
  await other.goto(link);
  await expect(other.locator('h1')).toHaveText('Backend onboarding at Acme');
  await expect(other.locator('.rg-stage-name')).toHaveText(STAGES);
  await other.locator('[data-tools] summary').click();
  await expect(other.locator('[data-tools]')).toContainText('8 topics: 8 required');
  await other.locator('[data-tools] summary').click();
  await other.locator(`.rg-topic[id="${marked.id}"] .rg-topic-link`).focus();
  await other.keyboard.press('d');
  await expect(other.locator(`.rg-topic[id="${marked.id}"]`)).toHaveAttribute('data-state', 'done');
  await expect(other.locator('[data-progress-summary]')).toContainText('1 of 8 required finished');
  // The same topic on our roadmap is done too: progress is per topic.
  await other.goto(mainRoadmap.url);
  await expect(other.locator(`.rg-topic[id="${marked.id}"]`)).toHaveAttribute('data-state', 'done');
  // The opened roadmap is in My roadmaps, with its progress.
  await other.goto('/progress/');
  const card = other.locator('[data-my-roadmap]');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Opened from a link');
  await expect(card).toContainText('1 of 8 required finished');
  await other.context().close();
});

test('the walk on a topic page follows the learner’s own roadmap', async ({ page }) => {
  await openTeamRoadmap(page);
  await page.locator(`.rg-topic[id="${team[3]!.id}"] .rg-topic-link`).click();
  await page.waitForURL(`**${team[3]!.url}`);
  const walk = page.locator('atlas-roadmap-walk').first();
  await expect(walk.locator('[data-walk-roadmap]')).toHaveText('Backend onboarding at Acme');
  await expect(walk.locator('[data-walk-where]')).toHaveText(`Stage 2: ${STAGES[1]} · topic 4 of 8`);
  await expect(walk.locator('[data-walk-next]')).toHaveAttribute('href', team[4]!.url);
  await expect(walk.locator('[data-walk-prev]')).toHaveAttribute('href', team[2]!.url);
  await expect(walk.locator('[data-walk-map]')).toHaveAttribute('href', /\/roadmaps\/custom\/#roadmap=1\./);
});

test('items move across stages by keyboard, and prerequisite hints offer what usually comes first', async ({
  page,
}) => {
  await page.goto(BUILDER);
  await addTopic(page, 0, topic.title);
  // A topic usually comes after the first topic of its stage on its roadmap.
  const [before, after] = [topicPrerequisite.title, topic.title];
  const hints = page.locator('[data-hints]');
  await expect(hints).toContainText(`${after} usually comes after ${before}, which is not on your roadmap.`);
  await hints.getByRole('button', { name: `Add ${before} before ${after}` }).click();
  expect(await titles(page, 0)).toEqual([expect.stringContaining(before), expect.stringContaining(after)]);
  await page.getByRole('button', { name: 'Add a stage' }).click();
  // Move it down: past the end of stage 1 it goes into stage 2, and focus stays on its button.
  const down = page.getByRole('button', { name: `Move ${after} down` });
  await down.focus();
  await page.keyboard.press('Enter');
  expect(await titles(page, 1)).toEqual([expect.stringContaining(after)]);
  await expect(down).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter'); // up: back to the end of stage 1
  expect(await titles(page, 0)).toEqual([expect.stringContaining(before), expect.stringContaining(after)]);
  await expect(page.getByRole('status').filter({ hasText: `${after}: stage 1, position 2.` })).toBeAttached();
});

test('a tampered or truncated link says what is wrong and changes nothing the learner had', async ({ page }) => {
  const link = await openTeamRoadmap(page);
  await page.goto(mainRoadmap.url);
  await page.locator(`.rg-topic[id="${marked.id}"] .rg-topic-link`).first().focus();
  await page.keyboard.press('d');
  const before = await stored(page);
  const [base, code] = link.split('#roadmap=') as [string, string];
  const tampered = `${code.slice(0, 40)}${code[40] === 'A' ? 'B' : 'A'}${code.slice(41)}`;
  for (const [bad, reason] of [
    [tampered, /checksum|damaged/],
    [code.slice(0, code.length - 25), /truncated|damaged|checksum/],
    [code.split('.').slice(0, 2).join('.'), /incomplete/],
    ['%E0%A4%A', /incomplete|another version/],
  ] as const) {
    await page.goto('/');
    await page.goto(`${base}#roadmap=${bad}`);
    await expect(page.locator('[data-problem-text]')).toContainText(reason);
    await expect(page.locator('[data-custom-problem]')).toContainText('Nothing you had in this browser has changed.');
    await expect(page.locator('atlas-roadmap-view')).toHaveCount(0);
    expect(await stored(page)).toBe(before);
  }
});

test('a job advert proposes a roadmap in prerequisite order, with what you know, hours and a finish date', async ({
  page,
}) => {
  const { sql, postgresql, kafka, oauth2 } = named;
  await page.goto(mainRoadmap.url);
  await page.locator(`.rg-topic[id="${sql.id}"] .rg-topic-link`).first().focus();
  await page.keyboard.press('d');
  await page.goto(BUILDER);
  await page.getByText('Start from a job advert').click();
  await page
    .getByLabel('The advert’s text')
    .fill(
      'Senior Backend Engineer (Go). You will build services in Go on Kubernetes, store data in PostgreSQL with careful SQL, ' +
        'publish events to Kafka, cache with Redis and secure our APIs with OAuth 2.0 and JWT. Join the rest of the team at our spring offsite.',
    );
  const list = page.locator('[data-advert-list] li');
  await expect(list.filter({ hasText: kafka.title })).toContainText('matched “Kafka”'); // the advert's word
  await expect(list.filter({ hasText: new RegExp(`^\\s*${sql.title}`) }).first()).toContainText('you: done');
  await expect(page.locator('[data-advert-summary]')).toContainText(
    /finished already\. About \d+ hours to learn the rest: \d+ weeks? at 8 hours a week, finishing around \d+ \w+ 20\d\d\./,
  );
  await page.getByRole('button', { name: /Make a roadmap of these \d+ topics/ }).click();
  const order = await page.locator('.builder-item-name').allTextContents();
  // Our roadmaps teach SQL before PostgreSQL and JWT before OAuth 2.0.
  const at = (title: string) => order.findIndex((t) => t.includes(title));
  expect(at(sql.title)).toBeGreaterThanOrEqual(0);
  expect(at(sql.title)).toBeLessThan(at(postgresql.title));
  expect(at(topic.title)).toBeLessThan(at(oauth2.title));
  await page.getByRole('button', { name: 'Open my roadmap' }).click();
  await page.waitForURL(/#roadmap=/);
  await expect(page.locator(`.rg-topic[id="${kafka.id}"]`)).toBeVisible();
  await expect(page.locator(`.rg-topic[id="${sql.id}"]`)).toHaveAttribute('data-state', 'done');
});

test('My roadmaps: rename, delete with undo, and the export carries them', async ({ page }) => {
  await openTeamRoadmap(page);
  await page.goto('/progress/');
  const card = page.locator('[data-my-roadmap]');
  await card.getByRole('button', { name: 'Rename Backend onboarding at Acme' }).click();
  await page.getByLabel('New title').fill('Acme onboarding, v2');
  await page.getByLabel('New title').press('Enter');
  await expect(card.locator('.card-title')).toHaveText('Acme onboarding, v2');
  await card.getByRole('button', { name: 'Delete Acme onboarding, v2' }).click();
  await expect(page.locator('[data-my-roadmap]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('[data-my-roadmap] .card-title')).toHaveText('Acme onboarding, v2');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = JSON.parse(
    await (
      await (await download).createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks as Buffer[]).toString('utf8')),
  ) as { roadmaps: Record<string, { roadmap: { title: string } }> };
  expect(Object.values(file.roadmaps).map((r) => r.roadmap.title)).toEqual(['Acme onboarding, v2']);
  // The card's link opens the renamed roadmap.
  await page.locator('[data-my-roadmap] .card-title').click();
  await expect(page.locator('h1')).toHaveText('Acme onboarding, v2');
});

test('"Make a copy" on our roadmap opens the builder with its stages and topics', async ({ page }) => {
  await page.goto(otherRoadmap.url);
  await page.locator('[data-tools] summary').click();
  await page.getByRole('link', { name: 'Make a copy to change' }).click();
  await expect(page.locator('[data-field="title"]')).toHaveValue(`${otherRoadmap.title} (my copy)`);
  expect(await page.locator('[data-stage-card]').count()).toBeGreaterThan(2);
});

for (const [width, height] of [
  [1440, 900],
  [390, 844],
] as const) {
  test(`a learner's roadmap shows its first stage and first topic in the first screen at ${width} × ${height}`, async ({
    page,
    browser,
  }) => {
    const link = await openTeamRoadmap(page);
    const fresh = await anotherBrowser(browser, undefined, { viewport: { width, height } });
    await fresh.goto(link);
    await expect(fresh.locator('[data-progress-summary]')).not.toBeEmpty();
    const topic = (await fresh.locator('.rg-stage').first().locator('.rg-topic').first().boundingBox())!;
    const title = (await fresh.locator('.rg-stage-title').first().boundingBox())!;
    expect(title.y + title.height).toBeLessThanOrEqual(height);
    expect(topic.y + topic.height).toBeLessThanOrEqual(height);
    await fresh.context().close();
  });
}

test("axe finds nothing on the builder and on a learner's roadmap, in both themes", async ({ page }) => {
  const link = await openTeamRoadmap(page);
  await page.locator('[data-tools] summary').click();
  expect(await axeBothThemes(page), "a learner's roadmap").toEqual([]);
  // The builder with the roadmap in it, an advert matched and hints showing.
  await page.goto(`${BUILDER}${link.slice(link.indexOf('#'))}`);
  await expect(page.locator('[data-stage-card]')).toHaveCount(3);
  await page.getByText('Start from a job advert').click();
  await page.getByLabel('The advert’s text').fill('We run Django and Celery on PostgreSQL, with Redis and Docker.');
  await expect(page.locator('[data-advert-list] li').first()).toBeVisible();
  await expect(page.locator('[data-hints]')).toBeVisible();
  expect(await axeBothThemes(page), 'the builder').toEqual([]);
});

test('a link too long for chat apps is said so, and the roadmap travels as a file that opens on a fresh browser', async ({
  page,
  browser,
}) => {
  // Our topic ids compress well (a copy of Backend Developer makes a link of about 1,100 characters); forty own
  // links with notes do not. The builder opens the roadmap from a file.
  let seed = 7;
  const word = () =>
    Array.from({ length: 6 }, () => 'abcdefghijklmnopqrstuvwxyz'[(seed = (seed * 48271) % 2147483647) % 26]).join('');
  const links = Array.from({ length: 40 }, (_, i) => ({
    kind: 'link' as const,
    title: `Reading ${i + 1}: ${word()} ${word()}`,
    url: `https://docs.example.com/${word()}/${i}`,
    note: `Read ${word()} ${word()} and ${word()}, then ask ${word()}.`,
  }));
  const roadmap = {
    id: 'my-longlink00',
    title: 'Reading list with everything',
    summary: '',
    stages: [{ title: 'Read', items: [{ kind: 'topic' as const, id: team[0]!.id, optional: false }, ...links] }],
  };
  const source = test.info().outputPath('reading.roadmap.json');
  writeFileSync(source, toRoadmapFile(roadmap));
  await page.goto(BUILDER);
  // The file field shows once the builder has loaded the topics it checks a roadmap against.
  await expect(page.getByLabel('Open a roadmap file')).toBeVisible();
  await page.getByLabel('Open a roadmap file').setInputFiles(source);
  await expect(page.locator('[data-field="title"]')).toHaveValue('Reading list with everything');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Some chat apps cut links over 2,000 characters' }),
  ).toBeAttached();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download as file' }).click();
  const file = await (await download).path();
  const other = await anotherBrowser(browser);
  await other.goto('/roadmaps/custom/');
  await expect(other.locator('h1')).toHaveText('Open a roadmap');
  await expect(other.getByLabel('Open a roadmap file')).toBeVisible();
  await other.getByLabel('Open a roadmap file').setInputFiles(file);
  await expect(other.locator('h1')).toHaveText('Reading list with everything');
  await expect(other.locator('.rg-own')).toHaveCount(40);
  // Its link warns, in the tools, that it is long and offers the file.
  await other.locator('[data-tools] summary').click();
  await expect(other.locator('[data-link-warning]')).toContainText('send the roadmap as a file');
  await other.context().close();
});

test('a learner’s roadmap plans its weeks with a calendar file, and says which topics are no longer on the site', async ({
  page,
}) => {
  // A link made before a topic was removed from the site: drawn without it, said in words, the rest intact.
  const code = await encodeRoadmap({
    id: 'my-oldlink000',
    title: 'An old link',
    summary: '',
    stages: [
      {
        title: 'Basics',
        items: [
          { kind: 'topic', id: team[0]!.id, optional: false },
          { kind: 'topic', id: 'a-topic-since-removed', optional: false },
          { kind: 'topic', id: team[1]!.id, optional: false },
        ],
      },
    ],
  });
  await page.goto(`/roadmaps/custom/#roadmap=${code}`);
  await expect(page.locator('[data-custom-status]')).toHaveText(
    '1 topic in this roadmap is no longer on the site; the rest is shown.',
  );
  await expect(page.locator('.rg-gone')).toHaveText('“a-topic-since-removed” is no longer on the site');
  await expect(page.locator('atlas-roadmap-view .rg-topic[id]')).toHaveCount(2);
  await page.getByLabel('Hours per week').fill('6');
  await page.getByRole('button', { name: 'Make my plan' }).click();
  await expect(page.locator('[data-plan]')).toContainText('Week 1');
  await expect(page.locator('[data-ics]')).toBeVisible();
});
