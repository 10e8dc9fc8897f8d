import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLine, planToIcs } from '../../../src/lib/roadmap/ics.ts';
import { mondayOnOrAfter, planWeeks } from '../../../src/lib/roadmap/study-planner.ts';

describe('study planner', () => {
  it('fills weeks in order and carries a long topic over', () => {
    const weeks = planWeeks(
      [
        { id: 'http', title: 'HTTP', hours: 6 },
        { id: 'sql', title: 'SQL', hours: 10 },
      ],
      8,
      new Date('2026-11-18T00:00:00Z'),
    );
    expect(weeks.map((w) => w.start)).toEqual(['2026-11-23', '2026-11-30']);
    expect(weeks[0]!.items).toEqual([
      { id: 'http', title: 'HTTP', hours: 6, continues: false },
      { id: 'sql', title: 'SQL', hours: 2, continues: false },
    ]);
    expect(weeks[1]!.items).toEqual([{ id: 'sql', title: 'SQL', hours: 8, continues: true }]);
  });

  it('never overfills a week and plans every hour', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (hours, perWeek) => {
          const weeks = planWeeks(
            hours.map((h, i) => ({ id: `t${i}`, title: `T${i}`, hours: h })),
            perWeek,
          );
          for (const w of weeks) expect(w.hours).toBeLessThanOrEqual(perWeek + 0.01);
          const planned = weeks.flatMap((w) => w.items).reduce((n, i) => n + i.hours, 0);
          expect(planned).toBeCloseTo(
            hours.reduce((a, b) => a + b, 0),
            0,
          );
        },
      ),
    );
  });

  it('starts on a Monday', () => {
    expect(mondayOnOrAfter(new Date('2026-11-21T15:00:00Z')).toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(mondayOnOrAfter(new Date('2026-11-23T00:00:00Z')).toISOString().slice(0, 10)).toBe('2026-11-23');
  });

  it('exports an iCalendar file with one event per week, escaped and folded', () => {
    const weeks = planWeeks(
      [{ id: 'a', title: 'Caching, CDNs; and more', hours: 30 }],
      10,
      new Date('2026-11-23T00:00:00Z'),
    );
    const ics = planToIcs({
      weeks,
      roadmapTitle: 'Backend Developer',
      url: 'https://example.org/roadmaps/backend-developer/',
      now: new Date('2026-11-21T10:00:00Z'),
    });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261123\r\nDTEND;VALUE=DATE:20261130');
    expect(ics).toContain('Caching\\, CDNs\\; and more');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('folds long lines so that unfolding restores them', () => {
    // Values are escaped before folding, so they never contain a raw line break.
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400, unit: 'grapheme' }).filter((s) => !/[\r\n]/.test(s)),
        (s) => {
          expect(foldLine(s).replace(/\r\n /g, '')).toBe(s);
        },
      ),
    );
  });
});
