/** The roadmap page: graph without JavaScript, keyboard order, progress, sharing, planner, print, deep links. */
import { readFileSync } from 'node:fs';
import { mainRoadmap, otherRoadmap, topic, type TopicPage } from './content.ts';
import {
  copiedText,
  expect,
  EXPORT_KIND,
  FORMAT_VERSION,
  node,
  readStoreIfAny,
  readStoreText,
  recordClipboard,
  setAside,
  test,
} from './learner.ts';

const MAIN = mainRoadmap.url;
const OTHER = otherRoadmap.url; // shares `topic` with MAIN
const [first, second] = mainRoadmap.required.filter((t) => t.id !== topic.id) as [TopicPage, TopicPage];

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });

  test('the graph is in the HTML: positioned nodes that link to topics, edges, optional topics marked', async ({
    page,
  }) => {
    await page.goto(MAIN);
    await expect(page.locator('.rg-edges path').first()).toBeAttached();
    expect(await page.locator('.rg-edges path').count()).toBeGreaterThan(5);
    await expect(page.locator('.rg-edges')).toBeVisible();
    const first = await page.locator('.rg-topic').nth(0).boundingBox();
    const second = await page.locator('.rg-topic').nth(1).boundingBox();
    expect(second!.x).toBeGreaterThan(first!.x + first!.width - 1); // laid out side by side, not stacked
    const links = page.locator('.rg-topic a.rg-topic-link[href^="/topics/"]');
    expect(await links.count()).toBeGreaterThan(100);
    await expect(page.locator('.rg-topic[data-optional] .rg-tag').first()).toHaveText('optional');
    await expect(page.locator('.rg-topic[data-alternative] .rg-tag').first()).toContainText('pick one');
    // No controls that would not work: in the HTML (no second layout once a script runs), never shown or named.
    await expect(page.locator('.rg-status, .rg-more, .rg-copy').filter({ visible: true })).toHaveCount(0);
    expect(await page.getByRole('button', { name: /^(Done|Status): / }).count()).toBe(0);
  });

  test('at 320 px the graph becomes a vertical list', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(MAIN);
    await expect(page.locator('.rg-edges')).toBeHidden();
    const a = await page.locator('.rg-topic').nth(0).boundingBox();
    const b = await page.locator('.rg-topic').nth(1).boundingBox();
    expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
  });
});

test('Tab walks the topic nodes in reading order', async ({ readPage: page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(MAIN);
  const expected = await page
    .locator('.rg-topic')
    .evaluateAll((nodes) => nodes.slice(0, 12).map((n) => (n as HTMLElement).id));
  // Reading order on screen: row by row within a stage.
  const boxes = await page.locator('.rg-topic').evaluateAll((nodes) =>
    nodes
      .slice(0, 12)
      .map((n) => n.getBoundingClientRect())
      .map((r) => [r.top, r.left]),
  );
  for (let i = 1; i < boxes.length; i++) {
    const [top, left] = boxes[i]!;
    const [prevTop, prevLeft] = boxes[i - 1]!;
    expect(top! > prevTop! + 1 || (Math.abs(top! - prevTop!) <= 1 && left! > prevLeft!)).toBe(true);
  }
  await page.locator('.rg-topic a').first().focus();
  const visited: string[] = [];
  for (let i = 0; i < 40 && visited.length < 12; i++) {
    const id = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return el.matches('.rg-topic a.rg-topic-link') ? (el.closest('.rg-topic[id]') as HTMLElement).id : null;
    });
    if (id && visited.at(-1) !== id) visited.push(id);
    await page.keyboard.press('Tab');
  }
  expect(visited).toEqual(expected);
});

