/**
 * Python as a first-class path, as a learner who writes Python meets it: the lab filters and /progress/ count a lab by
 * what it practises and every language it takes; an API lab's page speaks Python (scope, receive, send, send_json)
 * once Python is picked, before "Start the lab" as after, and shows the Python starter or the learner's Python draft;
 * "Next lab" keeps the language; and the key hints name this device's keys (⌘ on a Mac, none on a phone).
 */
import { expect, type Page } from '@playwright/test';
import { readContentDir } from '../../src/lib/content/content-files.ts';
import { codeLab, practiceLabs, pythonLabs } from './content.ts';
import { storeText, test } from './learner.ts';

/** The labs as their files say, apart from the build: which are Python database labs, which API labs take Python. */
const labFiles = readContentDir()
  .filter((e) => e.collection === 'labs')
  .map((e) => ({ id: e.id, ...(e.data as { language: string; setup?: string; python?: object }) }));
const pythonDatabaseLabs = labFiles.filter((l) => l.language === 'python' && l.setup !== undefined).map((l) => l.id);
const apiLabsInPython = labFiles.filter((l) => l.language === 'http' && l.python).map((l) => l.id);

const shownIds = (page: Page) =>
  page.locator('[data-labs] > li:not([hidden])').evaluateAll((items) => items.map((li) => li.getAttribute('data-lab')));
const takesPython = (id: string) => practiceLabs.find((l) => l.id === id)?.languages.includes('python');
const day = new Date().toISOString();

test('the filters find Python by every language a lab takes and by what it practises', async ({ page }) => {
  await page.goto('/labs/');
  const language = page.getByLabel('Language');
  const kind = page.getByLabel('Kind');
  await language.selectOption('python');
  await kind.selectOption({ label: 'SQL on Postgres' });
  await expect(page).toHaveURL(/\?kind=sql&language=python$/);
  await expect(page.locator('[data-count]')).toHaveText(new RegExp(`^${pythonDatabaseLabs.length} of \\d+ labs shown`));
  expect((await shownIds(page)).sort()).toEqual([...pythonDatabaseLabs].sort());

  await kind.selectOption({ label: 'HTTP API' });
  await expect(page.locator('[data-count]')).toHaveText(new RegExp(`^${apiLabsInPython.length} of \\d+ labs shown`));
  expect((await shownIds(page)).sort()).toEqual([...apiLabsInPython].sort());
  // Each card says so: the API lab is an HTTP API that takes Python among its languages.
  const card = page.locator(`[data-lab="${pythonLabs.api.id}"]`);
  for (const badge of ['HTTP API', 'JavaScript', 'TypeScript', 'Python'])
    await expect(card.locator('.badge', { hasText: new RegExp(`^${badge}$`) })).toBeVisible();

  // A link from before, ?language=http, still finds the API labs.
  await page.goto('/labs/?language=http');
  await expect(kind).toHaveValue('api');
  await expect(language).toHaveValue('');
});

