/**
 * The project checker, seen from the site: the project page serves the checker and the contract; the link a run ends
 * with records the milestones that passed on the learner's portfolio, told apart from what was ticked by hand; a
 * link that is damaged, forged out of range or older than the run already recorded changes nothing and says why.
 */
import { expect, test } from './fixtures.ts';
import { axeBothThemes } from './axe.ts';
import { project } from './content.ts';
import { pageErrors, readStore, readStoreText } from './learner.ts';

const PROJECT = project.url;
/** Today as the checker writes a run's day: UTC. */
const today = new Date().toISOString().slice(0, 10);
const link = (fragment: string) => `${PROJECT}#checked=${fragment}`;

test('serves the checker and the contract the page links', async ({ page }) => {
  await page.goto(PROJECT);
  const section = page.locator('#check-your-server').locator('..');
  const checker = await page.request.get(
    (await section.getByRole('link', { name: 'atlas-check.mjs' }).getAttribute('href'))!,
  );
  expect(checker.status()).toBe(200);
  expect(await checker.text()).toContain('Backend Atlas project checker');
  const contract = await page.request.get(
    (await section.getByRole('link', { name: 'OpenAPI contract' }).getAttribute('href'))!,
  );
  expect(((await contract.json()) as { openapi: string }).openapi).toBe('3.1.0');
  await expect(section).toContainText(`node atlas-check.mjs ${project.id} --base http://127.0.0.1:8080`);
});

test('a result link records the milestones that passed, apart from ticks by hand, once', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto(link(`1.0.0:${today}:1,2,4`));
  const result = page.locator('atlas-checker-result');
  const said = `milestones 1, 2 and 4 of 6 passed the project checker on ${today} (checker 1.0.0, run by the learner)`;
  await expect(result.locator('[data-result-message]')).toHaveText(`Recorded on your portfolio: ${said}.`);
  await expect(result.locator('[data-mark]')).toHaveText(`Your last run here: ${said}.`);
  // The fragment was read once: the address no longer carries it.
  expect(new URL(page.url()).hash).toBe('');
  const stored = await readStore(page);
  expect(stored.projects[project.id]).toMatchObject({
    status: 'building',
    features: [],
    checked: { version: '1.0.0', day: today, milestones: [1, 2, 4], of: 6 },
  });
  expect(await axeBothThemes(page)).toEqual([]);

  await page.goto('/progress/');
  const card = page.locator('atlas-portfolio-section li');
  await expect(card).toContainText(
    `0 of ${project.features} features, 0 of ${project.stretchGoals} stretch goals ticked by hand`,
  );
  await expect(card.locator('[data-checker]')).toHaveText(`Checked: ${said}.`);
  expect(errors).toEqual([]);
});

test('a damaged, forged or older link is refused with the reason, and the portfolio stays as it was', async ({
  page,
}) => {
  await page.goto(link(`1.0.0:${today}:1,2`));
  await expect(page.locator('[data-result-message]')).toContainText('Recorded on your portfolio');
  const before = await readStoreText(page);
  const cases = [
    [`1.0.0:${today}:9`, 'The milestones must be numbers from 1 to 6, each once.'],
    [`1.0.0:${today}:1,1`, 'The milestones must be numbers from 1 to 6, each once.'],
    ['1.0.0:2999-01-01:1', '"2999-01-01" is not the day of a checker run.'],
    [`<img src=x>:${today}:1`, 'is not a checker version.'],
    [`1.0.0:${today}`, 'it should read version:day:milestones.'],
    ['%E0%A4%A', 'The link is damaged'],
    ['1.0.0:2026-01-02:1,2,3,4,5', 'Your portfolio already holds a later checker run'],
  ] as const;
  for (const [fragment, reason] of cases) {
    await page.goto(link(fragment));
    await expect(page.locator('[data-result-message]')).toContainText(reason);
    expect(await readStoreText(page)).toBe(before);
  }
  await expect(page.locator('img')).toHaveCount(0);
});
