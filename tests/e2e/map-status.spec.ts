/**
 * Every status on the map by touch (issue 62): on a phone a topic is set to learning, skipped and back to not started
 * from its node's ▾ menu, on 44 px targets a screen reader names, and each is kept after a reload; the menu works by
 * keyboard too and the D / L / S / N keys still do; with no progress yet the topic marked next is the one "Continue"
 * names, and the mark looks unlike a focused node's ring in both themes; axe passes with the menu open.
 */
import { devices, type Page } from '@playwright/test';
import { axeBothThemes } from './axe.ts';
import { mainRoadmap, type TopicPage } from './content.ts';
import { expect, node, readStore, storeText, test } from './learner.ts';

const ROADMAP = mainRoadmap.url;
const [first, second, third] = mainRoadmap.required as [TopicPage, TopicPage, TopicPage];

const menuButton = (page: Page, topic: TopicPage) =>
  page.getByRole('button', { name: `Status: ${topic.title}`, exact: true });
const menu = (page: Page, topic: TopicPage) => page.getByRole('group', { name: `Status: ${topic.title}` });

/** Opens `topic`'s status menu with a tap and taps `status` in it. */
async function tapStatus(page: Page, topic: TopicPage, status: string) {
  await menuButton(page, topic).tap();
  await menu(page, topic).getByRole('button', { name: status }).tap();
  await expect(menu(page, topic)).toBeHidden();
}