test.describe('a learner who passed a Python database lab and an API lab in Python', () => {
  test.use({
    progress: storeText({
      labs: {
        [pythonLabs.database.id]: { passed: day, runs: 1, updated: day },
        [pythonLabs.api.id]: { passed: day, runs: 2, updated: day, language: 'python', drafts: { python: '# mine' } },
      },
    }),
  });

  test('/progress/ counts the database lab as SQL; the API lab page keeps Python: its next lab, its draft, its words', async ({
    page,
  }) => {
    await page.goto('/progress/');
    await expect(page.locator('[data-labs-summary]')).toContainText(
      /You passed 2 of \d+ labs \(1 SQL, 0 code, 1 HTTP API, 0 system design\)/,
    );

    await page.goto(pythonLabs.api.url);
    const python = page.getByRole('radio', { name: 'Python' });
    await test.step('before Start, the page opens in Python: its draft, what the app gets, its run note', async () => {
      await expect(python).toBeChecked();
      await expect(python).toBeEnabled();
      await expect(page.getByLabel('Your draft, kept in this browser')).toHaveText('# mine');
      await expect(page.getByLabel('Starter code')).toBeHidden();
      await expect(page.getByRole('button', { name: 'Continue the lab' })).toBeVisible();
      const app = page.locator('[data-python-app]');
      await expect(app.getByRole('heading', { name: 'In Python: what app(scope, receive, send) gets' })).toBeVisible();
      for (const name of ['scope["method"]', 'await receive()', 'await send(', 'await send_json(send, status, body'])
        await expect(app.locator('dt', { hasText: name })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'What env offers' })).toBeHidden();
      const bench = await page.locator('.lab-bench').innerText();
      expect(bench).toContain('Your module is loaded once for each hidden test');
      for (const javascript of ['afresh', 'console.log', 'env.db', 'promise']) expect(bench).not.toContain(javascript);
    });

    await test.step('"Next lab" after a pass in Python is a lab that takes Python; in JavaScript, one that takes JavaScript', async () => {
      const next = page.getByRole('navigation', { name: 'After this lab' }).getByRole('link', { name: /^Next lab: / });
      await expect(next).toHaveCount(1);
      const inPython = (await next.getAttribute('href'))!.split('/')[2]!;
      expect(takesPython(inPython), `${inPython} takes Python`).toBe(true);

      await page.getByRole('radio', { name: 'JavaScript' }).check();
      await expect(page.getByLabel('Starter code')).toBeVisible(); // no JavaScript draft: the starter
      await expect(page.getByRole('button', { name: 'Start the lab' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'What env offers' })).toBeVisible();
      const inJavaScript = (await next.getAttribute('href'))!.split('/')[2]!;
      expect(practiceLabs.find((l) => l.id === inJavaScript)?.languages).toContain('javascript');
    });

    await test.step('Python picked before Start is the language the editor opens in, with the draft', async () => {
      await python.check();
      await page.getByRole('button', { name: 'Continue the lab' }).click();
      const editor = page.getByRole('textbox', { name: 'Your Python' });
      await expect(editor).toHaveText('# mine');
    });
  });
});

test.describe('a Python lab passed', () => {
  test.use({ progress: storeText({ labs: { [pythonLabs.code.id]: { passed: day, runs: 1, updated: day } } }) });

  test('offers a lab in Python next, which opens in Python', async ({ page }) => {
    await page.goto(pythonLabs.code.url);
    const next = page.getByRole('navigation', { name: 'After this lab' }).getByRole('link', { name: /^Next lab: / });
    await expect(next).toBeVisible();
    const href = (await next.getAttribute('href'))!;
    const languages = practiceLabs.find((l) => l.id === href.split('/')[2])?.languages;
    expect(languages).toContain('python');
    await next.click();
    await expect(page.locator('[data-status-line]')).toBeVisible();
    // A lab that takes several languages opens in the learner's: Python picked, its starter shown.
    if (languages!.length > 1) {
      expect(href).toMatch(/\?language=python$/);
      await expect(page.getByRole('radio', { name: 'Python' })).toBeChecked();
      await expect(page.getByLabel('Python starter')).toContainText('async def app(scope, receive, send)');
    } else await expect(page.getByLabel('Starter code')).toBeVisible();
  });
});

test.describe('on a Mac', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  });
  test('the run keys are ⌘+Enter', async ({ page }) => {
    await page.goto(codeLab.url);
    await page.getByRole('button', { name: 'Start the lab' }).click();
    await expect(page.getByRole('button', { name: /^Run and check/ })).toHaveText('Run and check ⌘+Enter');
    await expect(page.locator('[data-editor-host]')).toContainText('⌘+Enter runs the checks.');
    await expect(page.locator('[data-announce]')).toHaveText(/Write your answer, then run it with ⌘\+Enter\.$/, {
      timeout: 60_000,
    });
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('no key is named: the button runs the checks', async ({ page }) => {
    await page.goto(codeLab.url);
    await page.getByRole('button', { name: 'Start the lab' }).click();
    await expect(page.getByRole('button', { name: /^Run and check/ })).toBeVisible();
    await expect(page.locator('[data-editor-host]')).toContainText('Run and check, under the editor, runs the checks.');
    await expect(page.locator('[data-announce]')).toHaveText(/Write your answer, then press Run and check\.$/, {
      timeout: 60_000,
    });
    expect(await page.locator('.lab-bench').innerText()).not.toMatch(/Ctrl|⌘|Enter/);
  });
});
