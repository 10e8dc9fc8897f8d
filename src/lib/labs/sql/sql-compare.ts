/**
 * What a learner is told when their rows are not the expected ones: an observation made from the comparison, in the
 * task's terms where the check names kinds of rows ("3 columns; the task asks for 2: month, revenue_cents", "1 row
 * missing: a month at exactly the threshold", "2 rows too many: customers with orders"), never the way to fix it.
 * Different mistakes give different observations: columns, too many or too few rows and which, repeated rows,
 * values that differ only in precision, order.
 */
import { fill, plural } from '../../../core/format/fill.ts';
import { rowKey, type Results, showRow } from '../database/sql-results.ts';
import { SQL_RUN_WORDS, type SqlRunWords } from './sql-words.ts';

/** Rows of one kind the task names, as a probe query found them on the same data: the keys of their first columns. */
export interface ProbeRows {
  label: string;
  /** How many leading columns a probe row matches. */
  width: number;
  keys: Set<string>;
}

export interface CompareOptions {
  /** A dataset the learner never sees: counts and kinds, no values. */
  hideRows?: boolean;
  probes?: readonly ProbeRows[];
  /** The words of the page's language (English by default). */
  words?: SqlRunWords;
}

const columnList = (fields: Results['fields']) => fields.map((f) => f.name).join(', ');

/** Learner rows left over, expected rows never met: a multiset difference by comparable value. */
function difference(actual: Results, expected: Results) {
  const mine = (actual.rows as unknown[][]).map((row) => rowKey(row, actual.fields));
  const theirs = (expected.rows as unknown[][]).map((row) => rowKey(row, expected.fields));
  const left = new Map<string, number>();
  for (const key of theirs) left.set(key, (left.get(key) ?? 0) + 1);
  const extra: number[] = [];
  mine.forEach((key, i) => {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else extra.push(i);
  });
  const missing: number[] = [];
  for (let i = theirs.length - 1; i >= 0; i--) {
    const n = left.get(theirs[i]!) ?? 0;
    if (n > 0) {
      left.set(theirs[i]!, n - 1);
      missing.unshift(i);
    }
  }
  return { mine, theirs, extra, missing };
}

/** Names the kinds of rows among `indexes` of `result` the probes know; "repeated" marks a row already expected. */
function kindsOf(
  result: Results,
  indexes: number[],
  probes: readonly ProbeRows[],
  repeated: string,
  expectedKeys?: Set<string>,
) {
  const labels = new Map<string, number>();
  let unnamed = 0;
  for (const i of indexes) {
    const row = result.rows[i] as unknown[];
    const probe = probes.find((p) => p.keys.has(rowKey(row.slice(0, p.width), result.fields.slice(0, p.width))));
    const label = probe?.label ?? (expectedKeys?.has(rowKey(row, result.fields)) ? repeated : '');
    if (label) labels.set(label, (labels.get(label) ?? 0) + 1);
    else unnamed++;
  }
  return { labels: [...labels.keys()], unnamed };
}