test.describe('on a phone', () => {
  const { userAgent } = devices['Pixel 7'];
  test.use({ userAgent, isMobile: true, hasTouch: true, viewport: { width: 390, height: 844 } });

  test('a tap on a node’s ▾ sets learning, skipped and not started, each kept after a reload', async ({ page }) => {
    await page.goto(ROADMAP);
    const opener = menuButton(page, second);
    await expect(opener).toHaveAttribute('aria-expanded', 'false');
    await opener.tap();
    const options = menu(page, second).getByRole('button');
    await expect(options).toHaveCount(4);
    for (const [i, name] of ['Not started', 'Learning', 'Done', 'Skipped'].entries())
      await expect(options.nth(i)).toHaveAccessibleName(name);
    await expect(opener).toHaveAttribute('aria-expanded', 'true');
    await expect(menu(page, second).getByRole('button', { name: 'Not started' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Anchored to its ▾: right edges aligned, just under it (or over it, near the screen's bottom).
    const [at, box] = [(await opener.boundingBox())!, (await menu(page, second).boundingBox())!];
    expect(Math.abs(box.x + box.width - (at.x + at.width))).toBeLessThan(2);
    expect(Math.min(Math.abs(box.y - (at.y + at.height)), Math.abs(box.y + box.height - at.y))).toBeLessThan(8);
    for (const target of [opener, ...(await options.all())]) {
      const box = (await target.boundingBox())!;
      expect(Math.min(box.width, box.height), 'a 44 px touch target').toBeGreaterThanOrEqual(44);
    }
    await menu(page, second).getByRole('button', { name: 'Learning' }).tap();
    await expect(menu(page, second)).toBeHidden();
    await expect(opener).toHaveAttribute('aria-expanded', 'false');
    await expect(node(page, second.id)).toHaveAttribute('data-state', 'learning');
    await expect(page.getByRole('status').filter({ hasText: `${second.title}: learning.` })).toBeAttached();
    await page.reload();
    await expect(node(page, second.id)).toHaveAttribute('data-state', 'learning');
    await expect(page.locator('[data-progress-summary]')).toContainText('0 done · 1 learning');

    await tapStatus(page, second, 'Skipped');
    await page.reload();
    await expect(node(page, second.id)).toHaveAttribute('data-state', 'skipped');
    await menuButton(page, second).tap();
    await expect(menu(page, second).getByRole('button', { name: 'Skipped' })).toHaveAttribute('aria-pressed', 'true');
    await menu(page, second).getByRole('button', { name: 'Not started' }).tap();
    await page.reload();
    await expect(node(page, second.id)).not.toHaveAttribute('data-state');
    expect((await readStore(page)).topics[second.id]).toBeUndefined();

    // Done stays one tap, beside the ▾.
    await page.getByRole('button', { name: `Done: ${first.title}`, exact: true }).tap();
    await expect(node(page, first.id)).toHaveAttribute('data-state', 'done');
  });

  test('a second tap on the ▾ closes the menu, and a tap on another node’s ▾ moves it there', async ({ page }) => {
    await page.goto(ROADMAP);
    await menuButton(page, first).tap();
    await expect(menu(page, first)).toBeVisible();
    await menuButton(page, first).tap();
    await expect(menu(page, first)).toBeHidden();
    await menuButton(page, first).tap();
    await menuButton(page, second).tap();
    await expect(menu(page, first)).toBeHidden();
    await expect(menu(page, second)).toBeVisible();
    await expect(menuButton(page, first)).toHaveAttribute('aria-expanded', 'false');
    await menu(page, second).getByRole('button', { name: 'Learning' }).tap();
    await expect(node(page, first.id)).not.toHaveAttribute('data-state');
    await expect(node(page, second.id)).toHaveAttribute('data-state', 'learning');
  });
});

test('the menu by keyboard: Enter opens it on the status the topic has, Escape closes it, and the keys still work', async ({
  page,
}) => {
  await page.goto(ROADMAP);
  await node(page, third.id).locator('.rg-topic-link').focus();
  await page.keyboard.press('l'); // the shortcut on a focused node
  await expect(node(page, third.id)).toHaveAttribute('data-state', 'learning');
  await menuButton(page, third).focus();
  await page.keyboard.press('Enter');
  await expect(menu(page, third).getByRole('button', { name: 'Learning' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu(page, third)).toBeHidden();
  await expect(menuButton(page, third)).toBeFocused();
  await page.keyboard.press('Enter');
  // The menu moves focus to the topic's status as it opens: Tab from there, not from the button.
  await expect(menu(page, third).getByRole('button', { name: 'Learning' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(menu(page, third).getByRole('button', { name: 'Skipped' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(node(page, third.id)).toHaveAttribute('data-state', 'skipped');
  await expect(menuButton(page, third)).toBeFocused();
  await page.keyboard.press('n'); // the shortcut from the ▾ too
  await expect(node(page, third.id)).not.toHaveAttribute('data-state');
});

test('on the laid-out map the ▾ shows where the mouse points and where focus is, and opens the menu', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(ROADMAP);
  const opener = menuButton(page, second);
  const opacity = () => opener.evaluate((el) => getComputedStyle(el).opacity);
  expect(await opacity()).toBe('0');
  await node(page, second.id).hover();
  expect(await opacity()).toBe('1');
  await opener.click();
  await menu(page, second).getByRole('button', { name: 'Skipped' }).click();
  await expect(node(page, second.id)).toHaveAttribute('data-state', 'skipped');
  await page.mouse.move(0, 0);
  await node(page, third.id).locator('.rg-topic-link').focus();
  await expect(menuButton(page, third)).toHaveCSS('opacity', '1');
  await expect(opener).toHaveCSS('opacity', '0');
});

test('with no progress the topic marked next is the one "Continue" names, unlike a focused node in both themes', async ({
  page,
}) => {
  await page.goto(ROADMAP);
  const next = page.locator('.rg-topic[data-next]');
  await expect(next).toHaveCount(1);
  const continueLink = page.locator('[data-continue-link]');
  await expect(next.locator('.rg-topic-link')).toHaveAttribute('href', (await continueLink.getAttribute('href'))!);
  await expect(next.locator('.rg-topic-link')).toHaveText((await continueLink.textContent())!);
  // Focus another node from the keyboard: its ring is not the next topic's colour.
  await node(page, second.id).locator('.rg-topic-link').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const ring = await node(page, second.id).evaluate((el) => getComputedStyle(el).outlineColor);
    const mark = await next.evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(ring, `${theme}: the focus ring`).not.toBe(mark);
    expect(await next.evaluate((el) => getComputedStyle(el).outlineStyle), `${theme}: the next mark`).toBe('none');
  }
});

test.describe('with some progress', () => {
  test.use({ progress: storeText({ topics: { [first.id]: 'done', [second.id]: 'learning' } }) });

  test('the roadmap passes axe in both themes with a status menu open, stacked and laid out', async ({ page }) => {
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(ROADMAP);
      await menuButton(page, second).click();
      await expect(menu(page, second)).toBeVisible();
      expect(await axeBothThemes(page), `the roadmap at ${width} px with a status menu open`).toEqual([]);
    }
    // Next is the topic being learned, which its fill marks.
    await expect(page.locator('.rg-topic[data-next]')).toHaveAttribute('id', second.id);
  });
});
