import { describe, expect, it } from 'vitest';
import {
  formatDay,
  formatDuration,
  formatGrowth,
  formatLocalDay,
  formatMonth,
  formatWeeks,
  moneyFormatter,
} from '../../../src/core/format/format.ts';

describe('format', () => {
  it('writes money compact, without cents, in its currency', () => {
    expect(moneyFormatter('USD')(95_000)).toBe('$95K');
    expect(moneyFormatter('USD')(1_250_000)).toBe('$1M');
    expect(moneyFormatter('EUR')(72_500)).toBe('€73K');
    expect(moneyFormatter('GBP')(0)).toBe('£0');
  });

  it('writes growth with its sign', () => {
    expect(formatGrowth(15.8)).toBe('+15.8%');
    expect(formatGrowth(-3)).toBe('-3%');
    expect(formatGrowth(0)).toBe('0%');
  });

  it('writes a duration as a range, singular for one', () => {
    expect(formatDuration({ min: 4, max: 5, unit: 'months' })).toBe('4–5 months');
    expect(formatDuration({ min: 2, max: 2, unit: 'weeks' })).toBe('2 weeks');
    expect(formatDuration({ min: 1, max: 1, unit: 'years' })).toBe('1 year');
  });

  it('writes a stage of one week as "Week 28", never "Weeks 28"', () => {
    expect(formatWeeks({ from: 28, to: 28 })).toBe('Week 28');
    expect(formatWeeks({ from: 14, to: 17 })).toBe('Weeks 14–17');
  });

  it('writes months and days as written, whatever the time zone', () => {
    expect(formatMonth('2024-05')).toBe('May 2024');
    expect(formatMonth('2026-01')).toBe('January 2026');
    expect(formatDay('2026-11-22')).toBe('22 November 2026');
    expect(formatDay('2027-01-01')).toBe('1 January 2027');
    expect(formatLocalDay('2026-11-22T12:00:00Z')).toMatch(/^2[123] November 2026$/);
  });
});
