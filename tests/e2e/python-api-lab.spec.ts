/**
 * An API lab answered in Python on its one page: the learner picks Python, a wrong ASGI app fails with the same
 * kind of message the JavaScript runner gives, a right one written differently from the solution (a class whose
 * instance is the app) passes and the lab shows passed, and each language keeps its own draft; an endless loop in the
 * handler is stopped at the request limit and the next run passes without a reload; a patch of builtins or
 * sys.modules in one run is gone in the next; a loop the interrupt cannot stop ends Python's worker, not
 * PostgreSQL's; and a lab started once works offline. One page and one start online serve all of that.
 */
import { expect, type Page } from '@playwright/test';
import { test } from './learner.ts';
import { readContentDir } from '../../src/lib/content/content-files.ts';
import { controlled, cutNetwork } from './offline-helpers.ts';

/** Pyodide's and PGlite's first start on a busy two-core machine take tens of seconds; a run itself a few. */
const ENGINE_START = 120_000;

const JS_DRAFT = `// my JavaScript draft
export default { async fetch() { return new Response('draft'); } };`;

const SWALLOWS = `from asgi_json import send_json

async def app(scope, receive, send):
    headers = [("Cache-Control", "no-store")]
    if scope["path"] == "/livez":
        return await send_json(send, 200, {"status": "ok"}, headers)
    enabled = False
    try:
        enabled = await scope["state"]["db"].fetchval("SELECT enabled FROM maintenance WHERE id = 1")
    except Exception:
        pass
    await send_json(send, 503 if enabled else 200, {"status": "unavailable" if enabled else "ok"}, headers)`;

const AS_A_CLASS = `import json

class Health:
    """Liveness from the process, readiness from the database."""

    async def answer(self, send, status, word):
        headers = [(b"content-type", b"application/json; charset=utf-8"), (b"cache-control", b"no-store, max-age=0")]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": json.dumps({"status": word, "checked": True}).encode()})

    async def __call__(self, scope, receive, send):
        if scope["path"] == "/livez":
            return await self.answer(send, 200, "ok")
        try:
            row = await scope["state"]["db"].fetchrow("SELECT enabled FROM maintenance WHERE id = $1", 1)
            ready = row is not None and not row["enabled"]
        except Exception as error:
            print("readiness failed:", type(error).__name__)
            ready = False
        await self.answer(send, 200 if ready else 503, "ok" if ready else "unavailable")

app = Health()`;

const ENDLESS = `async def app(scope, receive, send):
    while True:
        pass`;
/** A statement that holds the database past the request's limit: PGlite cannot cancel it. */
const SLEEPS = `async def app(scope, receive, send):
    await scope["state"]["db"].fetchval("SELECT pg_sleep(30)")`;
/** One C call that never checks for the interrupt: only ending Python's worker stops it. */
const UNINTERRUPTIBLE = `async def app(scope, receive, send):
    sum(range(10**15))`;
/** Right, and it spoils what the next run's module needs: builtins.sorted and the json module. */
const SPOILS = `import builtins, sys
${AS_A_CLASS}
builtins.sorted = None
sys.modules["json"] = None`;
/** Right, but only where sorted and json are as Python has them. */
const NEEDS_CLEAN = `import json
assert sorted([2, 1]) == [1, 2]
${AS_A_CLASS}`;

const editor = (page: Page) => page.getByRole('textbox', { name: /^Your / });