test('mark done by keyboard, reload, still done, and done on another roadmap and on the topic page', async ({
  page,
}) => {
  await page.goto(MAIN);
  await node(page, topic.id).locator('.rg-topic-link').focus();
  await page.keyboard.press('d');
  await expect(node(page, topic.id)).toHaveAttribute('data-state', 'done');
  await expect(page.getByRole('status').filter({ hasText: `${topic.title}: done.` })).toBeAttached();
  // The Done toggle: one click marks done, a second puts the topic back where it was (learning, by key).
  await node(page, first.id).locator('.rg-topic-link').focus();
  await page.keyboard.press('l');
  const done = page.getByRole('button', { name: `Done: ${first.title}`, exact: true });
  await expect(done).toHaveAttribute('aria-pressed', 'false');
  await done.click();
  await expect(node(page, first.id)).toHaveAttribute('data-state', 'done');
  await expect(done).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-progress-summary]')).toContainText('2 done · 0 learning');
  await done.click();
  await expect(node(page, first.id)).toHaveAttribute('data-state', 'learning');
  await expect(page.locator('[data-progress-summary]')).toContainText('1 done · 1 learning');
  await page.reload();
  await expect(node(page, topic.id)).toHaveAttribute('data-state', 'done');
  await page.goto(OTHER);
  await expect(node(page, topic.id)).toHaveAttribute('data-state', 'done');
  await page.goto(topic.url);
  await expect(page.getByRole('button', { name: 'Done' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.goto(MAIN);
  await expect(node(page, topic.id)).not.toHaveAttribute('data-state');
});

test('a progress link shows the progress read-only and can be imported', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await recordClipboard(page);
  await page.goto(MAIN);
  await node(page, first.id).locator('.rg-topic-link').focus();
  await page.keyboard.press('d');
  await node(page, second.id).locator('.rg-topic-link').focus();
  await page.keyboard.press('s');
  await page.locator('[data-tools] summary').click(); // the share, reset and offline controls are one step away
  await page.getByRole('button', { name: 'Copy progress link' }).click();
  const url = await page.getByRole('textbox', { name: 'Progress link' }).inputValue();
  expect(await copiedText(page)).toBe(url);
  expect(url).toMatch(/#share=2\.2\.[A-Za-z0-9_-]{8}$/);
  await page.evaluate(() => localStorage.clear());
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.getByText('You are looking at progress someone shared with you')).toBeVisible();
  await expect(node(page, first.id)).toHaveAttribute('data-state', 'done');
  await expect(node(page, second.id)).toHaveAttribute('data-state', 'skipped');
  await expect(node(page, first.id).locator('.rg-status')).toBeDisabled();
  expect(await readStoreText(page)).toBeNull();
  await page.getByRole('button', { name: 'Import into my progress' }).click();
  await expect(page).toHaveURL(new RegExp(`${MAIN}$`));
  await expect
    .poll(async () => (await readStoreIfAny(page))?.topics)
    .toEqual({ [first.id]: 'done', [second.id]: 'skipped' });
});

test('a tampered or truncated progress link shows the plain roadmap with a notice', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const hash of ['#share=1.147.zzzzzz.AAAA', '#share=1.3', '#share=%E0%A4%A']) {
    await page.goto(`${MAIN}${hash}`);
    await expect(page.locator('[data-notice]')).toContainText('This progress link could not be read');
    await expect(page.getByText('You are looking at progress someone shared with you')).toBeHidden();
    await expect(page.locator('.rg-status').first()).toBeEnabled();
  }
  expect(errors).toEqual([]);
});

test.describe('a store cut short, with a state the site does not know', () => {
  test.use({ progress: `{"version":1,"topics":{"${topic.id}":"mastered"` });

  test('corrupted progress in storage is set aside with a notice, and marking still works', async ({ page }) => {
    await page.goto(MAIN);
    await expect(page.locator('[data-notice]')).toContainText('Your saved progress could not be read');
    await node(page, first.id).locator('.rg-status').click();
    await expect(node(page, first.id)).toHaveAttribute('data-state', 'done');
    expect((await setAside(page))[0]?.text).toContain('mastered');
  });
});

