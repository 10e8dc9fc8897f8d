import { describe, expect, it } from 'vitest';
import { addDays, DAY_MS, isDate, isoDay, localDate } from '../../../src/core/format/dates.ts';
import { ID_PATTERN, isId } from '../../../src/core/format/ids.ts';

describe('dates', () => {
  it('adds days across month, year and leap-day boundaries, and back', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-22', 0)).toBe('2026-11-22');
    // Summer time changes nothing: the arithmetic is in UTC.
    expect(addDays('2026-03-28', 7)).toBe('2026-04-04');
  });

  it('names the UTC day of a moment and the local day of a visitor', () => {
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
    expect(isoDay(new Date('2026-11-22T23:59:59Z'))).toBe('2026-11-22');
    const now = new Date('2026-11-22T12:00:00Z');
    const expected = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(localDate(now)).toBe(expected);
  });

  it('accepts real calendar days only', () => {
    for (const good of ['2026-11-22', '2028-02-29', '2000-02-29']) expect(isDate(good)).toBe(true);
    for (const bad of [
      '2026-02-30',
      '2027-02-29',
      '2026-13-01',
      '2026-1-1',
      '2026-11-22T00:00:00Z',
      '',
      20261122,
      null,
      undefined,
    ])
      expect(isDate(bad)).toBe(false);
  });
});

describe('ids', () => {
  it('accepts lower-case words joined by single hyphens', () => {
    for (const good of ['http-caching', 'go', 'oauth2', 'n-plus-one-queries']) expect(isId(good)).toBe(true);
    for (const bad of ['HTTP', 'http--caching', '-http', 'http-', 'http_caching', 'http caching', '', 42, null])
      expect(isId(bad)).toBe(false);
    expect(ID_PATTERN.test('a-b')).toBe(true);
  });
});
