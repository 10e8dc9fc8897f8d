/**
 * The learner's notes (topic pages, marks on the map, My notes and its Markdown download, the JSON export) and the
 * spaced review of done topics (/practice/, due counts on roadmap pages), by keyboard and axe-clean in both themes.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { axeBothThemes } from './axe.ts';
import { mainRoadmap, topic } from './content.ts';
import { EXPORT_KIND, FORMAT_VERSION, readStore, tabTo, writeStore } from './learner.ts';

const MAIN = mainRoadmap.url;
const NOTE_FIELD = `Notes on ${topic.title}`;
/** Two more topics of the main roadmap: one without a note, both marked done for review. */
const [other, third] = mainRoadmap.required.filter((t) => t.id !== topic.id);
const DAY = 86_400_000;
const START = new Date('2026-11-23T10:00:00');

const node = (page: Page, id: string) => page.locator(`.rg-topic[id="${id}"]`);
const stored = readStore;
async function axeClean(page: Page, what: string) {
  expect(await axeBothThemes(page), what).toEqual([]);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('pages read complete and show no notes field or topic review that could not work', async ({ page }) => {
    await page.goto(topic.url);
    await expect(page.getByRole('heading', { name: 'Check yourself' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your notes' })).toBeHidden();
    await page.goto('/practice/');
    await expect(page.getByRole('heading', { name: 'Review topics' })).toBeHidden();
    await page.goto('/practice/topics/');
    const note = page.locator('atlas-topic-review-session noscript p'); // Playwright's text queries skip <noscript>
    await expect(note).toContainText('Topic review keeps its schedule in this browser, so it needs JavaScript.');
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeHidden();
    await page.goto(MAIN);
    await expect(page.getByText('You have notes on it', { exact: true })).toBeHidden();
  });
});

test('notes typed on a topic page are saved, survive a reload, mark the map, and leave as Markdown and JSON', async ({
  page,
}) => {
  await page.goto(topic.url);
  const field = page.getByLabel(NOTE_FIELD);
  const state = page.locator('[data-state]');
  await expect(state).toHaveText('No note yet');
  await field.click();
  const text = 'Signed, not encrypted.\n<b>not bold</b> and `alg` pinned\n# not a heading';
  await page.keyboard.type(text);
  await expect(state).toHaveText(/^Saved at /);
  await expect(page.locator('[data-count]')).toHaveText(`${text.length} of 20,000 characters`);
  expect((await stored(page)).notes[topic.id]?.text).toBe(text);
  await page.reload();
  await expect(field).toHaveValue(text);
  await expect(state).toHaveText(/^Saved · last edited /);

  // Leaving straight after typing, before the pause that saves, keeps the text too.
  await field.press('End');
  await page.keyboard.type(' Rotate keys.');
  await page.goto(MAIN);
  const full = `${text} Rotate keys.`;
  expect((await stored(page)).notes[topic.id]?.text).toBe(full);
  await expect(node(page, topic.id)).toHaveAttribute('data-note', '');
  await expect(node(page, topic.id)).toContainText('(you have notes on it)');
  await expect(node(page, other!.id)).not.toHaveAttribute('data-note');
  // On a wide screen the legend is in view without opening anything.
  await expect(page.getByText('You have notes on it', { exact: true })).toBeVisible();

  await page.goto('/progress/');
  const notes = page.locator('atlas-my-notes');
  await expect(notes.locator('[data-summary]')).toHaveText(`1 note, ${full.length} characters.`);
  const item = notes.locator('[data-list] > li');
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('link', { name: topic.title })).toHaveAttribute('href', `${topic.url}#your-notes`);
  // Shown as typed: the tag is text, not markup.
  await expect(item.locator('[data-text]')).toHaveText(full);
  await expect(item.locator('b')).toHaveCount(0);

  const markdown = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download notes as Markdown' }).click();
  const md = await markdown;
  expect(md.suggestedFilename()).toMatch(/^backend-atlas-notes-\d{4}-\d{2}-\d{2}\.md$/);
  const file = readFileSync(await md.path(), 'utf8');
  expect(file).toMatch(/^# My Backend Atlas notes\n\n1 note, exported on /);
  // Grouped under the topic's first roadmap.
  expect(file).toContain(`## ${mainRoadmap.title}\n\n### [${topic.title}](<http://127.0.0.1:`);
  expect(file).toContain(`\n\`\`\`markdown\n${full}\n\`\`\`\n`);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded 1 note as Markdown.' })).toBeVisible();

  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const exported = JSON.parse(readFileSync(await (await json).path(), 'utf8'));
  expect(exported).toMatchObject({ kind: EXPORT_KIND, version: FORMAT_VERSION, notes: { [topic.id]: { text: full } } });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(notes.getByText('No notes yet.')).toBeVisible();
  await page
    .locator('[data-import]')
    .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await expect(page.locator('atlas-progress-page > [data-notice]')).toContainText('1 notes');
  await expect(item.locator('[data-text]')).toHaveText(full);
  await page.goto(topic.url);
  await expect(field).toHaveValue(full);
});

test('a note over a limit is kept in the field, says why it is not saved, and saves again once short enough', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(topic.url);
  const field = page.getByLabel(NOTE_FIELD);
  await field.click();
  await field.fill('kept');
  await page.keyboard.press('Tab');
  await expect(page.locator('[data-state]')).toHaveText(/^Saved at /);
  const long = 'x'.repeat(20_001);
  await field.fill(long);
  const problem = page.locator('[data-problem]');
  await expect(problem).toHaveText(
    'Not saved: this note has 20,001 characters and one note holds at most 20,000. Shorten it by 1 and it saves again. Your text stays in the field until then.',
  );
  await expect(problem).toHaveAttribute('role', 'status');
  await expect(field).toHaveAttribute('aria-invalid', '');
  await expect(field).toHaveValue(long);
  await expect(page.locator('[data-state]')).toHaveText('Not saved');
  expect((await stored(page)).notes[topic.id]?.text).toBe('kept');
  await axeClean(page, 'topic page with a refused note');

  // Leaving with a note that could not be saved asks first.
  const dialog = page.waitForEvent('dialog');
  void page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.dismiss();
  expect(page.isClosed()).toBe(false);

  await field.press('End');
  await page.keyboard.press('Backspace');
  await expect(page.locator('[data-state]')).toHaveText(/^Saved at /);
  await expect(problem).toBeEmpty();
  await expect(field).not.toHaveAttribute('aria-invalid');
  expect((await stored(page)).notes[topic.id]?.text).toHaveLength(20_000);

  // All notes together: fifty full notes elsewhere leave no room for one more character.
  const notes = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [
      `topic-${i}`,
      { text: 'y'.repeat(20_000), updated: '2026-11-20T08:00:00.000Z' },
    ]),
  );
  await writeStore(page, JSON.stringify({ ...(await readStore(page)), notes }));
  await page.goto(other!.url);
  await page.getByLabel(`Notes on ${other!.title}`, { exact: false }).fill('one more');
  await expect(problem).toContainText(
    'Not saved: all your notes together would hold 1,000,008 characters, over the 1,000,000 this browser keeps. Shorten this note or another one by 8',
  );
  await expect(page.getByLabel(`Notes on ${other!.title}`, { exact: false })).toHaveValue('one more');
  expect(Object.keys((await stored(page)).notes)).toHaveLength(50);
});