test('the study planner lays out weeks and downloads an .ics calendar that parses', async ({ page }) => {
  await page.goto(MAIN);
  await page.getByLabel('Hours per week').fill('12');
  await page.getByLabel('Start date (optional)').fill('2026-11-23');
  await page.getByRole('button', { name: 'Make my plan' }).click();
  const weeks = page.locator('[data-plan] li');
  await expect(weeks.first()).toContainText('Week 1 (2026-11-23)');
  const count = await weeks.count();
  expect(count).toBeGreaterThan(10);
  // Planning a roadmap is working on it: /progress/ counts it as started.
  expect(Object.keys((await readStoreIfAny(page))?.roadmapTimes ?? {})).toEqual([mainRoadmap.id]);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download calendar (.ics)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${mainRoadmap.id}-study-plan.ics`);
  const ics = readFileSync(await download.path(), 'utf8');
  const lines = ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  for (const line of lines) expect(line).toMatch(/^[A-Z-]+(;[A-Z-]+=[^:;]+)*:/);
  expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(count);
  expect(lines).toContain('DTSTART;VALUE=DATE:20261123');
});

test('printing gives the stages and topics, no navigation or buttons, and where the study sheet is', async ({
  readPage: page,
}) => {
  await page.goto(MAIN);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy progress link' })).toBeHidden();
  await expect(page.locator('.rg-status').first()).toBeHidden();
  await expect(node(page, topic.id)).toBeVisible();
  await expect(page.getByRole('heading', { name: /Stage 1:/ })).toBeVisible();
  const sheetLine = page.getByText('Every topic’s summary, to print');
  await expect(sheetLine).toContainText(`${MAIN}sheet/`);
  await page.emulateMedia({ media: 'screen' });
  await expect(sheetLine).toBeHidden();
});

test('the study sheet lists every stage and topic with its summary, and links back to the map', async ({
  readPage: page,
}) => {
  await page.goto(MAIN);
  await page.locator('[data-tools] summary').click();
  await page.getByRole('link', { name: 'Study sheet' }).click();
  await expect(page).toHaveURL(new RegExp(`${MAIN}sheet/$`));
  await expect(page.getByRole('heading', { name: /^Stage 1:/ })).toBeVisible();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: topic.title, exact: true }) });
  await expect(item.first()).toContainText(topic.summary);
  await page.getByRole('link', { name: 'the map' }).click();
  await expect(page).toHaveURL(new RegExp(`${MAIN}$`));
});

test('a deep link to a topic scrolls to its node and highlights it', async ({ readPage: page }) => {
  await page.goto(`${MAIN}#${topic.id}`);
  const target = page.locator(`[id="${topic.id}"]`);
  await expect(target).toBeInViewport();
  expect(await target.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await expect(page.locator(`[id="${first.id}"]`)).not.toHaveCSS('outline-style', 'solid');
});

test('a topic page links back to its node on every roadmap that has it', async ({ readPage: page }) => {
  await page.goto(topic.url);
  const links = page.getByRole('region', { name: 'On these roadmaps' }).getByRole('link');
  await expect(links).toHaveCount(topic.roadmaps.length);
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`/roadmaps/[^/]+/#${topic.id}$`));
  await expect(page.locator(`[id="${topic.id}"]`)).toBeInViewport();
});

test('on a first visit the script adds nothing to the map: its buttons and counts come with the page', async ({
  page,
}) => {
  // What the script inserts or rewrites in the map is a second style and layout of it (docs/benchmarks.md, issue 62).
  await page.addInitScript(() => {
    const changes: string[] = [];
    Object.assign(window, { mapChanges: changes });
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      new MutationObserver((list) => {
        for (const m of list)
          changes.push(`${m.type} in ${(m.target.parentElement ?? (m.target as Element)).className}`);
      }).observe(document.querySelector('.rg')!, { subtree: true, childList: true, characterData: true });
    });
  });
  await page.goto(MAIN);
  await expect(page.getByRole('button', { name: `Done: ${first.title}`, exact: true })).toBeEnabled();
  await expect(page.locator('[data-stage-progress]').first()).toHaveText(/^0 of \d+ finished$/);
  expect(await page.evaluate(() => (window as unknown as { mapChanges: string[] }).mapChanges)).toEqual([]);
});

test('stage headings have a copy-link button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await recordClipboard(page);
  await page.goto(MAIN);
  await page.getByRole('button', { name: 'Copy link to this stage' }).first().click();
  expect(await copiedText(page)).toMatch(new RegExp(`${MAIN}#stage-[a-z-]+$`));
});

test('the progress page lists roadmaps, exports, and refuses a foreign import without losing progress', async ({
  page,
}) => {
  await page.goto(MAIN);
  await node(page, topic.id).locator('.rg-topic-link').focus();
  await page.keyboard.press('d');
  await page.goto('/progress/');
  const item = page.locator(`[data-roadmap="${mainRoadmap.id}"]`);
  await expect(item.locator('[data-summary]')).toContainText('1 of');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const exported = readFileSync(await (await downloadPromise).path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({
    kind: EXPORT_KIND,
    version: FORMAT_VERSION,
    topics: { [topic.id]: 'done' },
    reviews: {},
  });
  await page
    .locator('[data-import]')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":"world"}') });
  await expect(page.locator('[data-notice]')).toContainText('was not imported');
  await expect(item.locator('[data-summary]')).toContainText('1 of');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page
    .locator('[data-import]')
    .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.locator('[data-notice]')).toContainText('Imported progress on 1 topics');
  await expect(item.locator('[data-summary]')).toContainText('1 of');
});
