/**
 * A design run's line chart (src/lib/design-view/line-chart.ts): the axis's top value fits the margin left of the
 * plot, however large the figures (a monthly cost of $9,000 once printed "10,000", cut to "0,000" at its left edge).
 */
import { describe, expect, it } from 'vitest';
import { lineChart } from '../../../src/lib/design-view/line-chart.ts';
import type { SvgNode } from '../../../src/lib/design-view/svg-tree.ts';

const texts = (node: SvgNode): string[] =>
  node.children.flatMap((child) => (typeof child === 'string' ? [child] : texts(child)));

const topTick = (peak: number) => {
  const chart = lineChart({
    title: 'Monthly cost',
    unit: '$',
    times: [1, 2],
    series: [{ name: 'cost', values: [peak, peak] }],
  });
  return texts(chart).find((text) => /\d/.test(text) && text !== '0' && !text.endsWith(' s'));
};

describe('lineChart', () => {
  it('writes the top of its axis in at most five characters', () => {
    expect(topTick(4_000)).toBe('5,000');
    expect(topTick(9_000)).toBe('10k');
    expect(topTick(180_000)).toBe('200k');
    expect(topTick(3_500_000)).toBe('5M');
  });
});
