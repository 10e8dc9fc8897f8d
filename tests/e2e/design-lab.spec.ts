/**
 * A design lab as a learner meets it: estimates graded with the arithmetic shown after; a design written and run by
 * keyboard fails the scenario it breaks, saying where the time went but not the fix, and once changed passes, which
 * the progress store keeps and a reload restores; a changed measured number stops the run, named by its line;
 * a run can be stopped, and records nothing; trade-offs are committed before the rubric shows, and kept; axe is clean with results on screen in both themes; a
 * design lab opened once runs offline; and with JavaScript off the page reads as the exercise with its answers and
 * its deep dive's links to the labs that build the design's parts.
 */
import { readContentDir } from '../../src/lib/content/content-files.ts';
import { expect, type Page } from '@playwright/test';
import { axeBothThemes } from './axe.ts';
import { labPage } from './content.ts';
import { controlled, cutNetwork } from './offline-helpers.ts';
import { readStore, test } from './learner.ts';

const LAB = labPage('design-url-shortener');
const labs = readContentDir().filter((e) => e.collection === 'labs');
const lab = labs.find((e) => e.id === LAB.id)!.data as {
  solution: string;
  wrongAnswers: { fails: string; code: string }[];
  tradeoffs: { prompt: string; rubric: string[] };
  deepDives: { lab: string; why: string }[];
  atScale: string;
};
/** The wrong design without a replica: it fails the failover scenario. */
const NO_REPLICA = lab.wrongAnswers.find((w) => w.fails === 'failover')!.code;
const RUN_LIMIT = 60_000;

const design = (page: Page) => page.getByRole('textbox', { name: 'Your design', exact: true });
const announce = (page: Page) => page.locator('[data-announce]');

/** Replaces the design by keyboard: focus, select all, type (as a paste would). */
async function writeDesign(page: Page, text: string) {
  await design(page).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Runs the scenarios from the keyboard and waits for the verdict. */
async function runByKeyboard(page: Page) {
  await page.getByRole('button', { name: 'Run the scenarios' }).focus();
  await page.keyboard.press('Enter');
  await expect(announce(page)).toHaveText(/^(Passed|Not yet|Not run)/, { timeout: RUN_LIMIT });
  return announce(page);
}

test('a learner estimates, writes a design that fails a scenario, changes it and passes, by keyboard', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(LAB.url);
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));

  await page.getByLabel('Redirects a second at the daily peak').fill('1,200');
  await page.getByLabel('Storage for five years of links, at 500 bytes a link').fill('3 TB');
  await page.getByLabel(/^Memory to cache/).fill('120');
  await page.getByRole('button', { name: 'Check my estimates' }).focus();
  await page.keyboard.press('Enter');
  // A first check says close, too low or too high, with the learner's unit read, and gives nothing away.
  const estimates = page.locator('[data-estimates-form] [data-verdict]');
  await expect(estimates.nth(0)).toHaveText('Close enough: 1,200 requests/s.');
  await expect(estimates.nth(1)).toHaveText(/^Too high: 3,000 GB is outside ±50 % of the estimate\. Check your/);
  await expect(estimates.nth(2)).toHaveText(/^Too high: 120 GB is outside ±50 % of the estimate/);
  await expect(page.locator('[data-answer="estimates"]')).toBeHidden();
  await expect(page.locator('[data-estimates-announce]')).toContainText('after 2 more tries, or now if you ask');
  await page.getByRole('button', { name: 'Show the arithmetic' }).focus();
  await page.keyboard.press('Enter');
  await expect(estimates.nth(0)).toHaveText(/^Close enough: 1,200 against about 1,000 requests\/s/);
  await expect(estimates.nth(2)).toHaveText(/^Too high: 120 is 10× over about 12 GB/);
  await expect(page.locator('[data-answer="estimates"]')).toBeVisible();
  expect(
    fetched.filter((p) => p.endsWith('.js')),
    'the simulator loads on the first edit, not before',
  ).toEqual([]);

  await writeDesign(page, NO_REPLICA);
  const diagram = page.getByRole('img', { name: 'Diagram: your design, drawn from the text' });
  await expect(diagram.locator('.diagram-cache')).toHaveCount(1);
  const failed = await runByKeyboard(page);
  await expect(failed).toHaveText(/^Not yet: \d of 4 scenarios met\. Failed: .*The database primary fails at the peak/);
  const scenario = page.locator('[data-scenario="failover"]');
  await expect(scenario).toContainText('errors and drops');
  await expect(scenario).toContainText('Where the time went');
  await expect(scenario).not.toContainText(/replicas? 1|add a replica/i);
  await expect(scenario.getByRole('img', { name: /^Latency:/ })).toBeVisible();
  await scenario.getByText('The figures over time, as a table').click();
  await expect(scenario.getByRole('table').getByRole('row')).toHaveCount(21);

  await writeDesign(page, lab.solution);
  await expect(await runByKeyboard(page)).toHaveText(/^Passed: your design meets all 4 scenarios\./);
  await expect(page.getByRole('navigation', { name: 'After this lab' })).toBeVisible();
  const record = (await readStore(page)).labs['design-url-shortener'];
  expect(record?.passed).toBeTruthy();
  expect(record?.runs).toBe(2);

  expect(await axeBothThemes(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await expect(design(page)).toHaveValue(lab.solution);
  await expect(page.getByLabel('Redirects a second at the daily peak')).toHaveValue('1,200');
  await expect(page.locator('#step-design [data-passed-on]')).toBeVisible();
});

