/** An entry's created, updated and change lines tell the truth (src/lib/content/integrity/change-dates.ts). */
import { describe, expect, it } from 'vitest';
import { checkChangeDates, formatIssues, latestToday } from '../../../src/lib/content/integrity.ts';
import { syncTree } from './content-layer.ts';
import { edit, FIXTURE_FLOORS, problemsAfter, VALID } from './content-fixture.ts';

describe('change dates', () => {
  it('requires created and updated on every entry, as real days', async () => {
    expect(await problemsAfter((r) => edit(r, 'questions/fixture-sql-join.md', /^created: .*\n/m, ''))).toMatch(
      /questions\/fixture-sql-join\.md: created: is required but missing/,
    );
    expect(
      await problemsAfter((r) =>
        edit(r, 'comparisons/fixture-stores.yaml', 'updated: 2026-11-01', 'updated: 2026-02-30'),
      ),
    ).toMatch(/comparisons\/fixture-stores\.yaml: updated: is not a day of the calendar/);
    expect(
      await problemsAfter((r) => edit(r, 'topics/sql.mdx', 'updated: 2026-11-01', 'updated: 22 November 2026')),
    ).toMatch(/topics\/sql\.mdx: updated: must be a day as YYYY-MM-DD/);
  });

  it('rejects a date in the future, naming the field', async () => {
    const out = await problemsAfter((r) =>
      edit(
        r,
        'projects/fixture-api.md',
        'updated: 2026-11-01',
        `updated: 2999-01-01\nchange: "Adds a rate limiter to the brief."`,
      ),
    );
    expect(out).toMatch(/projects\/fixture-api\.md: updated: 2999-01-01 is in the future/);
  });

  it('rejects updated before created, and an update without a change line', async () => {
    expect(await problemsAfter((r) => edit(r, 'topics/sql.mdx', 'updated: 2026-11-01', 'updated: 2026-10-31'))).toMatch(
      /topics\/sql\.mdx: updated: 2026-10-31 is before created \(2026-11-01\)/,
    );
    expect(await problemsAfter((r) => edit(r, 'topics/jwt.md', /^change: .*\n/m, ''))).toMatch(
      /topics\/jwt\.md: change: is required because updated \(2026-11-20\) is after created/,
    );
  });

  it('keeps the change line plain: one line, no HTML, no links', async () => {
    expect(
      await problemsAfter((r) => edit(r, 'topics/jwt.md', /^change: .*$/m, 'change: "Explains <b>alg</b> pinning."')),
    ).toMatch(/topics\/jwt\.md: change: must be plain text: no HTML/);
    expect(
      await problemsAfter((r) =>
        edit(r, 'topics/jwt.md', /^change: .*$/m, 'change: "See https://example.org for more."'),
      ),
    ).toMatch(/topics\/jwt\.md: change: must be plain text: no links/);
  });

  it('checks against the day given, and today means the latest day anywhere (UTC+14)', async () => {
    expect(formatIssues(await syncTree({ contentDir: VALID, today: '2026-11-19' }))).toMatch(
      /topics\/jwt\.md: updated: 2026-11-20 is in the future \(today is 2026-11-19 at the latest\)/,
    );
    expect(await syncTree({ contentDir: VALID, today: '2026-11-20', topicFloors: FIXTURE_FLOORS })).toEqual([]);
    expect(latestToday(new Date('2026-11-22T09:59:00Z'))).toBe('2026-11-22');
    expect(latestToday(new Date('2026-11-22T10:00:00Z'))).toBe('2026-11-23');
    expect(checkChangeDates('a.md', { created: '2026-11-21', updated: '2026-11-21' }, '2026-11-21')).toEqual([]);
  });
});
