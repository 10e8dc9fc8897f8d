import { describe, expect, it } from 'vitest';
import {
  COPY_REMINDER_DAYS,
  copyReminder,
  daysSince,
  hasSomethingToKeep,
} from '../../../src/lib/progress/keep-data.ts';
import { emptyProgress } from '../../../src/lib/progress/progress-store.ts';
import { withTopicState } from '../../../src/lib/progress/progress-edits.ts';
import { withLabDraft } from '../../../src/lib/labs/shared/lab-progress.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

describe('keeping the learner’s data', () => {
  it('counts a marked topic or a lab draft as worth keeping, an empty store not', () => {
    expect(hasSomethingToKeep(emptyProgress())).toBe(false);
    expect(hasSomethingToKeep(withTopicState(emptyProgress(), 'jwt', 'done', NOW))).toBe(true);
    expect(hasSomethingToKeep({ ...emptyProgress(), labs: withLabDraft({}, 'lru-cache', 'class A {}', NOW) })).toBe(
      true,
    );
  });

  it(`reminds to take a copy when there never was one, or the last is ${COPY_REMINDER_DAYS} days old or more`, () => {
    const some = withTopicState(emptyProgress(), 'jwt', 'done', NOW);
    expect(copyReminder(emptyProgress(), null, NOW)).toBeNull();
    expect(copyReminder(some, null, NOW)).toMatch(/not saved a copy/);
    expect(copyReminder(some, daysAgo(COPY_REMINDER_DAYS - 1), NOW)).toBeNull();
    expect(copyReminder(some, daysAgo(COPY_REMINDER_DAYS), NOW)).toMatch(/is 30 days old/);
    expect(copyReminder(some, 'not a date', NOW)).toMatch(/not saved a copy/);
    expect(daysSince(daysAgo(45), NOW)).toBe(45);
  });
});
