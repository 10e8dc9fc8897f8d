/**
 * The roles index (/roles/) as data: the ladder steps and the specialisations, one salary chart per currency and
 * the sortable comparison table with the keys its cells sort by. Pure; unit-tested in tests/unit/roles/roles-overview.test.ts.
 */
import { SENIORITY } from '../../schemas/role.ts';
import type { Role } from '../content/content.ts';
import { formatGrowth, moneyFormatter } from '../../core/format/format.ts';
import { sourceKindLabel, sourceLinks } from '../content/sources.ts';
import { payBand } from './pay.ts';
import { formatProficiency, monthsFromStart, rolesById } from './proficiency.ts';

/** What the overview reads of a role. */
export type RoleSummary = Pick<Role, 'id'> & {
  data: Pick<Role['data'], 'title' | 'seniority' | 'timeToProficiency' | 'market' | 'ladder'>;
};

const isOnLadder = (role: RoleSummary): boolean => role.data.ladder?.step !== undefined;

/** The roles on the career ladder in step order, and the specialisations in listing order. */
export function splitByLadder<R extends RoleSummary>(roles: readonly R[]): { steps: R[]; specialisations: R[] } {
  return {
    steps: roles.filter(isOnLadder).sort((a, b) => a.data.ladder!.step! - b.data.ladder!.step!),
    specialisations: roles.filter((r) => !isOnLadder(r)),
  };
}

/** One chart per currency: salary ranges only share an axis when they share a unit. Bars from the lowest range up. */
export function salaryCharts(roles: readonly RoleSummary[]) {
  const salary = (r: RoleSummary) => r.data.market.salary!;
  const band = (r: RoleSummary) => payBand(salary(r));
  const paid = roles.filter((r) => r.data.market.salary);
  return [...new Set(paid.map((r) => r.data.market.currency))].map((currency) => {
    const group = paid
      .filter((r) => r.data.market.currency === currency)
      .sort(
        (a, b) =>
          band(a).low - band(b).low || band(a).high - band(b).high || a.data.title.localeCompare(b.data.title, 'en'),
      );
    return {
      currency,
      regions: [...new Set(group.map((r) => r.data.market.region))].join(', '),
      estimates: group.filter((r) => salary(r).source.kind === 'estimate').length,
      total: group.length,
      sources: sourceLinks(group.map((r) => salary(r).source)),
      rows: group.map((r) => ({
        label: r.data.title,
        min: band(r).low,
        max: band(r).high,
        range: band(r).range,
        onLadder: isOnLadder(r),
      })),
    };
  });
}

/** The comparison table of every role, in listing order, for ComparisonTable. */
export function roleTable(roles: readonly RoleSummary[]) {
  const byId = rolesById(roles);
  return {
    caption:
      'Backend roles by seniority, time to proficiency (from a start of learning, or with + after the role named; sorted by the total from a start), yearly salary range and its basis, hiring demand (1 to 5, our assessment) and projected growth in jobs',
    rowHeader: 'Role',
    columns: [
      { id: 'seniority', label: 'Seniority', kind: 'number' as const },
      { id: 'time', label: 'Time to proficiency', kind: 'number' as const },
      { id: 'salary-min', label: 'Salary from', kind: 'number' as const },
      { id: 'salary-max', label: 'Salary to', kind: 'number' as const },
      { id: 'salary-basis', label: 'Salary basis', kind: 'text' as const },
      { id: 'demand', label: 'Demand (1–5)', kind: 'number' as const },
      { id: 'growth', label: 'Projected growth in jobs', kind: 'number' as const },
    ],
    rows: roles.map((r) => {
      const { market: m, seniority } = r.data;
      const money = moneyFormatter(m.currency);
      const pay = m.salary && payBand(m.salary);
      return {
        name: r.data.title,
        role: { id: r.id, collection: 'roles' as const },
        cells: {
          seniority: seniority.join(', '),
          time: formatProficiency(r, byId),
          'salary-min': pay ? (pay.range ? money(pay.low) : `median ${money(pay.low)}`) : 'no published figure',
          'salary-max': pay ? (pay.range ? money(pay.high) : 'median only') : 'no published figure',
          'salary-basis': m.salary ? sourceKindLabel(m.salary.source) : 'none fits',
          demand: m.demand.rating,
          growth: m.growth === undefined ? 'not given' : `${formatGrowth(m.growth.percent)}, ${m.growth.period}`,
        },
        // Sort by what the text means: the lowest seniority band, the shortest time from a start (the roles a time
        // is counted after included), the full amounts.
        sortValues: {
          seniority: Math.min(...seniority.map((s) => SENIORITY.indexOf(s))),
          time: monthsFromStart(r, byId),
          'salary-min': pay?.low,
          'salary-max': pay?.high,
          growth: m.growth?.percent,
        },
      };
    }),
  };
}
