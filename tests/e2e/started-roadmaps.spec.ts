/**
 * /progress/ counts as started the roadmaps a learner worked on, not every roadmap that shares a topic they marked,
 * and lists the one worked on last first; a learner whose marks predate that record reads the shared-topic rule.
 */
import { VISITS_KEY } from '../../src/lib/roadmap/roadmap-visits.ts';
import { axeBothThemes } from './axe.ts';
import { lateRoadmap, mainRoadmap, type TopicPage, topic } from './content.ts';
import { expect, pageErrors, readStore, test } from './learner.ts';
import type { Page } from '@playwright/test';

const RULE = 'because a topic counts on every roadmap that has it';
/** Four topics of the late roadmap, the first of them shared by most roadmaps. */
const marked = [topic, ...lateRoadmap.required.filter((t) => t.id !== topic.id).slice(0, 3)];
/** A required topic of the main roadmap that the late one does not have. */
const mainOnly = mainRoadmap.required.find((t) => !lateRoadmap.topics.some((l) => l.id === t.id))!;
/** How many roadmaps hold at least one of `topics`. */
const holding = (topics: TopicPage[]) => new Set(topics.flatMap((t) => t.roadmaps)).size;

const cards = (page: Page) => page.locator('[data-roadmap-list] > [data-roadmap]');
const sentence = (page: Page) => page.locator('[data-roadmaps-started]');

async function markDone(page: Page, topics: TopicPage[]) {
  for (const t of topics) {
    const done = page.getByRole('button', { name: `Done: ${t.title}`, exact: true });
    await done.click();
    await expect(done).toHaveAttribute('aria-pressed', 'true');
  }
}

test('topics marked on one roadmap start that roadmap alone and list it first, then the one worked on last leads', async ({
  page,
}) => {
  const errors = pageErrors(page);
  expect(holding(marked), 'the marked topics are shared with other roadmaps').toBeGreaterThan(2);
  await page.goto(lateRoadmap.url);
  await markDone(page, marked);

  await page.goto('/progress/');
  const total = await cards(page).count();
  await expect(sentence(page)).toHaveText(
    `You have started 1 of ${total} roadmaps; it comes first. ${holding(marked) - 1} more hold topics you marked, ${RULE}.`,
  );
  await expect(cards(page).first()).toHaveAttribute('data-roadmap', lateRoadmap.id);
  await expect(cards(page).first().locator('[data-summary]')).toHaveText(/^Started · \d+ of \d+ required finished/);
  // A roadmap that only shares the marked topics shows them, and is not called started.
  await expect(cards(page).nth(1).locator('[data-summary]')).toHaveText(/^\d+ of \d+ required finished/);
  await expect(cards(page).last()).toHaveAttribute('data-untouched');
  expect(await axeBothThemes(page)).toEqual([]);

  // Opened from the main roadmap, a topic page's status counts on that roadmap, which now leads.
  await page.goto(mainRoadmap.url);
  await page.goto(mainOnly.url);
  await page.getByRole('button', { name: 'Learning', exact: true }).click();
  await page.goto('/progress/');
  const more = holding([...marked, mainOnly]) - 2;
  await expect(sentence(page)).toHaveText(
    `You have started 2 of ${total} roadmaps; the one you worked on last comes first. ${more} more hold topics you marked, ${RULE}.`,
  );
  await expect(cards(page).nth(0)).toHaveAttribute('data-roadmap', mainRoadmap.id);
  await expect(cards(page).nth(1)).toHaveAttribute('data-roadmap', lateRoadmap.id);
  expect(errors).toEqual([]);
});

test.describe('a returning learner whose marks predate the record of roadmaps', () => {
  const old = marked.slice(0, 3);
  test.use({
    // Format 6, as the site wrote it before it recorded which roadmap a status was set from.
    progress: JSON.stringify({
      version: 6,
      topics: Object.fromEntries(old.map((t) => [t.id, 'done'])),
      topicTimes: Object.fromEntries(old.map((t) => [t.id, '2026-11-10T09:00:00.000Z'])),
      reviews: {},
      projects: {},
      notes: { [topic.id]: { text: 'kept', updated: '2026-11-10T09:00:00.000Z' } },
      topicReviews: {},
      labs: {},
      roadmaps: {},
    }),
    storage: {
      [VISITS_KEY]: JSON.stringify({
        [mainRoadmap.id]: { last: '2026-11-02T09:00:00.000Z' },
        [lateRoadmap.id]: { last: '2026-11-20T09:00:00.000Z' },
      }),
    },
  });

  test('reads the shared-topic rule, the roadmap opened last first, and starts a roadmap by marking on it', async ({
    page,
  }) => {
    await page.goto('/progress/');
    const total = await cards(page).count();
    await expect(sentence(page)).toHaveText(
      `Topics you marked are on ${holding(old)} of the ${total} roadmaps, ${RULE}. Mark a topic on a roadmap’s map and that roadmap counts as started and comes first.`,
    );
    await expect(cards(page).nth(0)).toHaveAttribute('data-roadmap', lateRoadmap.id);
    await expect(cards(page).nth(1)).toHaveAttribute('data-roadmap', mainRoadmap.id);
    expect(await axeBothThemes(page)).toEqual([]);

    await page.goto(mainRoadmap.url);
    await markDone(page, [mainOnly]);
    await page.goto('/progress/');
    await expect(sentence(page)).toHaveText(
      `You have started 1 of ${total} roadmaps; it comes first. ${holding([...old, mainOnly]) - 1} more hold topics you marked, ${RULE}.`,
    );
    await expect(cards(page).first()).toHaveAttribute('data-roadmap', mainRoadmap.id);
    // Migrated to the current format with every old mark and note kept, and the roadmap worked on recorded.
    const store = await readStore(page);
    expect(store.topics).toEqual({ ...Object.fromEntries(old.map((t) => [t.id, 'done'])), [mainOnly.id]: 'done' });
    expect(store.notes[topic.id]?.text).toBe('kept');
    expect(Object.keys(store.roadmapTimes)).toEqual([mainRoadmap.id]);
  });
});