test('a run can be stopped by keyboard: nothing is recorded, and the next run goes on', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(LAB.url);
  await writeDesign(page, lab.solution);
  // The simulator's worker is held back, so the run is still going when Stop is pressed, on any machine.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/design-worker/, async (route) => {
    await held;
    await route.continue().catch(() => undefined); // the stopped worker's request may be gone by then
  });
  await page.getByRole('button', { name: 'Run the scenarios' }).click();
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  await expect(stop).toBeEnabled();
  await stop.focus();
  await page.keyboard.press('Enter');
  await expect(announce(page)).toHaveText(/^Stopped: you stopped the run before every scenario had run/);
  await expect(stop).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Run the scenarios' })).toBeFocused();
  // No store yet (nothing was ever recorded here), or one without this lab.
  const store = await readStore(page).catch(() => undefined);
  expect(store?.labs['design-url-shortener']).toBeUndefined();
  release();
  await page.unroute(/design-worker/);
  await expect(await runByKeyboard(page)).toHaveText(/^Passed: your design meets all 4 scenarios\./);
});

// One load for both: each check is a run that stops before the scenarios.
test('a problem in the design, or a changed measured number, is named by line before anything runs', async ({
  page,
}) => {
  await page.goto(LAB.url);
  await test.step('a problem in the design is named by line before anything runs', async () => {
    await writeDesign(page, 'service api\n  instances many\n');
    await expect(await runByKeyboard(page)).toHaveText(/^Not run: your design has/);
    await expect(page.locator('[data-problems]')).toContainText('line 2');
    await expect(design(page)).toHaveAttribute('aria-invalid', 'true');
  });
  await test.step("a changed measured number is named by its line and the lab's value, and nothing runs", async () => {
    await writeDesign(page, lab.solution.replace('  read 15 ms', '  read 1 ms'));
    await expect(await runByKeyboard(page)).toHaveText(/^Not run: your design has a problem/);
    await expect(page.locator('[data-problems]')).toContainText(
      /line \d+, column \d+: database "db": read is measured at 15 ms, not 1 ms/,
    );
    await expect(page.locator('[data-scenario]')).toHaveCount(0);
  });
});

test('trade-offs are written, committed, then compared with the rubric, and kept through a reload', async ({
  page,
}) => {
  await page.goto(LAB.url);
  const notes = page.getByRole('textbox', { name: lab.tradeoffs.prompt.slice(0, 40) });
  const rubric = page.locator('[data-answer="tradeoffs"]');
  const commit = page.getByRole('button', { name: 'Commit and compare with the rubric' });
  await expect(rubric).toBeHidden();
  await commit.click();
  await expect(rubric, 'nothing written, nothing to compare').toBeHidden();
  const written = 'A cache costs memory and staleness; replicas cost money and lag, so a new link may 404 at first.';
  await notes.fill(written);
  await commit.focus();
  await page.keyboard.press('Enter');
  await expect(rubric).toBeVisible();
  await expect(rubric).toHaveAttribute('open', '');
  await expect(rubric).toContainText(lab.tradeoffs.rubric[0]!.slice(0, 40));
  await page.reload();
  await expect(notes).toHaveValue(written);
  await expect(rubric).toBeVisible();
  const draft = JSON.parse((await readStore(page)).labs[LAB.id]?.draft ?? '{}') as Record<string, unknown>;
  expect(draft).toMatchObject({ tradeoffs: written, compared: true });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a design lab opened once runs offline', async ({ context, page }) => {
    test.setTimeout(150_000);
    await page.goto(LAB.url);
    await controlled(page);
    await writeDesign(page, NO_REPLICA);
    await runByKeyboard(page);
    await cutNetwork(context, page);
    await page.reload();
    await writeDesign(page, lab.solution);
    await expect(await runByKeyboard(page)).toHaveText(/^Passed/);
    await context.setOffline(false);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page reads as the exercise, with each answer and the model design in a details', async ({ page }) => {
    await page.goto(LAB.url);
    await expect(page.getByRole('button', { name: 'Run the scenarios' })).toBeHidden();
    await expect(design(page)).toHaveValue(/traffic clicks/);
    await expect(page.getByRole('img', { name: 'Diagram: your design, drawn from the text' })).toBeVisible();
    await page.getByText('Model answer', { exact: true }).click();
    await expect(page.getByLabel('Model design', { exact: true })).toContainText('reads-from replicas');
    await page.getByText('The arithmetic', { exact: true }).click();
    await expect(page.locator('[data-answer="estimates"]')).toContainText('≈ 1,000 a second');
    // With the arithmetic, what the estimates become at production scale and which slice the run is.
    await expect(page.locator('[data-answer="estimates"] [data-at-scale]')).toHaveText(lab.atScale);
    await page.getByText('The rubric', { exact: true }).click();
    await expect(page.locator('[data-answer="tradeoffs"]')).toContainText(lab.tradeoffs.rubric[0]!.slice(0, 40));
    // The deep dive links each lab that builds a part of this design, by its title, with what it builds.
    const deepDive = page.getByRole('region', { name: '6. Deep dive' });
    for (const dive of lab.deepDives) {
      const title = (labs.find((e) => e.id === dive.lab)!.data as { title: string }).title;
      await expect(deepDive.getByRole('link', { name: title, exact: true })).toHaveAttribute(
        'href',
        `/labs/${dive.lab}/`,
      );
      await expect(deepDive).toContainText(dive.why.slice(0, 60));
    }
    await deepDive.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      (labs.find((e) => e.id === lab.deepDives[0]!.lab)!.data as { title: string }).title,
    );
  });
});
