/** The portfolio: tracking a build on a project page, the portfolio on /progress/, Markdown, export/import, safety. */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { axeBothThemes, axeViolations } from './axe.ts';
import { BUDGETS, measurePage } from '../../src/dev/page-weight.ts';
import { DIST, sitemapPaths } from './build-output.ts';
import { mainRoadmap, project } from './content.ts';
import {
  anotherBrowser,
  copiedText,
  EXPORT_KIND,
  FORMAT_VERSION,
  readStore,
  readStoreText,
  recordClipboard,
  tabTo,
} from './learner.ts';

const PROJECT = project.url;
const REPO = 'https://github.com/learner/todo-api';
const STAGE = mainRoadmap.stages.findIndex((s) => s.title === project.readyAfter) + 1;

/** Tracks the project by keyboard alone: building, two features ticked, a refused and then a kept link, a note. */
async function trackByKeyboard(page: Page) {
  await page.goto(PROJECT);
  const tracker = page.locator('atlas-project-tracker');
  const saved = tracker.locator('[data-saved]');
  await tabTo(page, tracker.getByRole('radio', { name: 'not started' }));
  await page.keyboard.press('ArrowRight');
  await expect(tracker.getByRole('radio', { name: 'building' })).toBeChecked();
  await expect(saved).toContainText('Status: building. Saved in this browser');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(saved).toContainText(`Ticked “${project.feature.title}”`);
  await expect(tracker.locator('[data-count="features"]')).toHaveText(`(2 of ${project.features})`);

  const url = tracker.getByRole('textbox', { name: 'Repository or demo link' });
  await tabTo(page, url);
  await page.keyboard.type('javascript:alert(document.cookie)');
  await page.keyboard.press('Enter');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(tracker.locator('[data-url-message]')).toContainText('Not saved: A “javascript:” link is refused');
  expect((await readStore(page)).projects[project.id]?.url).toBe('');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(REPO);
  await page.keyboard.press('Enter');
  await expect(saved).toContainText('Link saved.');
  await expect(url).not.toHaveAttribute('aria-invalid');

  await tabTo(page, tracker.getByRole('button', { name: 'p95 latency under load' }));
  await page.keyboard.press('Enter');
  const note = tracker.getByRole('textbox', { name: 'What I measured and learned' });
  await expect(note).toBeFocused();
  await page.keyboard.type('38 ms at 200 requests/s <b>k6</b>');
  await expect(tracker.locator('[data-note-message]')).toHaveText('57 of 2,000 characters.');
  await expect(saved).toContainText('Note saved.');
}

test('a build tracked by keyboard is kept across a reload, and a javascript: link is refused', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await trackByKeyboard(page);
  await page.reload();
  const tracker = page.locator('atlas-project-tracker');
  await expect(tracker.getByRole('radio', { name: 'building' })).toBeChecked();
  const ticked = tracker.locator('input[type=checkbox]:checked');
  await expect(ticked).toHaveCount(2);
  await expect(tracker.getByRole('textbox', { name: 'Repository or demo link' })).toHaveValue(REPO);
  await expect(tracker.getByRole('textbox', { name: 'What I measured and learned' })).toHaveValue(
    'p95 latency under load: 38 ms at 200 requests/s <b>k6</b>',
  );
  const stored = await readStore(page);
  expect(stored).toMatchObject({
    version: FORMAT_VERSION,
    projects: {
      [project.id]: {
        status: 'building',
        url: REPO,
        features: expect.arrayContaining([project.feature.id]),
      },
    },
  });
  expect(errors).toEqual([]);
});

test('a note typed just before leaving the page is kept', async ({ page }) => {
  await page.goto(PROJECT);
  await page.getByRole('textbox', { name: 'What I measured and learned' }).pressSequentially('Coverage 91 %');
  await page.goto('/progress/');
  expect((await readStore(page)).projects[project.id]?.note).toBe('Coverage 91 %');
});

test('a note over the limit is not saved, says so, and is kept in the field to shorten', async ({ page }) => {
  await page.goto(PROJECT);
  const note = page.getByRole('textbox', { name: 'What I measured and learned' });
  await note.fill('x'.repeat(2001));
  await note.blur();
  await expect(page.locator('[data-note-message]')).toContainText('limited to 2,000 characters; it has 2,001');
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  await expect(note).toHaveValue('x'.repeat(2001));
  expect(await readStoreText(page)).toBeNull();
});

