import { describe, expect, it } from 'vitest';
import { type RoleSummary, roleTable, salaryCharts, splitByLadder } from '../../../src/lib/roles/roles-overview.ts';

const estimate = {
  kind: 'estimate' as const,
  method: 'Read off the occupation percentiles.',
  from: [{ name: 'BLS OEWS', url: 'https://www.bls.gov/oes/', asOf: '2024-05' }],
};
const published = {
  kind: 'external' as const,
  name: 'Salary survey',
  url: 'https://example.org/survey',
  asOf: '2025-03',
};
const assessment = { kind: 'assessment' as const, reviewed: '2026-10', evidence: [] };

function role(
  id: string,
  over: {
    step?: number;
    currency?: string;
    region?: string;
    min: number;
    max: number;
    growth?: number;
    time?: [number, 'weeks' | 'months' | 'years'];
    seniority?: RoleSummary['data']['seniority'];
  },
): RoleSummary {
  const [amount, unit] = over.time ?? [6, 'months'];
  return {
    id,
    data: {
      title: id.replace(/^./, (c) => c.toUpperCase()),
      seniority: over.seniority ?? ['mid'],
      timeToProficiency: { min: amount, max: amount + 1, unit },
      ladder: over.step === undefined ? undefined : { step: over.step },
      market: {
        region: over.region ?? 'United States',
        currency: over.currency ?? 'USD',
        salary: { min: over.min, max: over.max, source: over.currency === 'EUR' ? published : estimate },
        growth: over.growth === undefined ? undefined : { percent: over.growth, period: '2024–34', source: published },
        demand: { rating: 4, source: assessment },
      },
    },
  };
}

const roles = [
  role('senior', { step: 3, min: 130_000, max: 180_000, growth: 15.8, seniority: ['senior', 'staff'] }),
  role('junior', { step: 1, min: 70_000, max: 95_000, time: [40, 'weeks'], seniority: ['entry', 'junior'] }),
  role('sre', { min: 120_000, max: 170_000, growth: -2, time: [1, 'years'] }),
  role('berlin', { currency: 'EUR', region: 'Germany', min: 60_000, max: 80_000 }),
  role('mid', { step: 2, min: 95_000, max: 130_000 }),
  role('golang', { min: 95_000, max: 125_000 }),
];

describe('roles overview', () => {
  it('lists the ladder steps in step order and the specialisations as listed', () => {
    const { steps, specialisations } = splitByLadder(roles);
    expect(steps.map((r) => r.id)).toEqual(['junior', 'mid', 'senior']);
    expect(specialisations.map((r) => r.id)).toEqual(['sre', 'berlin', 'golang']);
  });

  it('draws one chart per currency, lowest range first, ties broken on the upper end', () => {
    const charts = salaryCharts(roles);
    expect(charts.map((c) => c.currency)).toEqual(['USD', 'EUR']);
    const usd = charts[0]!;
    expect(usd.rows.map((r) => r.label)).toEqual(['Junior', 'Golang', 'Mid', 'Sre', 'Senior']);
    expect(usd.rows.filter((r) => r.onLadder).map((r) => r.label)).toEqual(['Junior', 'Mid', 'Senior']);
    expect(usd).toMatchObject({ regions: 'United States', estimates: 5, total: 5 });
    expect(usd.sources).toEqual([{ name: 'BLS OEWS', url: 'https://www.bls.gov/oes/', asOf: '2024-05' }]);
    expect(charts[1]).toMatchObject({
      regions: 'Germany',
      estimates: 0,
      total: 1,
      rows: [{ label: 'Berlin', min: 60_000, max: 80_000, range: true, onLadder: false }],
    });
  });

  it('writes each cell as text and sorts it by what the text means', () => {
    const table = roleTable(roles);
    expect(table.rows.map((r) => r.name)).toEqual(roles.map((r) => r.data.title));
    expect(Object.keys(table.rows[0]!.cells)).toEqual(table.columns.map((c) => c.id));
    const [senior, junior, sre, berlin] = table.rows;
    expect(senior!.cells).toMatchObject({
      seniority: 'senior, staff',
      time: '6–7 months',
      'salary-min': '$130K',
      'salary-max': '$180K',
      'salary-basis': 'estimate',
      demand: 4,
      growth: '+15.8%, 2024–34',
    });
    expect(senior!.sortValues).toEqual({
      seniority: 3,
      time: 6,
      'salary-min': 130_000,
      'salary-max': 180_000,
      growth: 15.8,
    });
    expect(junior!.sortValues.seniority).toBe(0);
    expect(junior!.sortValues.time).toBeCloseTo((40 * 12) / 52);
    expect(sre!.cells.growth).toBe('-2%, 2024–34');
    expect(sre!.sortValues.time).toBe(12);
    expect(berlin!.cells).toMatchObject({ 'salary-min': '€60K', 'salary-basis': 'published', growth: 'not given' });
    expect(berlin!.sortValues.growth).toBeUndefined();
    expect(senior!.role).toEqual({ id: 'senior', collection: 'roles' });
  });

  it('shows a time counted after another role with that role, and sorts it by the time from a start', () => {
    const senior = role('senior', { step: 3, min: 1, max: 2, time: [3, 'years'] });
    senior.data.timeToProficiency.after = { id: 'junior', collection: 'roles' };
    const junior = role('junior', { step: 1, min: 1, max: 2, time: [6, 'months'] });
    const architect = role('architect', { min: 1, max: 2, time: [8, 'months'] });
    architect.data.timeToProficiency.after = { id: 'senior', collection: 'roles' };
    const table = roleTable([architect, senior, junior]);
    expect(table.caption).toMatch(/with \+ after the role named; sorted by the total from a start/);
    const [a, s, j] = table.rows;
    expect(a!.cells.time).toBe('+8–9 months after Senior');
    expect(s!.cells.time).toBe('+3–4 years after Junior');
    expect(j!.cells.time).toBe('6–7 months');
    expect([a!.sortValues.time, s!.sortValues.time, j!.sortValues.time]).toEqual([6 + 36 + 8, 6 + 36, 6]);
  });

  it('shows a median alone as a median, and a role without a published figure as such, never as a range', () => {
    const median = role('manager', { min: 0, max: 0 });
    median.data.market.salary = { median: 171_200, source: published };
    const none = role('unfitted', { min: 0, max: 0 });
    delete (none.data.market as { salary?: unknown }).salary;
    const [m, n] = roleTable([median, none]).rows;
    expect(m!.cells).toMatchObject({
      'salary-min': 'median $171K',
      'salary-max': 'median only',
      'salary-basis': 'published',
    });
    expect(m!.sortValues).toMatchObject({ 'salary-min': 171_200, 'salary-max': 171_200 });
    expect(n!.cells).toMatchObject({ 'salary-min': 'no published figure', 'salary-basis': 'none fits' });
    const chart = salaryCharts([median, none, ...roles])[0]!;
    expect(chart.rows.find((r) => r.label === 'Manager')).toMatchObject({ min: 171_200, max: 171_200, range: false });
    expect(chart.rows.map((r) => r.label)).not.toContain('Unfitted');
  });
});
