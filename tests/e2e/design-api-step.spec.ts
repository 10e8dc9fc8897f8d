/**
 * A design lab's API-and-data-model step as a learner meets it: routes and tables written their own way (an /api/v1
 * prefix, a parameter called anything, a unique index instead of a primary key) are checked by what the task needs,
 * a plain index is not taken for a unique key, the model answer shows once they compare and stays through a reload;
 * axe is clean with the verdict on screen; with JavaScript off the model answer reads in its details.
 */
import { readContentDir } from '../../src/lib/content/content-files.ts';
import { expect } from '@playwright/test';
import { axeBothThemes } from './axe.ts';
import { labPage } from './content.ts';
import { readStore, test } from './learner.ts';

const LAB = labPage('design-url-shortener');
const lab = readContentDir().find((e) => e.collection === 'labs' && e.id === LAB.id)!.data as {
  apiModel: { model: string; rubric: string[]; routes: unknown[]; tables: unknown[] };
};
const ROUTES = 'POST /api/v1/short-urls  {"url": "…"} → 201\nGET /{slug}  → 302 Location';
const PLAIN_INDEX =
  'CREATE TABLE short_urls (\n  id bigint PRIMARY KEY,\n  slug text NOT NULL,\n  target text NOT NULL\n);\nCREATE INDEX ON short_urls (slug);';

test('routes and tables are checked by what the task needs, then compared with the model, and kept', async ({
  page,
}) => {
  await page.goto(LAB.url);
  const step = page.getByRole('region', { name: '3. API and data model' });
  const routes = step.getByRole('textbox', { name: 'Routes, one a line' });
  const tables = step.getByRole('textbox', { name: 'Tables, in SQL' });
  const needs = step.locator('[data-api-needs] li');
  const model = page.locator('[data-answer="api"]');
  const check = step.getByRole('button', { name: 'Check what the task needs' });
  await expect(model).toBeHidden();

  await routes.fill(ROUTES);
  await tables.fill(PLAIN_INDEX);
  await check.focus();
  await page.keyboard.press('Enter');
  const total = lab.apiModel.routes.length + lab.apiModel.tables.length;
  await expect(step.locator('[data-api-announce]')).toHaveText(
    `${total - 1} of ${total} needs met. Add what is missing and check again.`,
  );
  await expect(needs.filter({ hasText: 'Met:' })).toHaveCount(total - 1);
  await expect(needs.filter({ hasText: 'POST /api/v1/short-urls' })).toHaveCount(1);
  // An index speeds the lookup but does not keep two links from taking one code.
  await expect(needs.filter({ hasText: /^Not yet: / })).toHaveCount(1);
  await expect(model, 'the model waits for the learner to compare').toBeHidden();
  expect(await axeBothThemes(page)).toEqual([]);

  const unique = PLAIN_INDEX.replace('CREATE INDEX', 'CREATE UNIQUE INDEX');
  await tables.fill(unique);
  await check.click();
  await expect(step.locator('[data-api-announce]')).toHaveText(
    `${total} of ${total} needs met. Compare with the model answer.`,
  );
  await step.getByRole('button', { name: 'Compare with the model answer' }).click();
  await expect(model).toBeVisible();
  await expect(model).toHaveAttribute('open', '');
  await expect(model.getByLabel('Model routes and tables')).toHaveText(lab.apiModel.model.trimEnd());
  await expect(model).toContainText(lab.apiModel.rubric[0]!.slice(0, 40));

  await page.reload();
  await expect(routes).toHaveValue(ROUTES);
  await expect(tables).toHaveValue(unique);
  await expect(model).toBeVisible();
  const draft = JSON.parse((await readStore(page)).labs[LAB.id]?.draft ?? '{}') as Record<string, unknown>;
  expect(draft).toMatchObject({ routes: ROUTES, tables: unique, modelled: true });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the model API and data model read in their details', async ({ page }) => {
    await page.goto(LAB.url);
    await expect(page.getByRole('button', { name: 'Check what the task needs' })).toBeHidden();
    await page.getByText('The model API and data model', { exact: true }).click();
    await expect(page.getByLabel('Model routes and tables')).toContainText('CREATE TABLE');
  });
});
