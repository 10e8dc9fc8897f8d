/**
 * A design run's results in the page: per scenario, passed or failed, what failed in words, six small charts
 * (throughput, latency percentiles, errors and drops, queue depth, replication lag, cost) and the same figures in a
 * table, for a screen reader and for anyone who wants the numbers.
 */
import {
  type OutcomeRow,
  type ScenarioOutcome,
  type ChartSpec,
  formatValue,
  lineChart,
  toElement,
} from '../../lib/labs/design/index.ts';
import { h } from '../dom.ts';

const COLUMNS: [keyof OutcomeRow, string][] = [
  ['t', 'Time (s)'],
  ['throughput', 'Served (req/s)'],
  ['p50', 'p50 (ms)'],
  ['p95', 'p95 (ms)'],
  ['p99', 'p99 (ms)'],
  ['errors', 'Errors (/s)'],
  ['drops', 'Dropped (/s)'],
  ['queue', 'Queue depth'],
  ['lag', 'Replication lag (ms)'],
  ['cost', 'Cost ($/month)'],
];

/** The charts of one scenario, as chart specs. */
function chartsOf(scenario: ScenarioOutcome): ChartSpec[] {
  const times = scenario.rows.map((r) => r.t);
  const series = (name: string, key: keyof OutcomeRow) => ({ name, values: scenario.rows.map((r) => r[key]) });
  const base = { times, marks: scenario.marks };
  return [
    { ...base, title: 'Throughput', unit: 'req/s', series: [series('served', 'throughput')] },
    {
      ...base,
      title: 'Latency',
      unit: 'ms',
      series: [series('p50', 'p50'), series('p95', 'p95'), series('p99', 'p99')],
      limit: scenario.limits.p99 === undefined ? undefined : { value: scenario.limits.p99, label: 'p99 goal' },
    },
    {
      ...base,
      title: 'Errors and drops',
      unit: '/s',
      series: [series('errors', 'errors'), series('dropped', 'drops')],
    },
    { ...base, title: 'Queue depth', unit: 'waiting', series: [series('longest queue', 'queue')] },
    // Only where a replica trailed a primary: a design with no replica has no lag to chart.
    ...(scenario.rows.some((r) => r.lag > 0)
      ? [{ ...base, title: 'Replication lag', unit: 'ms', series: [series('lag', 'lag')] }]
      : []),
    {
      ...base,
      title: 'Monthly cost',
      unit: '$',
      series: [series('cost', 'cost')],
      limit: scenario.limits.cost === undefined ? undefined : { value: scenario.limits.cost, label: 'budget' },
    },
  ];
}

function chart(spec: ChartSpec) {
  const legend = spec.series.length > 1 ? spec.series.map((s, i) => legendItem(s.name, i)) : [];
  return h(
    'figure',
    'design-chart',
    {},
    h('figcaption', 'design-chart-title', {}, spec.title, ...legend),
    toElement(lineChart(spec)),
  );
}

function legendItem(name: string, index: number) {
  return h('span', `design-legend design-legend-${index + 1}`, {}, name);
}

function table(scenario: ScenarioOutcome) {
  const head = h('tr', '', {}, ...COLUMNS.map(([, label]) => h('th', '', { scope: 'col' }, label)));
  const rows = scenario.rows.map((row) =>
    h('tr', '', {}, ...COLUMNS.map(([key]) => h('td', '', {}, formatValue(row[key])))),
  );
  return h(
    'details',
    'design-table mt-2',
    {},
    h('summary', '', {}, 'The figures over time, as a table'),
    h(
      'div',
      'lab-table-wrap mt-2',
      { tabindex: 0, role: 'region', 'aria-label': `Figures of ${scenario.name}` },
      h(
        'table',
        'lab-table',
        {},
        h('caption', 'sr-only', {}, scenario.name),
        h('thead', '', {}, head),
        h('tbody', '', {}, ...rows),
      ),
    ),
  );
}

/** What broke, then where the time went: the run described, never the fix. */
function failureNotes(scenario: ScenarioOutcome) {
  return [
    h('ul', 'design-failures', {}, ...scenario.failures.map((f) => h('li', '', {}, f))),
    h('p', 'design-where mt-2 font-semibold', {}, 'Where the time went'),
    h('ul', 'design-failures', {}, ...scenario.explanation.map((f) => h('li', '', {}, f))),
  ];
}

function scenarioSection(scenario: ScenarioOutcome) {
  const mark = scenario.passed ? '✓' : '✗';
  return h(
    'section',
    'design-scenario',
    { 'data-passed': String(scenario.passed), 'data-scenario': scenario.id },
    h(
      'h3',
      'design-scenario-title',
      {},
      h('span', 'lab-check-mark', { 'aria-hidden': 'true' }, mark),
      ` ${scenario.passed ? 'Met' : 'Failed'}: ${scenario.name}`,
    ),
    ...scenario.notes.map((note) => h('p', 'design-note mt-1', {}, note)),
    ...(scenario.passed ? [] : failureNotes(scenario)),
    h('p', 'design-where mt-2 font-semibold', {}, 'Against each goal'),
    h('ul', 'design-failures', { 'data-measures': '' }, ...scenario.measures.map((m) => h('li', '', {}, m))),
    h('div', 'design-charts', {}, ...chartsOf(scenario).map(chart)),
    table(scenario),
  );
}

/**
 * One scenario's results added as it comes back from the simulator, failed ones before those met: each is drawn in
 * its own task, so the page never lays out a whole run's charts at once. The first clears the previous run's.
 */
export function showScenario(root: HTMLElement, scenario: ScenarioOutcome, first: boolean) {
  if (first) root.replaceChildren(h('h3', 'text-xl font-bold', {}, 'Scenarios'));
  const section = scenarioSection(scenario);
  if (scenario.passed) root.append(section);
  else root.insertBefore(section, root.querySelector(':scope > [data-passed="true"]'));
}
