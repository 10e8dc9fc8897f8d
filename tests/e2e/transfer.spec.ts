/**
 * Moving everything to another device by a transfer link (two browser contexts), refusing bad links, resetting one
 * roadmap with undo, keeping every unreadable store set aside — and axe on each of these views in both themes.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { axeBothThemes, axeViolations } from './axe.ts';
import { mainRoadmap, otherRoadmap, topic, type TopicPage } from './content.ts';
import {
  anotherBrowser,
  expect,
  EXPORT_KIND,
  readStore,
  readStoreText,
  SET_ASIDE_PREFIX,
  setAside,
  storeText,
  test,
  writeStore,
} from './learner.ts';

const MAIN = mainRoadmap.url;
const note = (text: string, updated: string) => ({ text, updated });

const store = storeText;
/** Topics of the main roadmap: J is on other roadmaps too; the rest are marked on one device or the other. */
const J = topic.id;
const [A, B, C, D] = mainRoadmap.required.filter((t) => t.id !== J).map((t) => t.id) as [
  string,
  string,
  string,
  string,
];

const LAPTOP = store({
  topics: { [J]: 'done', [A]: 'learning', [B]: 'done' },
  topicTimes: { [J]: '2026-11-22T10:00:00.000Z', [A]: '2026-11-21T09:00:00.000Z', [B]: '2026-11-01T09:00:00.000Z' },
  notes: { [J]: note('Pin the algorithm; never trust alg from the header.', '2026-11-22T10:05:00.000Z') },
  topicReviews: {
    [J]: { stability: 6.2, difficulty: 4.9, reps: 2, lapses: 0, due: '2026-11-28', reviewed: '2026-11-22' },
  },
});
const PHONE = store({
  topics: { [J]: 'learning', [B]: 'skipped', [C]: 'done' },
  topicTimes: { [J]: '2026-11-20T08:00:00.000Z', [B]: '2026-11-21T12:00:00.000Z', [C]: '2026-11-19T08:00:00.000Z' },
  notes: {
    [J]: note('JWT: three parts.', '2026-11-20T08:10:00.000Z'),
    [C]: note('TTL matters.', '2026-11-19T08:15:00.000Z'),
  },
});

/** Another device of the learner's, holding `stored`, on /progress/. */
async function device(browser: Browser, stored: string) {
  const page = await anotherBrowser(browser, stored);
  await page.goto('/progress/');
  return page;
}

const stored = async (page: Page) => await readStore(page);