/** Numbers that agree once both are rounded to the coarser of their precisions: 12.3 and 12.35, 12 and 12.4. */
function samePrecisionless(a: unknown, b: unknown): boolean {
  const decimals = (v: unknown) => /\.(\d+)$/.exec(String(v))?.[1]?.length ?? 0;
  const x = Number(a);
  const y = Number(b);
  if (a === null || b === null || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  const d = Math.min(decimals(a), decimals(b));
  return Math.abs(x - y) <= 0.5 * 10 ** -d + 1e-12;
}

/** The column whose values differ only in precision, when rows match on every other column in order. */
function precisionColumn(actual: Results, expected: Results, extra: number[], missing: number[]): number | null {
  if (extra.length !== missing.length) return null;
  const width = expected.fields.length;
  for (let c = 0; c < width; c++) {
    const ok = extra.every((e, k) => {
      const mine = actual.rows[e] as unknown[];
      const theirs = expected.rows[missing[k]!] as unknown[];
      return mine.every((v, j) =>
        j === c
          ? samePrecisionless(v, theirs[j])
          : rowKey([v], [actual.fields[j]!]) === rowKey([theirs[j]], [expected.fields[j]!]),
      );
    });
    if (ok) return c;
  }
  return null;
}

/** "1 row missing: a month at exactly the threshold" / "2 rows too many: customers with orders". */
function rowsPart(n: number, what: string, kinds: { labels: string[]; unnamed: number }, words: SqlRunWords) {
  const named = kinds.labels.join('; ');
  const others = kinds.labels.length && kinds.unnamed ? plural(kinds.unnamed, words.othersOne, words.othersMany) : '';
  const rows = fill(words.rowsPart, { rows: plural(n, words.rowsOne, words.rowsMany), what });
  return `${rows}${named ? fill(words.rowsKinds, { kinds: `${named}${others}` }) : ''}`;
}

/** Why rows differ, when the columns agree: how many rows, of which kinds, too many or missing, with an example. */
function rowsDiffer(
  actual: Results,
  expected: Results,
  { mine, theirs, extra, missing }: ReturnType<typeof difference>,
  { hideRows, probes, words }: Required<CompareOptions>,
): string {
  const rows = (n: number) => plural(n, words.rowsOne, words.rowsMany);
  const surplus = kindsOf(actual, extra, probes, words.repeated, new Set(theirs));
  const lacking = kindsOf(expected, missing, probes, words.repeated);
  const named = surplus.labels.length + lacking.labels.length > 0;
  const parts =
    mine.length === theirs.length && !named
      ? [fill(extra.length === 1 ? words.differOne : words.differMany, { rows: rows(extra.length) })]
      : [
          extra.length && rowsPart(extra.length, words.tooMany, surplus, words),
          missing.length && rowsPart(missing.length, words.missing, lacking, words),
        ].filter(Boolean);
  const shown =
    mine.length === theirs.length
      ? words.rightNumber
      : fill(words.countDiffers, { rows: rows(mine.length), n: theirs.length });
  const example = hideRows
    ? ''
    : [
        extra.length && fill(words.notThere, { row: showRow(actual.rows[extra[0]!] as unknown[]) }),
        missing.length && fill(words.missingRow, { row: showRow(expected.rows[missing[0]!] as unknown[]) }),
      ]
        .filter(Boolean)
        .join('; ');
  return `${fill(words.returns, { shown, parts: parts.join('; ') })}${example ? fill(words.forExample, { example }) : ''}`;
}

/**
 * Why `actual` is not `expected`, in one or two sentences, or null when they match. Columns are compared by
 * position and count (a learner may name them differently); rows as a multiset unless `ordered`. With `hideRows`
 * the message counts rows and names kinds but quotes no values.
 */
export function compareResults(
  actual: Results,
  expected: Results,
  ordered: boolean,
  { hideRows = false, probes = [], words = SQL_RUN_WORDS }: CompareOptions = {},
): string | null {
  const [yours, theirNames] = [columnList(actual.fields), columnList(expected.fields)];
  if (actual.fields.length !== expected.fields.length)
    return fill(words.columnCount, {
      columns: plural(actual.fields.length, words.columnsOne, words.columnsMany),
      yours,
      n: expected.fields.length,
      theirs: theirNames,
    });
  const diff = difference(actual, expected);
  const { mine, theirs, extra, missing } = diff;
  const names = actual.fields.some((f, i) => f.name !== expected.fields[i]!.name)
    ? fill(words.columnNames, { yours, theirs: theirNames })
    : '';
  if (extra.length || missing.length) {
    const precise = precisionColumn(actual, expected, extra, missing);
    if (precise !== null) {
      const column = expected.fields[precise]!.name;
      const example = hideRows
        ? ''
        : fill(words.precisionExample, {
            yours: String((actual.rows[extra[0]!] as unknown[])[precise]),
            theirs: String((expected.rows[missing[0]!] as unknown[])[precise]),
          });
      return fill(words.precision, { column, example });
    }
    return rowsDiffer(actual, expected, diff, { hideRows, probes, words }) + names;
  }
  if (ordered) {
    const first = mine.findIndex((key, i) => key !== theirs[i]);
    if (first >= 0 && hideRows) return fill(words.orderFrom, { n: first + 1 });
    if (first >= 0)
      return fill(words.orderAt, {
        n: first + 1,
        yours: showRow(actual.rows[first] as unknown[]),
        theirs: showRow(expected.rows[first] as unknown[]),
      });
  }
  return null;
}
