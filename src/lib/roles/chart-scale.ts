/**
 * Axes for the build-time SVG charts (market data, salary ranges): round tick values that cover the data and a
 * linear map from values to SVG coordinates. Pure; unit-tested in tests/unit/roles/chart-scale.test.ts.
 */

/** Tick steps are 1, 2, 2.5 or 5 times a power of ten: the numbers people read off an axis without effort. */
const MANTISSAS = [1, 2, 2.5, 5, 10];

/** The smallest round step that covers `span` in at most `count` steps. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, Math.floor(count));
  const power = 10 ** Math.floor(Math.log10(raw));
  const mantissa = MANTISSAS.find((m) => m * power >= raw * (1 - 1e-12)) ?? 10;
  return mantissa * power;
}

export interface Axis {
  min: number;
  max: number;
  step: number;
  /** Tick values from min to max inclusive, evenly spaced by step. */
  ticks: number[];
}

/** Trims floating-point noise (0.30000000000000004 → 0.3) so ticks print cleanly. */
const clean = (n: number) => Number(n.toPrecision(12));

/** An axis with round ends and ticks that contains every value in [lo, hi], in about `count` steps. */
export function niceAxis(lo: number, hi: number, count = 4): Axis {
  const a = Math.min(lo, hi);
  let b = Math.max(lo, hi);
  // A span too small to print (or none) becomes at least one unit wide, starting at the value.
  if (b - a <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b))) b = a + Math.max(Math.abs(a), 1);
  let step = niceStep(b - a, count);
  let min = Math.floor(a / step) * step;
  let max = Math.ceil(b / step) * step;
  // Rounding both ends outwards can add a step beyond `count`; then the next round step fits. A range that
  // straddles zero is allowed one step more, as it always needs a step on each side.
  const limit = Math.max(1, Math.floor(count)) + (a < 0 && b > 0 ? 1 : 0);
  for (let tries = 0; tries < 8 && Math.round((max - min) / step) > limit; tries++) {
    step = niceStep(step * 1.0001, 1);
    min = Math.floor(a / step) * step;
    max = Math.ceil(b / step) * step;
  }
  const n = Math.round((max - min) / step);
  return {
    min: clean(min),
    max: clean(max),
    step: clean(step),
    ticks: Array.from({ length: n + 1 }, (_, i) => clean(min + i * step)),
  };
}

/** Maps a value on [domain] to a coordinate on [range], linearly; a zero-width domain maps to the range start. */
export function scaleLinear(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => r0;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}