async function makeTransferLink(page: Page) {
  await page.goto('/progress/');
  await page.getByRole('button', { name: 'Make a transfer link' }).click();
  const field = page.getByRole('textbox', { name: 'Transfer link' });
  await expect(field).toHaveValue(/\/progress\/#transfer=1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
  return field.inputValue();
}

test('two devices move everything by a transfer link; each conflict goes to the newer side, after a preview that can be cancelled', async ({
  browser,
}) => {
  const laptop = await device(browser, LAPTOP);
  // A mark made on the laptop now, by keyboard: newer than anything either device has.
  await laptop.goto(MAIN);
  await laptop.locator(`.rg-topic[id="${D}"] .rg-topic-link`).first().focus();
  await laptop.keyboard.press('d');
  const link = await makeTransferLink(laptop);
  await expect(laptop.locator('[data-link-size]')).toContainText('short enough for a QR code');

  const phone = await device(browser, PHONE);
  const before = await stored(phone);
  await phone.goto(link);
  const preview = phone.getByRole('region', { name: 'Progress from another device' });
  await expect(preview).toBeVisible();
  await expect(preview).toBeFocused();
  await expect(preview.locator('[data-incoming-summary]')).toContainText(
    'it holds 4 topic statuses, 0 question reviews, 2 topic reviews, 1 notes, 0 portfolio projects',
  );
  const row = (kind: string) => preview.getByRole('row', { name: new RegExp(`^${kind}`) }).getByRole('cell');
  // topics: D and A new; J newer on the laptop; B newer on the phone.
  await expect(row('topic statuses')).toHaveText(['2', '1', '1']);
  await expect(row('notes')).toHaveText(['0', '1', '0']);
  // Marking D done scheduled its first review (topic review), so the link carries two.
  await expect(row('topic reviews')).toHaveText(['2', '0', '0']);
  await preview.getByText('3 items differ on the two devices').click();
  await expect(preview.getByRole('listitem').filter({ hasText: `status of topic ${J}` })).toContainText(
    "the link's version (done, 22 Nov 2026",
  );
  await expect(preview.getByRole('listitem').filter({ hasText: `status of topic ${B}` })).toContainText(
    "this device's version (skipped, 21 Nov 2026",
  );
  expect(await axeViolations(phone)).toEqual([]);

  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(phone.locator('[data-transfer-status]')).toHaveText(
    'Cancelled: the link was not merged and nothing changed.',
  );
  expect(await stored(phone)).toEqual(before);
  await expect(phone).toHaveURL(/\/progress\/$/);

  await phone.goto('about:blank');
  await phone.goto(link);
  await phone.getByRole('button', { name: 'Merge into my progress' }).click();
  await expect(phone.locator('[data-transfer-status]')).toHaveText(
    'Merged: 4 items added, 2 replaced by newer ones from the link, 1 kept because they were newer here.',
  );
  const merged = await stored(phone);
  expect(merged.topics).toEqual({ [J]: 'done', [A]: 'learning', [B]: 'skipped', [C]: 'done', [D]: 'done' });
  expect(merged.notes[J]?.text).toBe('Pin the algorithm; never trust alg from the header.');
  expect(merged.notes[C]?.text).toBe('TTL matters.');
  expect(merged.topicReviews[J]?.reps).toBe(2);
  // The roadmap page on the phone shows the merged marks.
  await phone.goto(MAIN);
  await expect(phone.locator(`.rg-topic[id="${D}"]`).first()).toHaveAttribute('data-state', 'done');
  await laptop.context().close();
  await phone.context().close();
});

test.describe('a learner with progress', () => {
  test.use({ progress: LAPTOP });

  test('a tampered, truncated, oversized or foreign transfer link is refused with a reason and changes nothing', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const link = await makeTransferLink(page);
    const code = link.slice(link.indexOf('#transfer=') + '#transfer='.length);
    const [, check, data] = code.split('.') as [string, string, string];
    const flipped = `${data.slice(0, 20)}${data[20] === 'A' ? 'B' : 'A'}${data.slice(21)}`;
    const cases: [string, RegExp][] = [
      [`1.${check}.${flipped}`, /checksum|damaged|truncated/],
      [code.slice(0, -12), /truncated|damaged|checksum/],
      [`1.${check}`, /incomplete/],
      [`7.${check}.${data}`, /another version/],
      [`1.${check}.${data}%E0%A4%A`, /damaged/],
      [`1.00000000.${'A'.repeat(2_050_000)}`, /larger than any/],
    ];
    for (const [hash, reason] of cases) {
      await page.goto('about:blank');
      await page.goto(`/progress/#transfer=${hash}`);
      const status = page.locator('[data-transfer-status]');
      await expect(status).toContainText('This transfer link could not be used');
      await expect(status).toContainText(reason);
      await expect(status).toContainText('Nothing was changed.');
      await expect(page.getByRole('region', { name: 'Progress from another device' })).toBeHidden();
      expect(await readStoreText(page)).toBe(LAPTOP);
    }
    expect(errors).toEqual([]);
  });
});

// Numbers that do not repeat, so the notes do not compress away.
const numbers = (i: number) =>
  Array.from({ length: 12 }, (_, j) => ((i * 7919 + j * 104_729) % 1_000_003).toString(36)).join(' ');
const manyNotes = Object.fromEntries(
  Array.from({ length: 80 }, (_, i) => [
    `topic-${i}`,
    note(`Measured on run ${i}: ${numbers(i)}`, '2026-11-22T10:00:00.000Z'),
  ]),
);

test.describe('a learner with eighty long notes', () => {
  test.use({ progress: store({ notes: manyNotes }) });

  test('a link too long for a QR code says so and offers the file; a short one is drawn as SVG when the QR library is installed', async ({
    page,
  }) => {
    const notes = manyNotes;
    await makeTransferLink(page);
    await expect(page.locator('[data-link-size]')).toContainText('too long for a QR code (at most 2,953)');
    await expect(page.getByRole('button', { name: 'Show QR code' })).toBeHidden();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as a file instead' }).click();
    expect(JSON.parse(readFileSync(await (await download).path(), 'utf8'))).toMatchObject({
      kind: EXPORT_KIND,
      notes,
    });
    expect(await axeViolations(page)).toEqual([]);

    await writeStore(page, LAPTOP);
    await makeTransferLink(page);
    await page.getByRole('button', { name: 'Show QR code' }).click();
    if (!existsSync('node_modules/uqr')) {
      await expect(page.locator('[data-transfer-status]')).toContainText(
        'No QR code: the QR code library could not be loaded',
      );
      return;
    }
    const qr = page.getByRole('img', { name: 'QR code of the transfer link' });
    await expect(qr).toBeVisible();
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
  });
});

