/**
 * A design run's line chart (src/lib/labs/design/view/line-chart.ts): the axis's top value fits the margin left of the
 * plot, however large the figures (a monthly cost of $9,000 once printed "10,000", cut to "0,000" at its left edge).
 */
import { describe, expect, it } from 'vitest';
import { lineChart } from '../../../src/lib/labs/design/view/line-chart.ts';
import type { SvgNode } from '../../../src/lib/labs/design/view/svg-tree.ts';

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
  it('names its goal line and each event, on the chart and in its text alternative', () => {
    const chart = lineChart({
      title: 'Latency',
      unit: 'ms',
      times: [1, 2, 3],
      series: [{ name: 'p99', values: [20, 80, 30] }],
      limit: { value: 50, label: 'p99 goal' },
      marks: [{ at: 2, label: 'the spike starts' }],
    });
    expect(texts(chart)).toEqual(expect.arrayContaining(['p99 goal 50', 'the spike starts']));
    expect(chart.attrs['aria-label']).toBe(
      'Latency: p99 peaks at 80 ms at 2 s; p99 goal 50 ms; the spike starts at 2 s.',
    );
  });
});
