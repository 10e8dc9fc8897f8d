/**
 * The site in Brazilian Portuguese, as it is worked: the map, storage problems, the language switch, search, progress
 * shared between the languages, the preview cards, the pages not yet translated, and the translated labs run in
 * Portuguese. That every /pt-br/ page of the sitemap is in Portuguese as it loads (./portuguese.ts) is read by the
 * accessibility sweep, in the load it checks each page in (./accessibility.spec.ts).
 */
import type { Page } from '@playwright/test';
import { en } from '../../src/i18n/dictionary/en.ts';
import { ptBr } from '../../src/i18n/dictionary/pt-br.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeBothThemes } from './axe.ts';
import { DIST, sitemapPaths } from './build-output.ts';
import { expect, test } from './fixtures.ts';
import { ENGLISH, englishIn, portugueseText } from './portuguese.ts';
import { CONTENT_DIR, parseYaml } from '../../src/lib/content/content-files.ts';

const pages = sitemapPaths().filter((path) => path.startsWith('/pt-br/'));

/** The editor shows a starter comment in Portuguese, and not its English: the code around it is the English code. */
async function expectStarterCommentTranslated(page: Page, starter: string, comments: Record<string, string>) {
  const [comment, words] = Object.entries(comments).find(([text]) => starter.includes(text))!;
  await expect(page.locator('.cm-content')).toContainText(words);
  await expect(page.locator('.cm-content')).not.toContainText(comment);
}

test('the sitemap lists the Portuguese pages', () => {
  expect(pages.length).toBeGreaterThan(0);
  expect(ENGLISH).toContain('Skip to content');
  expect(ENGLISH).toContain('Your progress on');
});

test('the Portuguese map speaks Portuguese as it is worked: status, menu, plan, reset and their announcements', async ({
  page,
}) => {
  const path = pages.find((p) => p.startsWith('/pt-br/roadmaps/'))!;
  await page.goto(path);
  const said: string[] = [];
  const read = async () => said.push(await portugueseText(page));
  const announced = page.locator('[data-announce]');
  // Done on a node, then every status from its menu.
  const node = page.locator('.rg-topic').first();
  await node.locator('[data-status]').click();
  await expect(announced).toHaveText(/: concluído\.$/);
  await read();
  await node.locator('[data-status-menu]').click();
  await expect(page.locator('.rg-menu')).toBeVisible();
  await read();
  await page.locator('.rg-menu [data-set="learning"]').click();
  await expect(announced).toHaveText(/: estudando\.$/);
  // The plan, week by week.
  await page.locator('[data-planner] button[type="submit"]').click();
  // Dated as Brazilians write a date.
  await expect(page.locator('[data-plan] li').first()).toHaveText(/^Semana 1 \(\d{2}\/\d{2}\/\d{4}\): /);
  await read();
  // Reset: the dialog, then the notice with its Undo.
  await page.locator('[data-tools] summary').click();
  await page.locator('[data-reset]').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await read();
  // The topic is on other roadmaps too (the dialog asks): reset it there as well.
  await page.getByRole('dialog').locator('input[value="all"]').check();
  await page.getByRole('dialog').locator('button[value="reset"]').click();
  await expect(page.locator('[data-reset-undo]')).toContainText('zerado');
  await read();
  await page.locator('[data-reset-undo] button').click();
  await expect(announced).toHaveText(/^Desfeito/);
  await read();
  const found = englishIn(said);
  expect(found, `English interface text on ${path} as it is worked`).toEqual([]);
  // The announcements are read too: a live region holds one at a time.
  expect(said.join('\n')).toContain('Desfeito');
});

