/** Interview practice: the filterable question list, flashcards by keyboard with FSRS intervals and due counts, and recovery. */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeBothThemes } from './axe.ts';
import { measurePage } from '../../src/dev/page-weight.ts';
import { DIST } from './build-output.ts';
import { roles, topic, topicQuestion } from './content.ts';
import { expect, EXPORT_KIND, FORMAT_VERSION, pageErrors, readStore, setAside, test } from './learner.ts';

const items = (page: Page) => page.locator('[data-questions] > li');
const visibleItems = (page: Page) => page.locator('[data-questions] > li:visible');
const DAY = 86_400_000;
const START = new Date('2026-11-23T10:00:00');

/** A role with exactly three questions, read from the question list, so the test follows the content. */
async function roleWithThreeQuestions(page: Page) {
  await page.goto('/questions/');
  const role = await items(page).evaluateAll((lis) => {
    const counts = new Map<string, number>();
    for (const li of lis)
      for (const r of (li as HTMLElement).dataset.roles!.split(' ').filter(Boolean))
        counts.set(r, (counts.get(r) ?? 0) + 1);
    return [...counts].find(([, n]) => n === 3)?.[0];
  });
  expect(role, 'some role has exactly three questions').toBeTruthy();
  return role!;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the question list shows every question with its facets, and no controls that would not work', async ({
    page,
  }) => {
    await page.goto('/questions/?difficulty=senior');
    const count = await items(page).count();
    expect(count).toBeGreaterThan(100);
    await expect(visibleItems(page)).toHaveCount(count);
    await expect(items(page).first()).toHaveAttribute('data-difficulty', 'junior');
    await expect(items(page).first()).toHaveAttribute('data-topics', /[a-z]/);
    await expect(page.getByLabel('Difficulty')).toBeHidden();
    await expect(page.getByText('Due for review', { exact: true }).first()).toBeHidden();
  });

  test('practice explains that it needs JavaScript and links to the questions', async ({ page }) => {
    await page.goto(`/practice/?role=${roles.nodejs.id}`);
    const note = page.locator('atlas-practice-session noscript p'); // Playwright's text queries skip <noscript>
    await expect(note).toBeVisible();
    await expect(note).toContainText('practice needs JavaScript');
    await note.getByRole('link', { name: 'question list' }).click();
    await expect(page).toHaveURL(/\/questions\/$/);
    await page.goto('/practice/');
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeHidden();
    await expect(page.getByLabel('Role')).toBeHidden();
  });
});

test('a difficulty filter changes the list and the URL, and loading that URL applies it', async ({ page }) => {
  await page.goto('/questions/');
  const total = await items(page).count();
  await expect(page.getByRole('status').filter({ hasText: `Showing ${total} of ${total} questions.` })).toBeVisible();
  await page.getByLabel('Difficulty').selectOption('senior');
  await expect(page).toHaveURL(/\/questions\/\?difficulty=senior$/);
  const seniors = await visibleItems(page).count();
  expect(seniors).toBeGreaterThan(0);
  expect(seniors).toBeLessThan(total);
  expect(
    await visibleItems(page).evaluateAll((lis) => [
      ...new Set(lis.map((li) => (li as HTMLElement).dataset.difficulty)),
    ]),
  ).toEqual(['senior']);
  await expect(page.getByRole('status').filter({ hasText: `Showing ${seniors} of ${total} questions.` })).toBeVisible();
  await expect(page.getByLabel('Difficulty').locator('option[value="senior"]')).toHaveText(`Senior (${seniors})`);

  await page.getByLabel('Type').selectOption('system-design');
  await expect(page).toHaveURL(/\?difficulty=senior&type=system-design$/);
  const both = await visibleItems(page).count();
  expect(both).toBeLessThanOrEqual(seniors);
  await expect(page.getByRole('link', { name: 'Practise these questions with flashcards' })).toHaveAttribute(
    'href',
    '/practice/?difficulty=senior&type=system-design',
  );

  await page.goto('/questions/?difficulty=senior');
  await expect(page.getByLabel('Difficulty')).toHaveValue('senior');
  await expect(visibleItems(page)).toHaveCount(seniors);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(visibleItems(page)).toHaveCount(total);
  await expect(page).toHaveURL(/\/questions\/$/);

  await page.goto(`/questions/?difficulty=expert&topic=${topic.id}`);
  await expect(page.getByLabel('Difficulty')).toHaveValue('');
  await expect(page.getByLabel('Topic')).toHaveValue(topic.id);
  expect(
    await visibleItems(page).evaluateAll(
      (lis, id) => lis.every((li) => (li as HTMLElement).dataset.topics!.split(' ').includes(id)),
      topic.id,
    ),
  ).toBe(true);
});

