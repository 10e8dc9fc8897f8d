/**
 * What a learner is told when their rows differ (src/lib/labs/sql/sql-compare.ts): each kind of wrong answer gets its own
 * observation, in the task's terms where the check names kinds of rows, and a hidden dataset's values are never quoted.
 */
import { describe, expect, it } from 'vitest';
import { compareResults, type ProbeRows } from '../../../src/lib/labs/sql/sql-compare.ts';
import { type Results, rowKey } from '../../../src/lib/labs/database/sql-results.ts';

const date = (name: string) => ({ name, dataTypeID: 1082 });
const int = (name: string) => ({ name, dataTypeID: 23 });
const numeric = (name: string) => ({ name, dataTypeID: 1700 });
const rows = (fields: Results['fields'], ...values: unknown[][]): Results => ({ fields, rows: values });
const probe = (label: string, fields: Results['fields'], ...values: unknown[][]): ProbeRows => ({
  label,
  width: fields.length,
  keys: new Set(values.map((v) => rowKey(v, fields))),
});

/** A monthly report: months with revenue at or above 2000000, oldest first; March is exactly at the threshold. */
const months = [date('month'), int('revenue_cents')];
const expected = rows(months, ['2025-01-01', 2_500_000], ['2025-03-01', 2_000_000], ['2025-06-01', 3_100_000]);
const atThreshold = probe('a month at exactly the threshold', [date('month')], ['2025-03-01']);
const belowThreshold = probe('months below the threshold', [date('month')], ['2025-02-01'], ['2025-04-01']);
const probes = [atThreshold, belowThreshold];

describe('observations of a wrong result', () => {
  const answers = {
    columns: rows([date('placed_at'), int('status'), int('total_cents')], ['2025-01-03', 1, 900]),
    boundary: rows(months, ['2025-01-01', 2_500_000], ['2025-06-01', 3_100_000]),
    tooMany: rows(months, ...(expected.rows as unknown[][]), ['2025-02-01', 1_200_000], ['2025-04-01', 900_000]),
    order: rows(months, ['2025-06-01', 3_100_000], ['2025-01-01', 2_500_000], ['2025-03-01', 2_000_000]),
    repeated: rows(months, ...(expected.rows as unknown[][]), ['2025-01-01', 2_500_000]),
  };
  const said = (answer: Results, hideRows = false) => compareResults(answer, expected, true, { probes, hideRows });

  it('counts the columns and names the ones the task asks for', () => {
    expect(said(answers.columns)).toBe(
      'Your query returns 3 columns (placed_at, status, total_cents); the task asks for 2: month, revenue_cents.',
    );
  });

  it('says a row at the boundary is missing, in the words of the check', () => {
    expect(said(answers.boundary, true)).toBe(
      'Your query returns 2 rows where 3 are expected: 1 row missing: a month at exactly the threshold.',
    );
  });

  it('says how many rows are too many and of which kind', () => {
    expect(said(answers.tooMany, true)).toBe(
      'Your query returns 5 rows where 3 are expected: 2 rows too many: months below the threshold.',
    );
  });

  it('names a row listed twice without a probe for it', () => {
    expect(said(answers.repeated, true)).toBe(
      'Your query returns 4 rows where 3 are expected: 1 row too many: rows listed more than once.',
    );
  });

  it('says the order is wrong from the first row out of place', () => {
    expect(said(answers.order, true)).toBe('The rows are right but not in the order the task asks for, from row 1 on.');
  });

  it('says when values differ only in precision, and which column', () => {
    const avg = [int('id'), numeric('average')];
    const want = rows(avg, [1, '12.35'], [2, '7.50']);
    expect(compareResults(rows(avg, [1, '12.3'], [2, '7.5']), want, false)).toBe(
      'The rows are right except the precision of average: 12.3 where 12.35 is expected.',
    );
    expect(compareResults(rows(avg, [1, '12.3'], [2, '7.5']), want, false, { hideRows: true })).toBe(
      'The rows are right except the precision of average.',
    );
    expect(compareResults(rows(avg, [1, '12.5'], [2, '7.5']), want, false)).not.toMatch(/precision/);
  });

  it('gives each kind of mistake its own message', () => {
    const messages = Object.values(answers).map((answer) => said(answer, true));
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('quotes no value of a hidden dataset', () => {
    for (const answer of Object.values(answers)) expect(said(answer, true)).not.toMatch(/2025|2500000|2000000|3100000/);
  });
});