test('done topics come back for review: due counts on the roadmap and /practice/, reviewed by keyboard', async ({
  page,
}) => {
  test.setTimeout(180_000); // six axe passes, one of them over the whole roadmap map
  await page.clock.install({ time: START });
  await page.goto(MAIN);
  for (const id of [other!.id, third!.id, topic.id]) {
    await node(page, id).locator('.rg-topic-link').focus();
    await page.keyboard.press('d');
  }
  const due = page.locator('[data-review-due]');
  await expect(due.locator('span')).toHaveText(
    'No topic here is due for review today; the next is on 26 November 2026.',
  );
  await expect(due.getByRole('link')).toBeHidden();
  await expect(due.getByText('comes back with its self-check')).toBeHidden(); // said when something is due
  // Marking done is a first "good" review (FSRS): back in three days.
  expect((await stored(page)).topicReviews[topic.id]).toEqual({
    stability: 2.3065,
    difficulty: 2.11810397,
    reps: 1,
    lapses: 0,
    due: '2026-11-26',
    reviewed: '2026-11-23',
  });

  await page.clock.setSystemTime(new Date(START.getTime() + 3 * DAY));
  await page.reload();
  await expect(due).toHaveText(/^3 of the 3 topics you finished here are due for review\. Review the topics due/);
  // Where review is first due, it says what it is.
  await expect(due).toContainText('comes back with its self-check after days, then weeks, then months');
  await expect(due.getByRole('link', { name: 'Review the topics due' })).toHaveAttribute(
    'href',
    `/practice/topics/?roadmap=${mainRoadmap.id}`,
  );
  await axeClean(page, 'roadmap with topics due and a note mark');

  await page.goto('/practice/');
  const overview = page.locator('atlas-topic-review-summary [data-overview]');
  await expect(overview).toHaveText('3 of your 3 done topics are due for review today.');
  const start = page.getByRole('link', { name: 'Review topics' });
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/practice\/topics\/$/);
  const question = page.locator('atlas-topic-review-session [data-question]');
  const answer = page.locator('atlas-topic-review-session [data-answer]');
  await expect(page.getByRole('heading', { name: 'All your done topics' })).toBeVisible();
  await expect(page.locator('atlas-topic-review-session [data-set-counts]')).toHaveText('3 done · 3 due today');
  // "Again" brings the first topic back at the end: four cards in all.
  const seen: string[] = [];
  for (const [i, key] of ['1', '3', '4', '3'].entries()) {
    await expect(page.locator('atlas-topic-review-session [data-position]')).toHaveText(
      `Topic ${i + 1} of ${i === 0 ? 3 : 4}`,
    );
    await expect(question).toBeFocused();
    await expect(question).toHaveText(/^What do you remember about .+\?$/);
    seen.push((await question.textContent())!);
    await expect(answer).toBeHidden();
    await page.keyboard.press('Space');
    await expect(answer).toBeVisible();
    await expect(answer).toBeFocused();
    await expect(page.locator('atlas-topic-review-session [data-checks] dt')).not.toHaveCount(0);
    await expect(page.locator('atlas-topic-review-session [data-summary]')).not.toHaveText('Loading…');
    if (i === 0) await axeClean(page, 'topic review card with its answer');
    await page.keyboard.press(key);
  }
  expect(seen).toContain(`What do you remember about ${topic.title}?`);
  expect(seen[3]).toBe(seen[0]);
  await expect(page.locator('atlas-topic-review-session [data-done-text]')).toHaveText(
    'Review complete: 4 topics reviewed. The next comes back on 2026-11-29.',
  );
  await expect(page.locator('atlas-topic-review-session [data-done]')).toBeFocused();
  await axeClean(page, 'topic review complete');
  const reviews = (await stored(page)).topicReviews;
  expect(
    Object.values(reviews)
      .map((r) => (r as { due: string }).due)
      .sort(),
  ).toEqual(['2026-11-29', '2026-12-10', '2026-12-20']);

  await page.goto(MAIN);
  await expect(due.locator('span')).toHaveText(
    'No topic here is due for review today; the next is on 29 November 2026.',
  );
  await page.goto(`/practice/topics/?roadmap=${mainRoadmap.id}`);
  await expect(page.getByRole('heading', { name: `Topics on ${mainRoadmap.title}` })).toBeVisible();
  await expect(page.getByText('Nothing here is due for review today.')).toBeVisible();
  await axeClean(page, 'topic review with nothing due');
  await page.getByRole('button', { name: 'Review every finished topic anyway' }).press('Enter');
  await expect(page.locator('atlas-topic-review-session [data-position]')).toHaveText('Topic 1 of 3');

  // The next day, an interview on 15 December brings forward the topics FSRS predicts below 95 % recall by then.
  await page.clock.setSystemTime(new Date(START.getTime() + 4 * DAY));
  await page.reload();
  await expect(page.getByText('Nothing here is due for review today.')).toBeVisible();
  await page.getByText('Reviewing for a date, such as an interview?').click();
  await page.getByLabel('My interview or exam is on').fill('2026-12-15');
  await page.getByRole('button', { name: 'Bring forward' }).click();
  await expect(page).toHaveURL(new RegExp(`\\?roadmap=${mainRoadmap.id}&by=2026-12-15$`));
  await expect(page.locator('atlas-topic-review-session [data-by-status]')).toHaveText(
    'Reviewing for 2026-12-15: 3 topics brought forward, whose recall FSRS predicts below 95 % on that day.',
  );
  await expect(page.locator('atlas-topic-review-session [data-position]')).toHaveText('Topic 1 of 3');
  await axeClean(page, 'topic review for a date');
  await page.getByRole('button', { name: 'Clear the date' }).click();
  await expect(page).toHaveURL(new RegExp(`\\?roadmap=${mainRoadmap.id}$`));
  await expect(page.getByText('Nothing here is due for review today.')).toBeVisible();
});