test('practise a set of three by keyboard; the schedule and due counts persist and travel in the export', async ({
  page,
}) => {
  await page.clock.install({ time: START });
  const role = await roleWithThreeQuestions(page);
  await page.goto(`/practice/?role=${role}`);
  await expect(page.getByLabel('Role')).toHaveValue(role);
  const counts = page.locator('[data-set-counts]');
  await expect(counts).toHaveText('3 questions · 0 due today · 3 new');
  const question = page.locator('[data-question]');
  const answer = page.locator('[data-answer]');
  const live = page.locator('[data-live]');
  // 1 (again) brings the first card back at the end: four cards in all.
  for (const [i, key] of ['1', '2', '4', '3'].entries()) {
    await expect(page.locator('[data-position]')).toHaveText(`Card ${i + 1} of ${i === 0 ? 3 : 4}`);
    await expect(answer).toBeHidden();
    await page.keyboard.press('Space');
    await expect(answer).toBeVisible();
    await expect(answer).toBeFocused();
    await expect(page.getByRole('button', { name: /Good/ })).toContainText('day');
    await page.keyboard.press(key);
    if (i === 0) await expect(live).toHaveText('Rated again: this card comes back later in this session.');
    if (i === 1) await expect(live).toHaveText('Rated hard: this card comes back in 2 days.');
    if (i < 3) await expect(question).toBeFocused();
  }
  await expect(
    page.getByText('Session complete: 4 cards reviewed. The next review in this set is on 2026-11-25.'),
  ).toBeVisible();
  await expect(counts).toHaveText('3 questions · 0 due today · 0 new · next review 2026-11-25');

  await page.reload();
  await expect(counts).toHaveText('3 questions · 0 due today · 0 new · next review 2026-11-25');
  await expect(page.getByText('Nothing in this set is due today')).toBeVisible();

  // Hard in 2 days, the again card (then good) in 3, easy in 8: all three are due after a week.
  await page.clock.setSystemTime(new Date(START.getTime() + 8 * DAY));
  await page.reload();
  await expect(counts).toHaveText('3 questions · 3 due today · 0 new');
  await expect(page.locator('[data-overview-text]')).toContainText(
    '3 questions are due for review today; you have reviewed 3 of',
  );
  await page.goto(`/questions/?role=${role}`);
  await expect(page.getByText('Due for review', { exact: true }).filter({ visible: true })).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: '· 3 due for review' })).toBeVisible();

  await page.goto('/progress/');
  await expect(page.locator('[data-reviews]')).toHaveText('3 questions reviewed · 3 due for review today');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const exported = JSON.parse(readFileSync(await (await downloadPromise).path(), 'utf8')) as { reviews: object };
  expect(exported).toMatchObject({ kind: EXPORT_KIND, version: FORMAT_VERSION });
  expect(Object.keys(exported.reviews)).toHaveLength(3);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.locator('[data-reviews]')).toHaveText('0 questions reviewed · 0 due for review today');
  await page
    .locator('[data-import]')
    .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await expect(page.locator('[data-notice]')).toContainText('3 reviewed questions and 0 labs');
  await expect(page.locator('[data-reviews]')).toHaveText('3 questions reviewed · 3 due for review today');
});

test('a new card shows a different interval on each rating, and "again" says it comes back in this session', async ({
  page,
}) => {
  await page.clock.install({ time: START });
  await page.goto('/practice/?difficulty=junior');
  await page.getByRole('button', { name: /Show answer/ }).click();
  const hint = (name: string) =>
    page.getByRole('button', { name: new RegExp(`^\\d ${name} ·`) }).locator('[data-hint]');
  await expect(hint('Again')).toHaveText('· later this session');
  await expect(hint('Hard')).toHaveText('· 2 days');
  await expect(hint('Good')).toHaveText('· 3 days');
  await expect(hint('Easy')).toHaveText('· 8 days');
});