test('resetting one roadmap asks about shared topics, and undo puts every status back', async ({ page }) => {
  // Two topics only this roadmap has, and one that others have too.
  const [only, alsoOnly] = mainRoadmap.topics.filter((t) => t.roadmaps.length === 1) as [TopicPage, TopicPage];
  await page.goto(MAIN);
  for (const [id, key] of [
    [only.id, 'd'],
    [alsoOnly.id, 'l'],
    [J, 'd'],
  ] as const) {
    await page.locator(`.rg-topic[id="${id}"] .rg-topic-link`).first().focus();
    await page.keyboard.press(key);
  }
  const before = (await stored(page)).topics;
  const worked = (await stored(page)).roadmapTimes;
  expect(Object.keys(worked)).toEqual([mainRoadmap.id]);
  await page.locator('[data-tools] summary').click(); // the share, reset and offline controls are one step away
  const reset = page.getByRole('button', { name: 'Reset progress…' });
  await reset.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Reset your progress on ${mainRoadmap.title}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('3 topics are marked here');
  // J is also on other roadmaps; keeping shared topics is the default.
  await expect(dialog.getByRole('listitem').filter({ hasText: topic.title })).toContainText(otherRoadmap.title);
  await expect(dialog.getByRole('radio', { name: /Keep them/ })).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await stored(page)).topics).toEqual(before);

  await reset.click();
  await dialog.getByRole('button', { name: 'Reset' }).click();
  // The dialog resets on its close event, which comes after the click: poll the store.
  await expect.poll(async () => (await stored(page)).topics).toEqual({ [J]: 'done' });
  // A reset roadmap no longer counts as started on /progress/, until Undo.
  await expect.poll(async () => (await stored(page)).roadmapTimes).toEqual({});
  await expect(page.locator(`.rg-topic[id="${only.id}"]`).first()).not.toHaveAttribute('data-state');
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await expect(page.locator('[data-reset-undo]')).toContainText(
    `Progress on ${mainRoadmap.title} reset: 2 topics cleared.`,
  );
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await stored(page)).topics).toEqual(before);
  await expect.poll(async () => (await stored(page)).roadmapTimes).toEqual(worked);
  await expect(page.locator(`.rg-topic[id="${only.id}"]`).first()).toHaveAttribute('data-state', 'done');

  await reset.click();
  await dialog.getByRole('radio', { name: /Reset them too/ }).check();
  await dialog.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => (await stored(page)).topics).toEqual({});
  await page.goto(otherRoadmap.url);
  await expect(page.locator(`.rg-topic[id="${J}"]`).first()).not.toHaveAttribute('data-state');
});

test('an unreadable store twice in a row leaves two dated copies, both offered for download on /progress/', async ({
  page,
}) => {
  const bad = [`{"version":5,"topics":{"${J}":`, `{"version":5,"topics":{"${J}":"mastered"}}`];
  await page.goto(MAIN);
  for (const text of bad) {
    await writeStore(page, text);
    await page.reload();
    await expect(page.locator('[data-notice]')).toContainText('Your saved progress could not be read');
    await page.locator(`.rg-topic[id="${C}"] .rg-status`).first().click();
  }
  const copies0 = (await setAside(page)).reverse();
  expect(copies0).toHaveLength(2);
  for (const { key } of copies0)
    expect(key.slice(SET_ASIDE_PREFIX.length)).toMatch(/^-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\+*$/);
  expect(copies0.map((copy) => copy.text)).toEqual(bad);

  await page.goto('/progress/');
  const copies = page.getByRole('region', { name: 'Unreadable progress, set aside' });
  await expect(copies.getByRole('button', { name: /^Download the copy set aside on/ })).toHaveCount(2);
  const download = page.waitForEvent('download');
  await copies
    .getByRole('button', { name: /^Download the copy set aside on/ })
    .first()
    .click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe(bad[1]);
  expect(await axeViolations(page)).toEqual([]);

  // Two more: only the newest three are kept.
  for (const text of ['not json', '[]']) {
    await writeStore(page, text);
    await page.reload();
  }
  expect(await setAside(page)).toHaveLength(3);
  await expect(copies.getByRole('button', { name: /^Download the copy set aside on/ })).toHaveCount(3);
});