test('/progress/ lists the project, copies it as Markdown with the link and the ticked count, and marks it on project lists', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await recordClipboard(page);
  await trackByKeyboard(page);
  await page.goto('/progress/');
  const item = page.locator('atlas-portfolio-section li');
  await expect(item).toHaveCount(1);
  const progress = `2 of ${project.features} features, 0 of ${project.stretchGoals} stretch goals ticked by hand`;
  await expect(item.getByRole('link', { name: project.title })).toHaveAttribute('href', PROJECT);
  await expect(item).toContainText(progress);
  await expect(item.getByRole('link', { name: REPO })).toHaveAttribute('href', REPO);
  // The note is text: the <b> typed into it is shown, not made bold.
  await expect(item.locator('[data-note]')).toHaveText('p95 latency under load: 38 ms at 200 requests/s <b>k6</b>');
  await expect(item.locator('b')).toHaveCount(0);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.locator('[data-portfolio-notice]')).toHaveText('Copied 1 project as Markdown.');
  const markdown = await copiedText(page);
  expect(markdown).toContain(`### ${project.title}`);
  expect(markdown).toContain(`- **Status:** building, ${progress}`);
  expect(markdown).toContain(`- **Code or demo:** <${REPO}>`);
  expect(markdown).toContain(
    '- **What I measured and learned:** p95 latency under load: 38 ms at 200 requests/s \\<b\\>k6\\</b\\>',
  );
  console.log(`portfolio: the Markdown a learner gets\n${markdown}`);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Markdown' }).click();
  expect(readFileSync(await (await downloadPromise).path(), 'utf8')).toBe(markdown);

  await page.goto('/projects/');
  const card = page.locator('li', { has: page.getByRole('link', { name: project.title, exact: true }) });
  await expect(card.locator('[data-portfolio-mark]')).toHaveText('Your status: building');
  await expect(card).toContainText(`Ready after stage ${STAGE}: ${project.readyAfter}`);
  await page.goto(project.exercises.url);
  await expect(page.locator('#projects').locator('..').locator('[data-portfolio-mark]')).toHaveText([
    'Your status: building',
  ]);
});

test('export then import on a fresh browser restores the portfolio', async ({ page, browser }) => {
  await trackByKeyboard(page);
  await page.goto('/progress/');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const exported = readFileSync(await (await downloadPromise).path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({
    kind: EXPORT_KIND,
    version: FORMAT_VERSION,
    projects: { [project.id]: { status: 'building' } },
  });

  const fresh = await anotherBrowser(browser);
  await fresh.goto('/progress/');
  await expect(fresh.locator('atlas-portfolio-section [data-empty]')).toBeVisible();
  await fresh
    .locator('[data-import]')
    .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(fresh.locator('atlas-progress-page > [data-notice]')).toContainText('1 portfolio projects');
  await expect(fresh.locator('atlas-portfolio-section li')).toContainText(`2 of ${project.features} features`);
  await fresh.goto(PROJECT);
  await expect(fresh.locator('atlas-project-tracker input[type=checkbox]:checked')).toHaveCount(2);
  await expect(fresh.getByRole('textbox', { name: 'Repository or demo link' })).toHaveValue(REPO);
  await fresh.context().close();
});

test('an imported file with an unsafe link is refused whole, and nothing changes', async ({ page }) => {
  await page.goto('/progress/');
  const entry = {
    status: 'built',
    features: [],
    stretch: [],
    url: 'javascript:alert(1)',
    note: '',
    updated: '2026-11-22T10:00:00.000Z',
  };
  const file = {
    kind: EXPORT_KIND,
    version: 3,
    topics: {},
    reviews: {},
    projects: { [project.id]: entry },
    notes: {},
    topicReviews: {},
  };
  await page
    .locator('[data-import]')
    .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.locator('atlas-progress-page > [data-notice]')).toContainText(
    'unreadable or unsafe portfolio entry',
  );
  await expect(page.locator('atlas-portfolio-section li')).toHaveCount(0);
});

test('the new views are axe-clean in both themes, with a portfolio filled in', async ({ page }) => {
  test.slow(); // eight axe runs on four pages
  await trackByKeyboard(page);
  for (const path of [PROJECT, '/progress/', '/projects/', project.exercises.url]) {
    await page.goto(path);
    await expect(
      page.locator('[data-portfolio-mark], atlas-portfolio-section li, atlas-project-tracker input:checked').first(),
    ).toBeVisible();
    expect(await axeBothThemes(page), path).toEqual([]);
  }
  // The refused-link state too.
  await page.goto(PROJECT);
  await page.getByRole('textbox', { name: 'Repository or demo link' }).fill('data:text/html,hi');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-url-message]')).toContainText('“data:” link is refused');
  expect(await axeViolations(page)).toEqual([]);
});

test('without JavaScript the project page is complete and the tracker stays inert', async ({ browser }) => {
  const page = await anotherBrowser(browser, undefined, { javaScriptEnabled: false });
  await page.goto(PROJECT);
  await expect(page.locator('#features + p + ol li')).toHaveCount(project.features);
  await expect(
    page.getByText(
      `Ready after stage ${STAGE} of ${mainRoadmap.stages.length}, “${project.readyAfter}”, on the ${mainRoadmap.title} roadmap.`,
    ),
  ).toBeVisible();
  await expect(
    page.locator('atlas-project-tracker input:not([disabled]), atlas-project-tracker textarea:not([disabled])'),
  ).toHaveCount(0);
  await page.context().close();
});

test('every project page says where it fits, and its JavaScript before search fits 12 KB', () => {
  const projects = sitemapPaths().filter((p) => /^\/projects\/[^/]+\/$/.test(p));
  expect(projects.length).toBeGreaterThan(10);
  for (const path of projects) {
    const { js } = measurePage(DIST, path);
    expect(js, `${path} JavaScript`).toBeLessThanOrEqual(BUDGETS.projectJs);
    expect(js, `${path} loads its tracker`).toBeGreaterThan(1000);
    expect(readFileSync(`${DIST}${path}index.html`, 'utf8'), path).toMatch(
      new RegExp(`Ready after <a href="${mainRoadmap.url}#stage-[a-z-]+">`),
    );
  }
});