for (const [what, bad] of [
  ['cut short', '{"version":2,"topics":{},"reviews":{"x":'],
  ['with a review that is not one', `{"version":2,"topics":{},"reviews":{"${topic.id}":{"ease":"high"}}}`],
] as const) {
  test.describe(`a store ${what}`, () => {
    test.use({ progress: bad });

    test(`is set aside with a notice, and practice still works (${what})`, async ({ page }) => {
      const errors = pageErrors(page);
      await page.goto('/practice/?difficulty=junior');
      await expect(page.locator('[data-notice]')).toContainText('Your saved progress could not be read');
      expect((await setAside(page))[0]?.text).toBe(bad);
      await expect(page.locator('[data-position]')).toHaveText(/^Card 1 of /);
      await page.keyboard.press('Space');
      await page.keyboard.press('3');
      await expect(page.locator('[data-position]')).toHaveText(/^Card 2 of/);
      const stored = await readStore(page);
      expect(Object.keys(stored.reviews)).toHaveLength(1);
      expect(errors).toEqual([]);
    });
  });
}

test.describe('a store of version 1', () => {
  test.use({ progress: `{"version":1,"topics":{"${topic.id}":"done"}}` });

  test('migrates, keeping its marks, and practice saves into it', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto(`/practice/?topic=${topic.id}`);
    await expect(page.locator('[data-notice]')).toBeEmpty();
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /Easy/ }).click();
    const stored = await readStore(page);
    expect(stored).toMatchObject({ version: FORMAT_VERSION, topics: { [topic.id]: 'done' } });
    expect(Object.keys(stored.reviews)).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

test('role, topic and question pages link to their practice sets', async ({ page }) => {
  await page.goto(roles.nodejs.url);
  await page.getByRole('link', { name: "Practise this role's questions" }).click();
  await expect(page).toHaveURL(`/practice/?role=${roles.nodejs.id}`);
  await expect(page.getByRole('heading', { name: `Set: ${roles.nodejs.title}` })).toBeVisible();
  await page.goto(topic.url);
  await expect(page.getByRole('link', { name: 'Practise these questions' })).toHaveAttribute(
    'href',
    `/practice/?topic=${topic.id}`,
  );
  await page.goto(topicQuestion.url);
  await expect(page.getByRole('link', { name: `${topic.title} questions` })).toHaveAttribute(
    'href',
    `/practice/?topic=${topic.id}`,
  );
  await expect(page.getByRole('heading', { name: 'The long answer' })).toBeVisible();
});

test('a card mid-session, its revealed answer and the due badges are axe-clean in both themes', async ({ page }) => {
  await page.clock.install({ time: START });
  await page.goto('/practice/?difficulty=junior');
  // The questions arrive with /practice/bank.json: the keys work once the first card is drawn.
  await expect(page.locator('[data-position]')).toHaveText(/^Card 1 of /);
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await page.keyboard.press('Space');
  await page.clock.setSystemTime(new Date(START.getTime() + DAY));
  await expect(page.locator('[data-answer]')).toBeVisible();
  expect(await axeBothThemes(page), 'practice card').toEqual([]);
  await page.goto('/questions/?difficulty=junior');
  await expect(page.getByText('Due for review', { exact: true }).filter({ visible: true })).toHaveCount(1);
  expect(await axeBothThemes(page), 'question list with a due badge').toEqual([]);
});

// The review card, the filter form (both shared with topic review and the question list) and the lab list with its
// filters; docs/benchmarks.md ("Measured choices") says what each weighed when the budget was set.
test('the practice page’s own JavaScript fits 12 KB gzip, the site’s budget for script before search', () => {
  const { js } = measurePage(DIST, '/practice/');
  console.log(`budget: /practice/ JavaScript ${js} B gzip`);
  expect(js).toBeGreaterThan(1000);
  expect(js).toBeLessThanOrEqual(12 * 1024);
});
