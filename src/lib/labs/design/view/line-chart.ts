/**
 * A small line chart of one measure over a run's time (throughput, latency percentiles, errors, queue depth, lag,
 * cost), as an SVG tree (svg-tree.ts). Series differ by dash as well as colour, so the chart reads in either theme
 * and without colour; its label says the peak, and the page puts the same numbers in a table beside it.
 * SHARED BY BUILD AND BROWSER CODE.
 */
import { type SvgNode, svg } from './svg-tree.ts';

interface ChartSeries {
  /** "p99", "served", "dropped". */
  name: string;
  /** One value per time step. */
  values: readonly number[];
}

export interface ChartSpec {
  title: string;
  /** The values' unit, as the axis says it: "ms", "req/s", "%". */
  unit: string;
  /** Each step's time, in seconds from the start of the run. */
  times: readonly number[];
  series: readonly ChartSeries[];
  /** Moments marked with a vertical line: a fault ("primary fails") or a spike. */
  marks?: readonly { at: number; label: string }[];
  /** A bar the scenario sets ("p99 under 300 ms"), drawn as a horizontal line. */
  limit?: { value: number; label: string } | undefined;
}

const WIDTH = 320;
const HEIGHT = 150;
const PAD = { left: 44, right: 8, top: 10, bottom: 22 };
const DASHES = [undefined, '6 3', '2 3'];

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((m) => m * power >= value) ?? 10) * power;
}

/** A value as an axis or a table writes it: 12,400; 3.5; 0.02. */
export function formatValue(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en');
  if (abs >= 1) return String(+value.toFixed(1));
  if (abs === 0) return '0';
  return String(+value.toPrecision(2));
}

/** An axis's top value, short enough for its margin: 5,000; 10k; 2M. */
const formatTick = (value: number) =>
  value >= 1e6 ? `${+(value / 1e6).toFixed(1)}M` : value >= 1e4 ? `${+(value / 1e3).toFixed(1)}k` : formatValue(value);

/** The chart's text label: what it shows, where each series peaked, its goal line and its events. */
function chartLabel(spec: ChartSpec): string {
  const peaks = spec.series.map((s) => {
    const max = Math.max(0, ...s.values);
    const at = spec.times[s.values.indexOf(max)] ?? 0;
    return `${s.name} peaks at ${formatValue(max)} ${spec.unit}${max > 0 ? ` at ${formatValue(at)} s` : ''}`;
  });
  const limit = spec.limit ? `; ${spec.limit.label} ${formatValue(spec.limit.value)} ${spec.unit}` : '';
  const marks = (spec.marks ?? []).map((mark) => `; ${mark.label} at ${formatValue(mark.at)} s`).join('');
  return `${spec.title}: ${peaks.join('; ')}${limit}${marks}.`;
}

export function lineChart(spec: ChartSpec): SvgNode {
  const { times } = spec;
  const end = Math.max(1, times.at(-1) ?? 1);
  const top = niceCeiling(Math.max(spec.limit?.value ?? 0, ...spec.series.flatMap((s) => s.values)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + (t / end) * plotW;
  const y = (v: number) => PAD.top + plotH - (Math.min(v, top) / top) * plotH;
  const line = (values: readonly number[]) =>
    values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(times[i] ?? 0).toFixed(1)} ${y(v).toFixed(1)}`).join(' ');
  const bottom = PAD.top + plotH;
  return svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': chartLabel(spec) },
    svg('line', { class: 'chart-axis', x1: PAD.left, y1: bottom, x2: WIDTH - PAD.right, y2: bottom }),
    svg('line', { class: 'chart-axis', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: bottom }),
    svg('text', { class: 'chart-tick', x: PAD.left - 4, y: PAD.top + 4, 'text-anchor': 'end' }, formatTick(top)),
    svg('text', { class: 'chart-tick', x: PAD.left - 4, y: bottom, 'text-anchor': 'end' }, '0'),
    svg('text', { class: 'chart-tick', x: PAD.left, y: HEIGHT - 6 }, '0 s'),
    svg('text', { class: 'chart-tick', x: WIDTH - PAD.right, y: HEIGHT - 6, 'text-anchor': 'end' }, `${end} s`),
    svg('text', { class: 'chart-tick', x: 4, y: PAD.top + plotH / 2 + 4 }, spec.unit),
    ...(spec.marks ?? []).flatMap((mark, index) => [
      svg('line', { class: 'chart-mark', x1: x(mark.at), y1: PAD.top, x2: x(mark.at), y2: bottom }),
      // Each event named beside its line, the second a row lower so two close together do not overlap.
      svg('text', { class: 'chart-tick', x: x(mark.at) + 3, y: PAD.top + 8 + (index % 2) * 10 }, mark.label),
    ]),
    ...(spec.limit
      ? [
          svg('line', {
            class: 'chart-limit',
            x1: PAD.left,
            y1: y(spec.limit.value),
            x2: WIDTH - PAD.right,
            y2: y(spec.limit.value),
          }),
          svg(
            'text',
            { class: 'chart-tick', x: WIDTH - PAD.right, y: y(spec.limit.value) - 3, 'text-anchor': 'end' },
            `${spec.limit.label} ${formatTick(spec.limit.value)}`,
          ),
        ]
      : []),
    ...spec.series.map((s, i) =>
      svg('path', {
        class: `chart-line chart-line-${(i % 3) + 1}`,
        d: line(s.values),
        fill: 'none',
        'stroke-dasharray': DASHES[i % 3],
      }),
    ),
  );
}
