/** A roadmap's stated duration, stage weeks and prose agree with the hours of its topics (src/lib/content/integrity/durations.ts). */
import { describe, expect, it } from 'vitest';
import { checkRoadmapTiming, formatIssues } from '../../../src/lib/content/integrity.ts';
import { edit, problemsAfter } from './content-fixture.ts';

describe('roadmap durations agree with their topic hours', () => {
  // fixture-basics: http (6 h) + the smaller of sql (10 h) / caching-strategies (5 h) = 11 h; jwt is optional.
  // At 5–10 h/week that is 1.1–2.2 weeks, and the roadmap states 1–2 weeks.
  it('reports a stated duration more than 20 % away from hours ÷ pace, naming the bound', async () => {
    const out = await problemsAfter((r) =>
      edit(
        r,
        'roadmaps/fixture-basics.md',
        'duration: { min: 1, max: 2, unit: weeks }',
        'duration: { min: 1, max: 3, unit: weeks }',
      ),
    );
    expect(out).toMatch(
      /roadmaps\/fixture-basics\.md: duration\.max: 3 weeks disagrees with the topics: their 11 required hours take 2\.2 weeks at 5 h\/week \(hoursPerWeek\.min\)/,
    );
    expect(out).not.toMatch(/duration\.min/);
  });

  it('does not count optional topics', async () => {
    const out = await problemsAfter((r) => edit(r, 'topics/jwt.md', 'hours: 4', 'hours: 100'));
    expect(out).not.toMatch(/fixture-basics/);
    expect(out).toMatch(
      /roadmaps\/fixture-next\.md: duration\.min: 1 week disagrees with the topics: their 100 required hours/,
    );
  });

  it('counts the smallest choice of a pick-one group', async () => {
    expect(await problemsAfter((r) => edit(r, 'topics/sql.mdx', 'hours: 10', 'hours: 100'))).toBe('');
    const out = await problemsAfter((r) => edit(r, 'topics/caching-strategies.md', 'hours: 5', 'hours: 100'));
    expect(out).toMatch(
      /fixture-basics\.md: duration\.min: .*their 16 required hours take 1\.6 weeks at 10 h\/week \(hoursPerWeek\.max\)/,
    );
    expect(out).toMatch(/fixture-basics\.md: duration\.max: .*their 16 required hours take 3\.2 weeks at 5 h\/week/);
  });

  it('allows exactly 20 % and no more, converting months to weeks', () => {
    const roadmap = {
      duration: { min: 8, max: 10, unit: 'weeks' as const },
      hoursPerWeek: { min: 10, max: 10 },
      stages: [],
    };
    expect(checkRoadmapTiming('r.md', roadmap, 100)).toEqual([]);
    expect(checkRoadmapTiming('r.md', roadmap, 101).map((i) => i.field)).toEqual(['duration.min']);
    expect(checkRoadmapTiming('r.md', { ...roadmap, duration: { min: 10, max: 12, unit: 'weeks' } }, 100)).toEqual([]);
    expect(
      checkRoadmapTiming('r.md', { ...roadmap, duration: { min: 10, max: 13, unit: 'weeks' } }, 100).map(
        (i) => i.field,
      ),
    ).toEqual(['duration.max']);
    // The review's case: 731 h against "8–10 months at 10–15 h/week".
    const backend = {
      duration: { min: 8, max: 10, unit: 'months' as const },
      hoursPerWeek: { min: 10, max: 15 },
      stages: [],
    };
    expect(formatIssues(checkRoadmapTiming('backend-developer.md', backend, 731))).toMatch(
      /duration\.min: 8 months .* take 11\.2 months at 15 h\/week[\s\S]*duration\.max: 10 months .* take 16\.8 months at 10 h\/week/,
    );
    expect(
      checkRoadmapTiming('backend-developer.md', { ...backend, duration: { min: 11, max: 17, unit: 'months' } }, 731),
    ).toEqual([]);
  });

  it('reports hoursPerWeek whose max is below its min', () => {
    const roadmap = {
      duration: { min: 1, max: 1, unit: 'weeks' as const },
      hoursPerWeek: { min: 10, max: 5 },
      stages: [],
    };
    expect(checkRoadmapTiming('r.md', roadmap, 10)).toEqual([
      { file: 'r.md', field: 'hoursPerWeek.max', message: 'max must be at least min' },
    ]);
  });

  it('reports stage weeks with a gap, a missing range, or a schedule that outlasts the duration', async () => {
    expect(
      await problemsAfter((r) =>
        edit(r, 'roadmaps/fixture-basics.md', 'weeks: { from: 2, to: 2 }', 'weeks: { from: 3, to: 3 }'),
      ),
    ).toMatch(/fixture-basics\.md: stages\[1\]\.weeks\.from: is week 3, but the stage before ends in week 1/);
    expect(
      await problemsAfter((r) => edit(r, 'roadmaps/fixture-basics.md', '    weeks: { from: 2, to: 2 }\n', '')),
    ).toMatch(/fixture-basics\.md: stages\[1\]\.weeks: is missing/);
    expect(
      await problemsAfter((r) =>
        edit(r, 'roadmaps/fixture-basics.md', 'weeks: { from: 2, to: 2 }', 'weeks: { from: 2, to: 4 }'),
      ),
    ).toMatch(/fixture-basics\.md: stages\[1\]\.weeks\.to: the schedule ends in week 4, but duration\.max is 2 weeks/);
  });

  it('reports an introduction that states another duration or pace', async () => {
    const out = await problemsAfter((r) =>
      edit(
        r,
        'roadmaps/fixture-basics.md',
        'The fixture roadmap.',
        'Plan on one to three weeks at 5 to 12 hours a week. Each stage takes one to two weeks.',
      ),
    );
    expect(out).toMatch(/fixture-basics\.md: body: says "one to three weeks" but duration is 1 to 2 weeks/);
    expect(out).toMatch(
      /fixture-basics\.md: body: says "5 to 12 hours a week" but hoursPerWeek is 5 to 10 hours a week/,
    );
    expect(out).not.toMatch(/one to two weeks/);
  });
});
