/**
 * Concurrency timelines as a learner uses them: predicting every step by keyboard, right and wrong, on a phone and a
 * desktop in both themes (axe clean mid-way, with the panel open and steps revealed); and, with JavaScript off, a
 * complete page with every step and outcome. The expected outcomes come from the committed recording, so the test
 * follows the server, not a copy of it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { axeBothThemes } from './axe.ts';
import { timelines } from './content.ts';

const { id: ID, url: URL } = timelines.lostUpdate;
interface Step {
  result: { outcome: string; rows?: (string | null)[][] };
}
const recording = JSON.parse(readFileSync(`content/timelines/recordings/${ID}.json`, 'utf8')) as { steps: Step[] };
const LABEL = { finishes: /finishes/, blocks: /blocks/, fails: /fails/ } as const;
const expected = (step: Step) =>
  step.result.outcome === 'blocks' ? 'blocks' : step.result.outcome === 'error' ? 'fails' : 'finishes';
const rowsText = (rows: (string | null)[][]) => rows.map((r) => r.map((v) => v ?? 'NULL').join(', ')).join(' | ');

/** Predicts the current step by keyboard: the outcome radio, then the rows, then Enter on "Reveal step". */
async function predict(page: Page, outcome: keyof typeof LABEL, rows?: string) {
  const panel = page.locator('[data-panel]');
  await panel.getByRole('radio', { name: LABEL[outcome] }).focus();
  await page.keyboard.press('Space');
  if (rows !== undefined) {
    await panel.getByRole('radio', { name: rows, exact: true }).focus();
    await page.keyboard.press('Space');
  }
  await panel.getByRole('button', { name: 'Reveal step' }).focus();
  await page.keyboard.press('Enter');
}

test.describe('a concurrency timeline, predicted step by step', () => {
  for (const [width, height] of [
    [390, 844],
    [1440, 900],
  ] as const) {
    test(`every step by keyboard at ${width} px, one wrong, axe-clean in both themes`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(URL);
      const rows = page.locator('tr[data-step]');
      await expect(rows).toHaveCount(recording.steps.length);
      // Only the first step is shown, its outcome hidden until predicted; the takeaway waits for the end.
      await expect(rows.nth(0)).toBeVisible();
      await expect(rows.nth(1)).toBeHidden();
      await expect(rows.nth(0).getByText('Finishes')).toBeHidden();
      await expect(page.getByRole('heading', { name: 'What to take away' })).toBeHidden();

      const verdict = page.getByRole('status').filter({ hasText: /./ });
      for (const [i, step] of recording.steps.entries()) {
        const session = await rows.nth(i).getAttribute('data-session');
        await expect(page.locator('[data-question]')).toHaveText(
          `Step ${i + 1} of ${recording.steps.length}: session ${session} runs`,
        );
        const right = expected(step);
        // The learner gets step 6 (B's UPDATE) wrong: they expect it to finish, and it blocks.
        const guess = i === 5 ? 'finishes' : right;
        await predict(page, guess, step.result.rows && rowsText(step.result.rows));
        await expect(verdict).toContainText(guess === right ? 'Right' : `Not quite: it blocks, not finishes`);
        await expect(rows.nth(i).locator('[data-reveal]').first()).toBeVisible();
        if (i === 5) {
          expect(await axeBothThemes(page), 'mid-way').toEqual([]);
        }
        if (i < recording.steps.length - 1) {
          await expect(page.getByRole('button', { name: 'Next step' })).toBeFocused();
          await page.keyboard.press('Enter');
          await expect(rows.nth(i + 1)).toBeVisible();
        }
      }
      await expect(verdict).toContainText(
        `You predicted ${recording.steps.length - 1} of ${recording.steps.length} steps.`,
      );
      // The ending the recording shows: two withdrawals of 10 from 100 leave 90, not 80.
      await expect(rows.last().locator('td').first()).toContainText('90');
      await expect(page.getByRole('heading', { name: 'What to take away' })).toBeVisible();
      // B's blocked UPDATE finishes in B's column on the row of A's COMMIT.
      await expect(rows.nth(6).locator('td').nth(1)).toContainText('Step 6 stops waiting');
    });
  }

  test('"Show every step" reveals the whole timeline at once', async ({ page }) => {
    await page.goto(timelines.upsertRace.url);
    await page.getByRole('button', { name: 'Show every step' }).click();
    await expect(page.locator('tr[data-step]:visible')).toHaveCount(6);
    await expect(page.getByText('Fails with ERROR 23505')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What to take away' })).toBeVisible();
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the timeline is a complete page: every step, its outcome and why, and the takeaway', async ({ page }) => {
    await page.goto(timelines.deadlock.url);
    await expect(page.locator('tr[data-step]:visible')).toHaveCount(9);
    await expect(page.getByText('Blocks — waiting for session B')).toBeVisible();
    await expect(page.getByText('Fails with ERROR 40P01')).toBeVisible();
    await expect(page.locator('[data-panel]')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'What to take away' })).toBeVisible();
  });

  test('topics, labs and questions link their timelines, and every concurrency lab links one', async ({ page }) => {
    await page.goto(timelines.topic.url);
    await expect(page.getByRole('heading', { name: 'Watch it happen' })).toBeVisible();
    await page.goto(timelines.question.url);
    await expect(page.getByRole('link', { name: timelines.writeSkewSerializable.title })).toBeVisible();
    for (const lab of timelines.labs) {
      await page.goto(lab.url);
      await expect(page.locator('[data-lab-timelines] a').first(), lab.id).toBeVisible();
    }
  });
});
