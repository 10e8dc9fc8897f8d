/**
 * API labs as a learner meets them: a wrong handler fails with the request, the response, what the test expected
 * and the SQL it ran; the reference handler passes and the pass shows on the lab's topic; the request panel sends
 * the learner's own request, shows the raw exchange and the SQL, keeps the data until reset and copies a curl
 * command; a handler that loops is stopped and one that never answers is caught; handler code cannot reach the
 * page's storage or the network; axe is clean with an exchange on screen in both themes. The lab under test is the
 * first API lab in the content, with its own solution and first wrong answer. With JavaScript off, the page lists
 * beside the editor what the handler's env offers.
 */
import type { Page } from '@playwright/test';
import { readContentDir } from '../../src/lib/content/content-files.ts';
import { ENV_MEMBERS } from '../../src/lib/labs/api/api-env.ts';
import { axeBothThemes } from './axe.ts';
import { expect, STORAGE_KEY, test } from './learner.ts';

interface ApiLab {
  solution: string;
  topics: string[];
  wrongAnswers: { why: string; code: string }[];
  language: string;
  env?: Record<string, string>;
}
const [entry] = readContentDir()
  .filter((e) => e.collection === 'labs' && (e.data as ApiLab).language === 'http')
  .sort((a, b) => a.id.localeCompare(b.id));
if (!entry) throw new Error('no API lab in content/labs');
const LAB = entry.data as ApiLab;
const LAB_URL = `/labs/${entry.id}/`;
const ENGINE_START = 60_000;

const announce = (page: Page) => page.locator('[data-announce]');
const panelState = (page: Page) => page.locator('[data-panel-state]');

async function start(page: Page) {
  await page.goto(LAB_URL);
  await page.getByRole('button', { name: /^(Start|Continue) the lab$/ }).click();
  await expect(page.locator('atlas-lab-workbench[data-ready="true"]')).toBeAttached({ timeout: ENGINE_START });
}