test.describe('a learner with progress and a store set aside', () => {
  test.use({ progress: PHONE, storage: { [`${SET_ASIDE_PREFIX}-2026-11-20T10:00:00.000Z`]: '{"version":' } });

  test('the transfer preview, the reset dialog and the set-aside copies pass axe in both themes', async ({ page }) => {
    const link = await makeTransferLink(page);
    await writeStore(page, LAPTOP);
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.getByRole('region', { name: 'Progress from another device' })).toBeVisible();
    await page.getByText(/items? differs? on the two devices/).click();
    await page.getByRole('button', { name: 'Make a transfer link' }).click();
    await expect(page.getByRole('region', { name: 'Unreadable progress, set aside' })).toBeVisible();
    expect(await axeBothThemes(page), 'the transfer preview and the set-aside copies').toEqual([]);
    await page.goto(MAIN);
    await page.locator(`.rg-topic[id="${C}"] .rg-topic-link`).first().focus();
    await page.keyboard.press('d');
    await page.locator('[data-tools] summary').click(); // the share, reset and offline controls are one step away
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await axeBothThemes(page), 'the reset dialog').toEqual([]);
  });
});

test('the site asks the browser to keep its data once there is something to keep, and /progress/ says what it decided', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { persistCalls: string[] }).persistCalls = calls;
    Object.defineProperty(StorageManager.prototype, 'persist', {
      value: () => Promise.resolve((calls.push('persist'), true)),
      configurable: true,
    });
    Object.defineProperty(StorageManager.prototype, 'persisted', {
      value: () => Promise.resolve(false),
      configurable: true,
    });
  });
  await page.goto(MAIN);
  expect(await page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls)).toEqual([]);
  await page.locator(`.rg-topic[id="${C}"] .rg-topic-link`).first().focus();
  await page.keyboard.press('d');
  await page.locator(`.rg-topic[id="${B}"] .rg-topic-link`).first().focus();
  await page.keyboard.press('d');
  expect(await page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls)).toEqual([
    'persist',
  ]);
  await page.goto('/progress/');
  await expect(page.locator('[data-persisted]')).toContainText('has not promised to keep this site’s data');
});

test.describe('a learner whose last copy is 40 days old', () => {
  test.use({
    progress: store({ topics: { [J]: 'done' } }),
    storage: { 'atlas-last-copy': new Date(Date.now() - 40 * 86_400_000).toISOString() },
  });

  test('/progress/ reminds the learner to take a copy when the last one is over 30 days old, and an export clears it', async ({
    page,
  }) => {
    await page.goto('/progress/');
    const reminder = page.locator('[data-copy-reminder]');
    await expect(reminder).toHaveText(/Your last copy of your progress is 40 days old/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    await download;
    await expect(reminder).toBeHidden();
    const copied = await page.evaluate(() => Date.parse(localStorage.getItem('atlas-last-copy') ?? ''));
    expect(Date.now() - copied).toBeLessThan(60_000);
  });
});

test.describe('a learner who finished two topics', () => {
  const [first, second] = mainRoadmap.required as [TopicPage, TopicPage];
  test.use({ progress: storeText({ topics: { [first.id]: 'done', [second.id]: 'done' } }) });

  test('/progress/ draws a progress card in the browser and downloads it as SVG and PNG, with the Markdown to paste', async ({
    page,
  }) => {
    await page.goto('/progress/');
    const { id, title, url } = mainRoadmap;
    await page.getByLabel('Roadmap on the card').selectOption(id);
    const preview = page.locator('[data-card-preview] img');
    await expect(preview).toHaveAttribute('alt', new RegExp(`^${title} roadmap: 2 of \\d+ required topics finished`));
    await expect(page.getByLabel('Markdown to paste beside the file')).toHaveValue(
      `[![${title} roadmap progress](${id}-progress.svg)](${new URL(url, page.url()).href})`,
    );

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download progress card (SVG)' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe(`${id}-progress.svg`);
    const text = readFileSync(await svg.path(), 'utf8');
    expect(text).toMatch(/2 of \d+ required topics finished/);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe(`${id}-progress.png`);
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(await axeViolations(page)).toEqual([]);
  });
});
