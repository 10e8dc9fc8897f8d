import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceAxis, niceStep, scaleLinear } from '../../../src/lib/roles/chart-scale.ts';

/** Chart data: money and percentages, to the cent. */
const amount = fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100);

describe('chart axes', () => {
  it('rounds to steps people read easily', () => {
    expect(niceAxis(0, 350_000)).toEqual({
      min: 0,
      max: 400_000,
      step: 100_000,
      ticks: [0, 100_000, 200_000, 300_000, 400_000],
    });
    expect(niceAxis(0, 25).ticks).toEqual([0, 10, 20, 30]);
    expect(niceAxis(70_000, 95_000).ticks).toEqual([70_000, 80_000, 90_000, 100_000]);
    expect(niceAxis(-12, 20).ticks).toEqual([-20, -10, 0, 10, 20]);
    expect(niceStep(0.3, 3)).toBe(0.1);
    expect(niceAxis(-3, 5, 1).ticks).toEqual([-10, 0, 10]);
  });

  it('gives a usable axis for a single value and for reversed bounds', () => {
    expect(niceAxis(0, 0).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceAxis(10, 0)).toEqual(niceAxis(0, 10));
  });

  it('always covers the data with evenly spaced round ticks, in at most count (+1 across zero) steps', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 1, max: 10 }), (a, b, count) => {
        const axis = niceAxis(a, b, count);
        expect(axis.min).toBeLessThanOrEqual(Math.min(a, b));
        expect(axis.max).toBeGreaterThanOrEqual(Math.max(a, b));
        expect(axis.ticks[0]).toBe(axis.min);
        expect(axis.ticks.at(-1)).toBe(axis.max);
        expect(axis.ticks.length - 1).toBeLessThanOrEqual(count + 1);
        const mantissa = axis.step / 10 ** Math.floor(Math.log10(axis.step));
        expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9)).toBe(true);
        axis.ticks.slice(1).forEach((t, i) => expect(t - axis.ticks[i]!).toBeCloseTo(axis.step, 6));
      }),
    );
  });

  it('maps values linearly onto the range', () => {
    const x = scaleLinear([0, 400_000], [100, 500]);
    expect(x(0)).toBe(100);
    expect(x(200_000)).toBe(300);
    expect(x(400_000)).toBe(500);
    expect(scaleLinear([5, 5], [10, 20])(5)).toBe(10);
  });
});