// /progress/ without notes, as it loads, is axe-clean in both themes in the sweep (accessibility.spec.ts).
test('My notes on /progress/ and an empty notes field are axe-clean in both themes', async ({ page }) => {
  await page.goto('/progress/');
  await expect(page.getByText('No notes yet.')).toBeVisible();
  await page.goto(topic.url);
  await expect(page.getByLabel(NOTE_FIELD)).toBeEnabled();
  await axeClean(page, 'topic page with an empty notes field');
  await page.getByLabel(NOTE_FIELD).fill('A note with a long line '.repeat(40));
  await page.keyboard.press('Tab');
  await page.goto('/progress/');
  await expect(page.locator('atlas-my-notes [data-list] > li')).toHaveCount(1);
  await axeClean(page, 'progress page with a note');
});

// Both pages as they load with nothing done are axe-clean in both themes in the sweep (accessibility.spec.ts).
test('Review topics on /practice/ and the review page say what to do when nothing is done yet', async ({ page }) => {
  await page.goto('/practice/');
  await expect(page.locator('atlas-topic-review-summary [data-overview]')).toHaveText(
    'Mark topics done on a roadmap or on their pages, and they come back here for review.',
  );
  await page.goto('/practice/topics/');
  await expect(page.getByText('You have not marked any of these topics done yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Review every finished topic anyway' })).toBeHidden();
});