test('a Portuguese page explains in Portuguese a stored progress it cannot read, a broken progress link, and a note too long to keep', async ({
  page,
}) => {
  // A store cut short, as a crash mid-write leaves it, found by the first page only.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    localStorage.setItem('atlas-progress', '{"version":1,"topics":{"http":"mastered"');
    sessionStorage.setItem('seeded', '1');
  });
  await page.goto(pages.find((p) => p.startsWith('/pt-br/roadmaps/'))!);
  await expect(page.locator('[data-notice]').first()).toContainText('Não foi possível ler o seu progresso salvo');
  await page.goto('/pt-br/topics/http/');
  await page.locator('#topic-note').fill('x'.repeat(20_001));
  await expect(page.locator('[data-problem]')).toContainText(
    'esta anotação tem 20.001 caracteres e cada anotação comporta no máximo 20.000. Encurte-a em 1',
  );
  // A progress link from another version of the site: the reason in Portuguese too.
  await page.goto(`${pages.find((p) => p.startsWith('/pt-br/roadmaps/'))!}#share=9.1.x`);
  await expect(page.locator('[data-notice]').first()).toContainText(
    `Não foi possível ler este link de progresso (${ptBr.roadmapView.shareProblems.version})`,
  );
});

test('the language switch keeps the learner on the same page, both ways', async ({ readPage: page }) => {
  const path = pages.find((p) => p.startsWith('/pt-br/topics/'))!;
  const english = path.slice('/pt-br'.length);
  await page.goto(english);
  await page.locator('header a[hreflang="pt-BR"]:visible').click();
  await expect(page).toHaveURL(path);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', new RegExp(`${english}$`));
  await page.locator('header a[hreflang="en"]:visible').click();
  await expect(page).toHaveURL(english);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

/** The result links a search from the dialog lists, in order, on the page at `path`. */
async function searchFrom(page: Page, path: string, query: string): Promise<string[]> {
  await page.goto(path);
  await page.keyboard.press('Control+k');
  const input = page.getByRole('dialog').getByRole('searchbox');
  await expect(input).toBeFocused();
  await input.fill(query);
  const links = page.locator('[data-search-results] a.search-result-link');
  await expect(links.first()).toBeVisible();
  // The first two pages of results, as a learner who asks for more sees them.
  const more = page
    .getByRole('dialog')
    .getByRole('button', { name: new RegExp(`^(${en.searchBox.more}|${ptBr.searchBox.more})$`) });
  if (await more.isVisible()) {
    const shown = await links.count();
    await more.click();
    await expect.poll(() => links.count()).toBeGreaterThan(shown);
  }
  return links.evaluateAll((all) => all.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test('a Portuguese page searches the Portuguese pages first, and the English ones after them', async ({
  readPage: page,
}) => {
  const path = pages.find((p) => p.startsWith('/pt-br/topics/'))!;
  // A Portuguese word: the Portuguese pages, before anything English matches of it (a word it starts, say).
  const portuguese = await searchFrom(page, path, 'requisição');
  const firstEnglish = portuguese.findIndex((url) => !url.startsWith('/pt-br/'));
  expect(firstEnglish === -1 ? portuguese.length : firstEnglish).toBeGreaterThanOrEqual(3);
  // A word both languages use: the Portuguese page first, its English page further down.
  const both = await searchFrom(page, path, 'jwt');
  expect(both[0]).toBe('/pt-br/topics/jwt/');
  expect(both).toContain('/topics/jwt/');
  expect(both.indexOf('/topics/jwt/')).toBeGreaterThan(both.indexOf('/pt-br/topics/jwt/'));
  // A page only English has: found from a Portuguese page all the same.
  expect(await searchFrom(page, path, 'kafka')).toContain('/topics/kafka/');
  // The open dialog speaks Portuguese too: its box, filters, summary, result types and hints.
  const dialog = await portugueseText(page);
  expect(englishIn([dialog])).toEqual([]);
  await expect(page.getByRole('dialog').locator('[data-search-summary]')).toHaveText(/resultados? para kafka/);
  // An English page searches English only.
  expect((await searchFrom(page, '/topics/http/', 'jwt')).filter((url) => url.startsWith('/pt-br/'))).toEqual([]);
});

test('progress and notes are one per topic, whichever language the learner marks them in', async ({
  readPage: page,
}) => {
  const path = pages.find((p) => p.startsWith('/pt-br/topics/'))!;
  const english = path.slice('/pt-br'.length);
  await page.goto(path);
  await page.locator('atlas-topic-status [data-set="done"]').click();
  await expect(page.locator('atlas-topic-status [data-set="done"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('#topic-note').fill('Anotação em português');
  await page.locator('#topic-note').blur();
  await expect(page.locator('#note-state')).toContainText('Salvo às');
  await page.goto(english);
  await expect(page.locator('atlas-topic-status [data-set="done"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#topic-note')).toHaveValue('Anotação em português');
  // Cleared in English, cleared in Portuguese.
  await page.locator('atlas-topic-status [data-set="done"]').click();
  await page.goto(path);
  await expect(page.locator('atlas-topic-status [data-set="done"]')).toHaveAttribute('aria-pressed', 'false');
});

test('a Portuguese page shares a preview card in Portuguese, drawn by the build', () => {
  const cards = pages.map((path) => {
    const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
    return new URL(/<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? '', 'https://x.test').pathname;
  });
  expect(cards.filter((card) => !card.startsWith('/pt-br/og/') || !existsSync(join(DIST, card)))).toEqual([]);
  expect(cards).toContain('/pt-br/og/roadmaps/beginner-path.png');
});

/** The English pages of the sitemap, which every other language serves too, translated or not. */
const english = sitemapPaths().filter((path) => !path.startsWith('/pt-br/'));

test('no page is missing in Portuguese: every English page has its /pt-br/ address', () => {
  const missing = english.filter(
    (path) => !existsSync(join(DIST, 'pt-br', path, path.endsWith('/') ? 'index.html' : '')),
  );
  expect(missing).toEqual([]);
});

// One page of each kind not yet translated (the copies are the English page and one line; the sweep checks the rest).
const fallbacks = [
  ...Map.groupBy(
    english.filter((path) => !pages.includes(`/pt-br${path}`)),
    // A section's index and its entries are different templates.
    (path) => `${path.split('/')[1] ?? ''} ${String(path.split('/').length)}`,
  ).values(),
].map((group) => `/pt-br${group[0]!}`);

/** The copies axe reads: a roadmap's (a wide page) and a topic's (a column beside the text). */
const axeRead = (source: string) => /^\/(roadmaps|topics)\/[^/]+\/$/.test(source);

for (const path of fallbacks) {
  const axe = axeRead(path.slice('/pt-br'.length)) ? ', axe-clean' : '';
  test(`${path}, not yet translated, is the English page with a line in Portuguese${axe}`, async ({
    workerPage: page,
  }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const source = path.slice('/pt-br'.length);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${source}$`));
    const line = page.locator('main [data-untranslated]');
    await expect(line).toHaveAttribute('lang', 'pt-BR');
    await expect(line).toContainText(ptBr.language.fallback);
    await expect(line.getByRole('link', { name: ptBr.language.readSource })).toHaveAttribute('href', source);
    await expect(line.getByRole('link', { name: ptBr.language.translated })).toHaveAttribute('href', '/pt-br/');
    // A lab page is isolated under the prefix as it is in English, or its Python labs could not stop a runaway run.
    if (/^\/labs\/[^/]+\/$/.test(source)) expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    // The line is the same on every copy; axe reads it in both layouts (a roadmap's wide page, a topic's column). The
    // rest of each copy is the English page, which the accessibility sweep reads.
    if (axeRead(source)) expect(await axeBothThemes(page, ['pre code'])).toEqual([]);
  });
}

/** A lab translated, as its files hold it: the English lab's wrong answers and solution, the Portuguese words. */
function labFiles<T>(id: string) {
  const frontmatter = (file: string) =>
    parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(CONTENT_DIR, file), 'utf8'))?.[1] ?? '') as T & {
      solution: string;
      starter: string;
      wrongAnswers: { code: string }[];
    };
  return { english: frontmatter(`labs/${id}.md`), portuguese: frontmatter(`translations/pt-br/labs/${id}.md`) };
}

/**
 * A Portuguese lab page, started: what it said so far, its announcements, and `run`, which writes an answer in the
 * editor (named `editor`) and runs it.
 */
async function startLab(page: Page, id: string, editor: string | RegExp) {
  await page.goto(`/pt-br/labs/${id}/`);
  await page.getByRole('button', { name: ptBr.lab.start }).click();
  await expect(page.locator('atlas-lab-workbench[data-ready="true"]')).toBeAttached({ timeout: 60_000 });
  const said: string[] = [await portugueseText(page)];
  const run = async (code: string) => {
    await page.getByRole('textbox', { name: editor }).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(code);
    await page.getByRole('button', { name: new RegExp(`^${ptBr.lab.run}`) }).click();
  };
  return { said, announced: page.locator('[data-announce]'), run };
}

test('a Portuguese SQL lab is worked in Portuguese: a wrong answer is told why, and the right one passes', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const id = 'sql-group-by-having';
  const { english, portuguese } = labFiles<{ checks: { name: string }[] }>(id);
  const { said, announced, run } = await startLab(page, id, 'Seu SQL');
  // Under /pt-br/labs/ as under /labs/, a lab page is cross-origin isolated.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(announced).toContainText('Pronto (');
  // A wrong answer: the checks by their Portuguese names, the engine's observation in Portuguese.
  await run(english.wrongAnswers[0]!.code);
  await expect(announced).toContainText('Ainda não:');
  await expect(page.locator('[data-result]')).toContainText(portuguese.checks[0]!.name);
  await expect(page.locator('[data-result] .lab-check-message').first()).toContainText('Sua consulta retorna');
  said.push(await portugueseText(page));
  // The right answer.
  await run(english.solution);
  await expect(announced).toContainText('Aprovado:');
  said.push(await portugueseText(page));
  expect(englishIn(said), `English interface text on the lab as it is worked`).toEqual([]);
});

test('a Portuguese API lab is worked in Portuguese: its hidden tests, their exchanges and the request panel', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const id = 'api-conditional-get';
  const { english, portuguese } = labFiles<{ requests: { name: string }[]; comments: Record<string, string> }>(id);
  const { said, announced, run } = await startLab(page, id, /^Seu /);
  await expectStarterCommentTranslated(page, english.starter, portuguese.comments);
  // A wrong answer: the test by its Portuguese name, what it expected and why it failed in Portuguese.
  await run(english.wrongAnswers[0]!.code);
  await expect(announced).toContainText('Ainda não:');
  await expect(page.locator('[data-result]')).toContainText(portuguese.requests[0]!.name);
  await expect(page.locator('[data-result] details[open]').first()).toContainText(ptBr.labView.http.expected);
  said.push(await portugueseText(page));
  // The request panel answers in Portuguese too.
  await page.locator('[data-panel-form] button[type="submit"]').click();
  await expect(page.locator('[data-panel-state]')).toContainText('Respondeu');
  said.push(await portugueseText(page));
  // The right answer.
  await run(english.solution);
  await expect(announced).toContainText('Aprovado:');
  said.push(await portugueseText(page));
  expect(englishIn(said), `English interface text on the API lab as it is worked`).toEqual([]);
});

/** The English name of a code lab's first hidden test: the first argument of its first `test(…)` or `@test(…)`. */
const firstTestName = (tests: string) => /@?test\(\s*(['"])((?:\\.|(?!\1).)*)\1/.exec(tests)?.[2] ?? '';

for (const id of ['event-emitter', 'py-topological-order']) {
  test(`a Portuguese code lab is worked in Portuguese (${id}): its tests' names, their failures and the harness's words`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    type Code = { tests: string; strings: Record<string, string>; comments: Record<string, string> };
    const { english, portuguese } = labFiles<Code>(id);
    const { said, announced, run } = await startLab(page, id, /^Seu /);
    await expectStarterCommentTranslated(page, english.starter, portuguese.comments);
    // A wrong answer: the hidden tests by their Portuguese names, each failure in Portuguese words.
    await run(english.wrongAnswers[0]!.code);
    await expect(announced).toContainText('Ainda não:');
    const name = firstTestName(english.tests);
    await expect(page.locator('[data-result]')).toContainText(portuguese.strings[name]!);
    await expect(page.locator('[data-result]')).not.toContainText(name);
    const failures = (await page.locator('[data-result] .lab-check-message').allTextContents()).join('\n');
    expect(failures).not.toMatch(/\b(expected|got|value|condition)\b/);
    said.push(await portugueseText(page));
    // The right answer.
    await run(english.solution);
    await expect(announced).toContainText('Aprovado:');
    said.push(await portugueseText(page));
    expect(englishIn(said), `English interface text on the code lab as it is worked`).toEqual([]);
  });
}
