/**
 * Result sets of an SQL lab: the session that returns them (PGlite's `exec`, as far as the runner and the checks
 * use it), how a value is shown, how two result sets are compared, and what a learner is told when they differ
 * (sql-compare.ts says what differs).
 */
import { clip, type ResultTable, type StatementOutput } from '../shared/lab-spec.ts';

/** A result as PGlite returns it with `rowMode: 'array'`. */
export interface Results {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
  command?: string;
}

/** Rows kept for display; the rest are counted. */
const SHOWN_ROWS = 200;
/** Postgres type ids of whole numbers (int2, int4, int8, oid), compared exactly; of floats (float4, float8), compared to 12 digits; numeric, compared as a decimal. */
const INTEGER_TYPES = new Set([20, 21, 23, 26]);
const FLOAT_TYPES = new Set([700, 701]);
const NUMERIC = 1700;

/** A value as psql would print it, near enough, cut to SHOWN_CHARS: NULL, numbers, text, timestamps in ISO form, JSON. */
const showValue = (value: unknown): string => clip(fullValue(value));

function fullValue(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? 'invalid date'
      : value
          .toISOString()
          .replace('T', ' ')
          .replace(/\.000Z$|Z$/, '');
  if (value instanceof Uint8Array) return `\\x${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  if (Array.isArray(value)) return `{${value.map(fullValue).join(',')}}`;
  if (typeof value === 'object') return JSON.stringify(value);
  // Objects were written as JSON above: what is left has a text of its own (a number, a boolean).
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(value);
}

/** date, timestamp, timestamptz: compared as one instant, so a date equals a timestamp at its midnight (UTC). */
const DATE = 1082;
const TIMESTAMPS = new Set([1114, 1184]);

/** The value two result sets are compared by: numbers by value (5 = 5.0 = '5.00'), instants as one, the rest as shown. */
function comparable(value: unknown, typeId: number): string {
  // As shown, so a timestamp cast to text still equals the timestamp, as it did when both were read as dates.
  if (typeof value === 'string' && typeId === DATE && /^\d{4}-\d\d-\d\d$/.test(value)) return `${value} 00:00:00`;
  if (typeof value === 'string' && TIMESTAMPS.has(typeId)) return value.replace(/\+00$/, '');
  const scalar = typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string';
  if (scalar && (INTEGER_TYPES.has(typeId) || typeId === NUMERIC)) {
    // 5 = 5.00 = 5.0e0: a decimal without its sign noise, trailing zeros or exponent, compared exactly.
    const text = String(value);
    if (/^-?\d+(\.\d+)?$/.test(text))
      return `#${text
        .replace(/^(-?)0+(?=\d)/, '$1')
        .replace(/(\.\d*?)0+$/, '$1')
        .replace(/\.$/, '')
        .replace(/^-0$/, '0')}`;
    const n = Number(text);
    if (Number.isFinite(n)) return `#${n}`;
  }
  if (value !== null && FLOAT_TYPES.has(typeId)) {
    const n = Number(value);
    if (Number.isFinite(n)) return `#${Number(n.toPrecision(12))}`;
  }
  if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array) &&
    !Array.isArray(value)
  ) {
    return JSON.stringify(sortKeys(value));
  }
  return value === null || value === undefined ? '\u0000NULL' : showValue(value);
}

const sortKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
        )
      : value;

/** A row as one comparable key: numbers by value, instants as one, the rest as shown. */
export const rowKey = (row: unknown[], fields: Results['fields']) =>
  JSON.stringify(row.map((v, i) => comparable(v, fields[i]?.dataTypeID ?? 0)));
/** A row as a learner reads it in a message: (1, 'Ada', NULL). */
export const showRow = (row: unknown[]) =>
  `(${row.map((v) => (typeof v === 'string' ? `'${v}'` : showValue(v))).join(', ')})`;

export function toTable(result: Results): ResultTable {
  const rows = (result.rows as unknown[][]).slice(0, SHOWN_ROWS).map((row) => row.map(showValue));
  return { columns: result.fields.map((f) => f.name), rows, more: Math.max(0, result.rows.length - SHOWN_ROWS) };
}

/** What one statement printed, as the page shows it: EXPLAIN output as text, other rows as a table, else the command. */
export function toStatementOutput(result: Results): StatementOutput {
  if (result.fields.length === 1 && result.fields[0]!.name === 'QUERY PLAN') {
    return {
      kind: 'plan',
      text: clip(
        (result.rows as unknown[][])
          .map((row) => (typeof row[0] === 'string' ? row[0] : JSON.stringify(row[0], null, 2)))
          .join('\n'),
      ),
    };
  }
  if (result.fields.length > 0) return { kind: 'table', table: toTable(result) };
  const command = result.command ?? 'OK';
  return { kind: 'command', text: result.affectedRows ? `${command} ${result.affectedRows}` : command };
}