async function write(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function run(page: Page) {
  const said = page.locator('[data-announce]');
  await page.getByRole('button', { name: /^Run and check/ }).click();
  await expect(said).toHaveText(/^(Not yet|Passed)/, { timeout: ENGINE_START });
  return said;
}

/** Starts the lab in Python (picked now, or where the learner picked it before), waiting for Python's engine. */
async function startInPython(page: Page) {
  await page.getByRole('button', { name: /^(Start|Continue) the lab$/ }).click();
  await expect(page.locator('atlas-lab-workbench[data-ready="true"]')).toBeAttached({ timeout: ENGINE_START });
  const python = page.getByRole('radio', { name: 'Python' });
  if (await python.isChecked()) return;
  await python.check();
  await expect(page.locator('[data-announce]')).toHaveText('Python is ready.', { timeout: ENGINE_START });
}

// One page and one start of both engines online for the learner's path, the restart and the offline start, which
// needs a start online: each was a test with engines of its own (2026-11-26). Each step is named after its test.
test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('an API lab in Python: drafts, a fail and a pass, a stopped loop, a restart, and offline', async ({
    context,
    page,
  }) => {
    test.setTimeout(6 * ENGINE_START);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const started = (name: string) => workers.filter((url) => url.includes(name)).length;
    await page.goto('/labs/api-health-checks/');
    await controlled(page);
    await page.reload(); // served by the worker now, with its isolation headers
    await test.step('an API lab answered in Python fails a swallowed error, passes a class-based app, and keeps each draft', async () => {
      await page.getByRole('button', { name: /^(Start|Continue) the lab$/ }).click();
      await expect(page.locator('atlas-lab-workbench[data-ready="true"]')).toBeAttached({ timeout: ENGINE_START });
      await expect(editor(page)).toHaveAccessibleName('Your JavaScript');
      await write(page, JS_DRAFT);

      await page.getByRole('radio', { name: 'Python' }).check();
      await expect(editor(page)).toHaveAccessibleName('Your Python');
      await expect(editor(page)).toContainText('async def app(scope, receive, send):');
      // What the handler gets follows the language: scope, receive and send for Python, env for JavaScript.
      await expect(page.getByRole('heading', { name: 'In Python: what app(scope, receive, send) gets' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'What env offers' })).toBeHidden();
      await expect(page.locator('[data-announce]')).toHaveText('Python is ready.', { timeout: ENGINE_START });

      await write(page, SWALLOWS);
      await expect(await run(page)).toHaveText(/^Not yet/);
      const result = page.locator('[data-result]');
      await expect(result).toContainText('A failing database check is 503, not a crash, and leaks nothing');
      await expect(result).toContainText('GET /readyz: Expected status 503, got 200 OK.');

      await write(page, AS_A_CLASS);
      await expect(await run(page)).toHaveText(/^Passed/);
      await expect(page.locator('[data-status-line]')).toContainText(/^Passed on/);

      await page.getByRole('radio', { name: 'JavaScript' }).check();
      await expect(editor(page)).toContainText('// my JavaScript draft');
      await page.getByRole('radio', { name: 'Python' }).check();
      await expect(editor(page)).toContainText('class Health:');

      const record = await page.evaluate(
        () => (JSON.parse(localStorage.getItem('atlas-progress') ?? '{}') as { labs: Record<string, unknown> }).labs,
      );
      expect(Object.keys(record)).toEqual(['api-health-checks']);
      expect(record['api-health-checks']).toMatchObject({
        passed: expect.any(String),
        runs: 2,
        language: 'python',
        draft: JS_DRAFT,
        drafts: { python: AS_A_CLASS },
      });

      await page.evaluate(() => ((window as { sameLoad?: boolean }).sameLoad = true));
      await write(page, ENDLESS);
      const clicked = Date.now();
      await expect(await run(page)).toHaveText(/^Not yet/);
      const stoppedAfter = Date.now() - clicked;
      console.log(
        `An endless loop in a Python handler was stopped ${stoppedAfter} ms after the click (limit 2000 ms).`,
      );
      // Said once, in the status line with the request; under the test, only that it was stopped.
      await expect(page.locator('[data-announce]')).toContainText(
        /GET \/\S*: Stopped after 2 seconds, the limit of one request/,
      );
      await expect(result).toContainText('was stopped before it answered');
      await expect(result).not.toContainText('restarted');
      expect(stoppedAfter).toBeLessThan(2000 + 750 + 2000); // the limit, the host's grace, a reset of the database
      await write(page, SPOILS);
      await expect(await run(page)).toHaveText(/^Passed/);
      await write(page, NEEDS_CLEAN);
      await expect(await run(page)).toHaveText(/^Passed/);
      expect(await page.evaluate(() => (window as { sameLoad?: boolean }).sameLoad)).toBe(true);
    });
    await test.step('a request the interrupt cannot stop restarts Python, and the next run passes on the PostgreSQL already started', async () => {
      expect([started('python-api-worker'), started('python-db-database-worker')]).toEqual([1, 1]);
      await write(page, UNINTERRUPTIBLE);
      await expect(await run(page)).toHaveText(/^Not yet: Stopped .* The engine was restarted\.$/);
      // Python's worker is started again; PostgreSQL's, with PGlite loaded in it, is not.
      await expect.poll(() => started('python-api-worker')).toBe(2);
      expect(started('python-db-database-worker')).toBe(1);
      await write(page, AS_A_CLASS);
      // The run waits for the new Python to start: the stop's "Not yet" stays until its result.
      await expect(await run(page)).toHaveText(/^Passed/, { timeout: ENGINE_START });
      expect([started('python-api-worker'), started('python-db-database-worker')]).toEqual([2, 1]);
    });
    await test.step("a statement that outlives the request's limit stops the request at its limit, named, and PostgreSQL's worker is replaced", async () => {
      await write(page, SLEEPS);
      const clicked = Date.now();
      await expect(await run(page)).toHaveText(/^Not yet: Stopped after 2 seconds, the limit of one request/);
      const stoppedAfter = Date.now() - clicked;
      console.log(`A runaway statement from a Python handler was stopped ${stoppedAfter} ms after the click.`);
      await expect(page.locator('[data-announce]')).toContainText(
        'Postgres was still running your statement "SELECT pg_sleep(30)"',
      );
      expect(stoppedAfter).toBeLessThan(2000 + 1500 + 3000); // the limit, the host's grace, a reset of the database
      await write(page, AS_A_CLASS);
      await expect(await run(page)).toHaveText(/^Passed/, { timeout: ENGINE_START });
      // PGlite cannot cancel the statement: the database's worker that ran it was ended, and a new one started.
      expect([started('python-api-worker'), started('python-db-database-worker')]).toEqual([3, 2]);
    });
    await test.step('an API lab started once in Python runs offline: Pyodide, the ASGI host, both workers and PGlite', async () => {
      await cutNetwork(context, page);
      await page.reload();
      await startInPython(page);
      await write(page, AS_A_CLASS);
      await expect(await run(page)).toHaveText(/^Passed/);
      await context.setOffline(false);
    });
  });
});

/** The Python version of a lab whose check sends two requests at once (the same book twice: one 201, one 409). */
const racing = readContentDir().find((e) => e.collection === 'labs' && e.id === 'api-create-with-validation')?.data as {
  python: { solution: string; wrongAnswers: { race?: boolean; code: string }[] };
};

test("requests sent at once reach the database worker's PGlite in turn: the race is caught, the solution passes", async ({
  page,
}) => {
  test.setTimeout(4 * ENGINE_START);
  await page.goto('/labs/api-create-with-validation/');
  await startInPython(page);
  await write(page, racing.python.wrongAnswers.find((w) => w.race)!.code);
  await expect(await run(page)).toHaveText(/^Not yet/);
  await expect(page.locator('[data-result]')).toContainText(/Request [AB] of 2 sent at once/);
  await write(page, racing.python.solution);
  await expect(await run(page)).toHaveText(/^Passed/, { timeout: ENGINE_START });
});
