/**
 * A learner who reviewed under SM-2 (store format 6) opens the site scheduled by FSRS (format 7): the first page
 * migrates the store, keeping every card and its due day, and writes it only after the old record is set aside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './build-output.ts';
import { mainRoadmap } from './content.ts';
import { expect, FORMAT_VERSION, pageErrors, readStoreText, STORAGE_KEY, test } from './learner.ts';

const START = new Date('2026-11-23T10:00:00');
const [q1, q2, q3] = (JSON.parse(readFileSync(join(DIST, 'practice/bank.json'), 'utf8')) as { id: string }[]).map(
  (q) => q.id,
) as [string, string, string];
const [t1, t2] = mainRoadmap.required.map((t) => t.id) as [string, string];

const sm2 = (ease: number, interval: number, reps: number, reviewed: string, due: string) => ({
  ease,
  interval,
  reps,
  due,
  reviewed,
});
/** What format 6 stored: SM-2 schedules for three questions (overdue, due today, later) and two done topics. */
const FORMAT_6 = {
  version: 6,
  topics: { [t1]: 'done', [t2]: 'done' },
  topicTimes: { [t1]: '2026-11-01T09:00:00.000Z', [t2]: '2026-11-02T09:00:00.000Z' },
  reviews: {
    [q1]: sm2(2.36, 6, 2, '2026-11-14', '2026-11-20'),
    [q2]: sm2(2.5, 1, 1, '2026-11-22', '2026-11-23'),
    [q3]: sm2(2.6, 15, 3, '2026-11-20', '2026-12-05'),
  },
  projects: {},
  notes: { [t1]: { text: 'Kept through the migration.', updated: '2026-11-01T09:05:00.000Z' } },
  topicReviews: {
    [t1]: sm2(2.5, 6, 2, '2026-11-16', '2026-11-22'),
    [t2]: sm2(2.5, 1, 1, '2026-11-30', '2026-12-01'),
  },
  labs: {},
  roadmaps: {},
};

test.describe('an SM-2 history of format 6', () => {
  test.use({ progress: JSON.stringify(FORMAT_6) });

  test('migrates on the first page with every card and its due day kept, and reviews go on from there', async ({
    page,
  }) => {
    const errors = pageErrors(page);
    await page.clock.install({ time: START });
    await page.goto('/practice/');
    await expect(page.locator('[data-overview-text]')).toContainText(
      '2 questions are due for review today; you have reviewed 3 of',
    );
    await expect(page.locator('atlas-topic-review-summary [data-overview]')).toHaveText(
      '1 of your 2 done topics is due for review today.',
    );
    const stored = JSON.parse((await readStoreText(page))!) as typeof FORMAT_6 & { version: number };
    expect(stored.version).toBe(FORMAT_VERSION);
    for (const kind of ['reviews', 'topicReviews'] as const) {
      expect(Object.keys(stored[kind]).sort()).toEqual(Object.keys(FORMAT_6[kind]).sort());
      for (const [id, old] of Object.entries(FORMAT_6[kind])) {
        expect(stored[kind][id], `${kind} ${id}`).toMatchObject({
          due: old.due,
          reviewed: old.reviewed,
          reps: old.reps,
          lapses: 0,
        });
      }
    }
    expect(stored.notes).toEqual(FORMAT_6.notes);
    // The old record was kept aside only until the new one read back.
    expect(await page.evaluate((key) => localStorage.getItem(`${key}-format-6`), STORAGE_KEY)).toBeNull();

    await page.goto(`/practice/topics/?roadmap=${mainRoadmap.id}`);
    await expect(page.locator('atlas-topic-review-session [data-position]')).toHaveText('Topic 1 of 1');
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await expect(page.locator('atlas-topic-review-session [data-done-text]')).toHaveText(
      'Review complete: 1 topic reviewed. The next comes back on 2026-12-01.',
    );
    expect(errors).toEqual([]);
  });

  test('is left as it was, with a notice, when the migrated store cannot be written', async ({ page }) => {
    await page.addInitScript(
      ([key, current]) => {
        // Storage that takes anything but the migrated store, as a full one would refuse a larger record.
        const store = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')!.value as Storage['setItem'];
        Storage.prototype.setItem = function (this: Storage, name: string, value: string) {
          if (name === key && value.startsWith(`{"version":${current}`))
            throw new DOMException('full', 'QuotaExceededError');
          store.call(this, name, value);
        };
      },
      [STORAGE_KEY, FORMAT_VERSION] as const,
    );
    await page.clock.install({ time: START });
    await page.goto('/practice/');
    await expect(page.locator('[data-notice]')).toHaveText(
      'Your saved progress could not be updated (storage is full or blocked), so it is left untouched and changes here are not saved.',
    );
    await expect(page.locator('[data-overview-text]')).toContainText('2 questions are due for review today');
    expect(JSON.parse((await readStoreText(page))!)).toEqual(FORMAT_6);
  });
});
