/**
 * Market figures on the site agree with each other: the job-market table repeats the role pages' salary, growth and
 * demand, so a figure fixed in one place cannot silently disagree in the other. Parses the real content with the
 * site's schemas.
 */
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { parseNumber } from '../../../src/core/format/table-sort.ts';
import { comparisonSchema } from '../../../src/schemas/comparison.ts';
import { payBand } from '../../../src/lib/roles/pay.ts';
import { roleSchema } from '../../../src/schemas/role.ts';
import { referenceById } from '../../../src/schemas/shared.ts';

const entries = readContentDir('content');
const roles = new Map(
  entries.filter((e) => e.collection === 'roles').map((e) => [e.id, roleSchema(referenceById).parse(e.data)]),
);
const jobs = comparisonSchema(referenceById).parse(
  entries.find((e) => e.collection === 'comparisons' && e.id === 'job-market-by-role')!.data,
);

describe('job market table', () => {
  it('links a role on every row and repeats that role page’s figures', () => {
    expect(jobs.rows.length).toBeGreaterThanOrEqual(6);
    for (const row of jobs.rows) {
      const market = roles.get(row.role?.id ?? '')?.market;
      expect(market, row.name).toBeDefined();
      const cell = (id: string) =>
        typeof row.cells[id] === 'number' ? row.cells[id] : parseNumber(String(row.cells[id]));
      const pay = market!.salary && payBand(market!.salary);
      expect(cell('salary-low'), `${row.name} salary-low`).toBe(pay?.low);
      expect(cell('salary-high'), `${row.name} salary-high`).toBe(pay?.high);
      expect(cell('growth'), `${row.name} growth`).toBe(market!.growth?.percent);
      expect(cell('demand'), `${row.name} demand`).toBe(market!.demand.rating);
    }
  });
});

describe('role market sources', () => {
  it('give every salary a link and a month, and call derived figures estimates', () => {
    expect(roles.size).toBeGreaterThanOrEqual(22);
    for (const [id, { market }] of roles) {
      if (!market.salary) {
        expect(market.noSalary, id).toBeTruthy();
        continue;
      }
      const source = market.salary.source;
      expect(['external', 'estimate'], id).toContain(source.kind);
      const links = source.kind === 'estimate' ? source.from : source.kind === 'external' ? [source] : [];
      expect(links.length, id).toBeGreaterThan(0);
      for (const link of links) expect(link.url, id).toMatch(/^https:\/\//);
    }
  });
});