/** Replaces the editor's text as a paste would. */
async function write(page: Page, text: string) {
  await page.getByRole('textbox', { name: /^Your (HTTP handler|JavaScript)/ }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function runChecks(page: Page) {
  await page.getByRole('button', { name: /^Run and check/ }).click();
  await expect(announce(page)).not.toBeEmpty({ timeout: 30_000 });
}

async function send(page: Page) {
  await panelState(page).evaluate((el) => (el.textContent = ''));
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(panelState(page)).toHaveText(/^(Answered|No response)/, { timeout: 15_000 });
}

// Four tests' work on one start of the lab's engines: each test started QuickJS and PGlite in a context of its own
// (docs/benchmarks.md, "The test run"). The graded runs come first; a run after a panel request is no slower.
test.describe('with something of this site’s in storage', () => {
  test.use({ storage: { [`${STORAGE_KEY}-probe`]: 'secret' } });

  test('an API lab on one start: a wrong handler fails with the exchange and the reference passes; axe is clean; the request panel shows the exchange, keeps data until reset and copies curl; a looping or silent handler is caught and reaches neither storage nor the network', async ({
    page,
    context,
  }) => {
    test.setTimeout(300_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1')) foreign.push(request.url());
    });
    await start(page);

    await test.step('a wrong handler fails with the exchange; the reference handler passes', async () => {
      await write(page, LAB.wrongAnswers[0]!.code);
      await runChecks(page);
      await expect(announce(page)).toHaveText(/^Not yet: \d+ of \d+ tests pass(es)?\. First to fix: /);
      const failed = page.locator('.lab-check[data-passed="false"]').first();
      const exchange = failed.locator('details.lab-exchange');
      await expect(exchange).toHaveAttribute('open', '');
      await expect(exchange.getByRole('heading', { name: 'Request' })).toBeVisible();
      await expect(exchange.getByRole('heading', { name: 'The test expected' })).toBeVisible();
      await expect(exchange.getByRole('heading', { name: /^SQL it ran/ })).toBeVisible();
      await expect(exchange.locator('pre').first()).toHaveText(/^[A-Z]+ \/\S* HTTP\/1\.1\nHost: lab\.test/);

      await write(page, LAB.solution);
      await runChecks(page);
      await expect(announce(page)).toHaveText(/^Passed: all \d+ tests pass\./);
      await expect(page.locator('.lab-check[data-passed="false"]')).toHaveCount(0);
      const stored = await page.evaluate(
        (key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { labs?: Record<string, { passed?: string }> },
        STORAGE_KEY,
      );
      expect(stored.labs?.[entry.id]?.passed).toBeTruthy();
    });

    await test.step('axe is clean on an API lab with a failed exchange and the panel on screen, in both themes', async () => {
      await write(page, LAB.wrongAnswers[0]!.code);
      await runChecks(page);
      await send(page);
      expect(await axeBothThemes(page)).toEqual([]);
    });

    await test.step('the request panel shows the raw exchange and the SQL, keeps data until reset, and copies curl', async () => {
      await write(page, LAB.solution);
      const panel = page.getByRole('region', { name: 'Send your own request' });
      await expect(panel).toBeVisible();
      await send(page);
      const output = page.locator('[data-panel-output]');
      await expect(output.locator('pre').nth(1)).toHaveText(/^HTTP\/1\.1 \d{3} /);
      await expect(output.getByRole('heading', { name: /^SQL it ran \(\d+\)$/ })).toBeVisible();

      // A handler of the learner's own: a counter row it writes, which the next request sees until the data is reset.
      await write(
        page,
        `export default {
  async fetch(request, env) {
    await env.db.query('CREATE TABLE IF NOT EXISTS hits (n int)');
    await env.db.query('INSERT INTO hits VALUES (1)');
    const { rows } = await env.db.query('SELECT count(*)::int AS n FROM hits');
    return Response.json({ hits: rows[0].n, path: new URL(request.url).pathname });
  },
};`,
      );
      await panel.getByLabel('Method').selectOption('GET');
      await panel.getByLabel('Path').fill('/hits?x=1');
      await panel.getByLabel(/^Headers/).fill('');
      await panel.getByLabel('Body').fill('');
      await send(page);
      await expect(output).toContainText('"hits": 1');
      await send(page);
      await expect(output).toContainText('"hits": 2');
      await expect(output).toContainText('INSERT INTO hits VALUES (1)');
      await panel.getByRole('button', { name: 'Reset the data' }).click();
      await send(page);
      await expect(output).toContainText('"hits": 1');

      await panel.getByLabel('Method').selectOption('POST');
      await panel.getByLabel(/^Headers/).fill('Content-Type: application/json');
      await panel.getByLabel('Body').fill(`{"name":"it's"}`);
      await panel.getByRole('button', { name: 'Copy as curl' }).click();
      await expect(panelState(page)).toHaveText(/^Copied a curl command/);
      const curl = await page.evaluate(() => navigator.clipboard.readText());
      expect(curl).toBe(
        `curl -i \\\n  -X POST \\\n  'http://localhost:8787/hits?x=1' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{"name":"it'\\''s"}'`,
      );
    });

    await test.step('a handler that loops is stopped, one that never answers is caught, and neither reaches storage or the network', async () => {
      const panel = page.getByRole('region', { name: 'Send your own request' });
      await panel.getByLabel('Method').selectOption('GET');
      await panel.getByLabel(/^Headers/).fill('');
      await panel.getByLabel('Body').fill('');

      await write(page, 'export default { async fetch() { for (;;) {} } };');
      await send(page);
      await expect(panelState(page)).toHaveText(/^No response: Stopped after 2 seconds/);
      await runChecks(page);
      // The status line says which request was stopped and by which limit, once: not again under each test.
      await expect(announce(page)).toHaveText(
        /^Not yet: .* First to fix: .*\. [A-Z]+ \/\S*: Stopped after 2 seconds, the limit of one request/,
      );
      const result = await page.locator('[data-result]').innerText();
      expect(result.match(/Stopped after|the limit of one request/g), result).toBeNull();

      await write(page, 'export default { fetch() { return new Promise(() => {}); } };');
      await send(page);
      await expect(panelState(page)).toHaveText(/never answered/);

      await write(
        page,
        `export default {
  async fetch() {
    const names = ['fetch', 'XMLHttpRequest', 'WebSocket', 'localStorage', 'indexedDB', 'importScripts', 'postMessage', 'document', 'caches'];
    let network = 'no error';
    try { await fetch('https://example.com/'); } catch (e) { network = e.name; }
    return Response.json({ kinds: names.map((n) => typeof globalThis[n]), network });
  },
};`,
      );
      await send(page);
      await expect(page.locator('[data-panel-output]')).toContainText(`"network": "ReferenceError"`);
      const body = await page.locator('[data-panel-output] pre').nth(1).textContent();
      expect((JSON.parse(body!.slice(body!.indexOf('\n\n') + 2)) as { kinds: string[] }).kinds).toEqual(
        Array(9).fill('undefined'),
      );
      expect(await page.evaluate((key) => localStorage.getItem(`${key}-probe`), STORAGE_KEY)).toBe('secret');
      expect(foreign).toEqual([]);
    });

    await test.step('the pass shows on its topic', async () => {
      await page.goto(`/topics/${LAB.topics[0]}/`);
      await expect(page.locator(`[data-topic-lab-links] [data-lab-passed="${entry.id}"]`)).toBeVisible();
    });
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the page says beside the editor what env offers, with signatures and meanings', async ({ page }) => {
    await page.goto(LAB_URL);
    const env = page.getByRole('region', { name: 'What env offers' });
    await expect(env).toBeVisible();
    for (const member of ENV_MEMBERS) await expect(env).toContainText(member.signature);
    for (const name of Object.keys(LAB.env ?? {})) await expect(env).toContainText(`env.${name} → string`);
    // Beside the editor on a wide screen: the list sits in the column left of it.
    const [list, editor] = await Promise.all([env.boundingBox(), page.locator('[data-editor-host]').boundingBox()]);
    expect(list!.x + list!.width).toBeLessThanOrEqual(editor!.x);
  });
});

/** An API lab as read from its file, with the wrong answers that only requests sent at once catch. */
type RaceLab = { wrongAnswers: { race?: boolean; code: string }[] };

const raceEntry = readContentDir().find(
  (e) => e.collection === 'labs' && (e.data as RaceLab).wrongAnswers.some((w) => w.race),
);

test('requests sent at once show each request and their statements in the order they ran', async ({ page }) => {
  test.setTimeout(150_000);
  if (!raceEntry) throw new Error('no API lab with a wrong answer marked race in content/labs');
  const lab = raceEntry.data as RaceLab;
  await page.goto(`/labs/${raceEntry.id}/`);
  await page.getByRole('button', { name: /^(Start|Continue) the lab$/ }).click();
  await expect(page.locator('atlas-lab-workbench[data-ready="true"]')).toBeAttached({ timeout: ENGINE_START });
  await write(page, lab.wrongAnswers.find((w) => w.race)!.code);
  await runChecks(page);
  await expect(announce(page)).toHaveText(/^Not yet: /);
  const failed = page.locator('.lab-check[data-passed="false"]').first();
  await expect(failed).toContainText(/Request B of 2 sent at once/);
  const atOnce = failed.locator('details.lab-exchange').first();
  await expect(atOnce).toHaveAttribute('open', '');
  await expect(atOnce.locator('summary').first()).toHaveText(/^2 requests sent at once: A .+; B .+/);
  await expect(atOnce.getByRole('heading', { name: /^The statements in the order they ran/ })).toBeVisible();
  // Both requests look before either writes: A's first statement, then B's, named in the order they ran.
  const who = await atOnce.locator('.lab-turn-who').allTextContents();
  expect(who.slice(0, 2)).toEqual(['Request A, statement 1', 'Request B, statement 1']);
  await expect(atOnce.locator('.lab-turn pre').first()).toHaveAccessibleName('Request A, statement 1: SQL');
  // Each request's own exchange folds under its letter and opens from the keyboard.
  const requestB = atOnce.locator('details.lab-exchange').nth(1);
  await requestB.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(requestB).toHaveAttribute('open', '');
  await expect(requestB.locator('summary')).toHaveText(/^Request B: POST /);
  expect(await axeBothThemes(page)).toEqual([]);
});
