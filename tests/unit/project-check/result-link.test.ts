/**
 * The link a checker run ends with, as the project page reads it: what the checker writes reads back the same, and
 * anything else (a damaged, forged-out-of-range or future-dated link) is refused with a reason, never thrown.
 */
import { describe, expect, it } from 'vitest';
import { readResultLink, resultLink } from '../../../src/lib/project-check/result-link.ts';

const today = '2026-11-27';
const fragmentOf = (link: string) => new URL(link).hash;

describe('the checker result link', () => {
  it('reads back what the checker writes', () => {
    const link = resultLink('https://atlas.test/', 'to-do-list-api', {
      version: '1.0.0',
      day: today,
      milestones: [1, 2, 5],
    });
    expect(link).toBe('https://atlas.test/projects/to-do-list-api/#checked=1.0.0:2026-11-27:1,2,5');
    expect(readResultLink(fragmentOf(link), 6, today)).toEqual({
      result: { version: '1.0.0', day: today, milestones: [1, 2, 5] },
    });
    expect(readResultLink('#checked=1.0.0:2026-11-27:', 6, today)).toEqual({
      result: { version: '1.0.0', day: today, milestones: [] },
    });
  });

  it('is not a result link when the fragment is something else', () => {
    expect(readResultLink('#milestones', 6, today)).toBeUndefined();
    expect(readResultLink('', 6, today)).toBeUndefined();
  });

  it.each([
    ['#checked=1.0.0:2026-11-27', /version:day:milestones/],
    ['#checked=one:2026-11-27:1', /not a checker version/],
    ['#checked=1.0.0:2026-02-30:1', /not the day of a checker run/],
    ['#checked=1.0.0:2026-11-28:1', /not the day of a checker run/],
    ['#checked=1.0.0:2026-11-27:7', /numbers from 1 to 6/],
    ['#checked=1.0.0:2026-11-27:0', /numbers from 1 to 6/],
    ['#checked=1.0.0:2026-11-27:2,2', /each once/],
    ['#checked=1.0.0:2026-11-27:1,,2', /numbers from 1 to 6/],
    ['#checked=1.0.0:2026-11-27:1%FF', /damaged/],
    ['#checked=1.0.0:2026-11-27:<script>', /numbers from 1 to 6/],
  ])('refuses %s with a reason', (fragment, reason) => {
    const read = readResultLink(fragment, 6, today);
    expect(read && 'problem' in read ? read.problem : read).toMatch(reason);
  });
});
