/**
 * The `index` check of an SQL lab: reads the learner's catalog for an index on a table, whatever its name, and
 * compares what makes it serve the lesson — leading key columns and their order, expressions, INCLUDE columns, the
 * predicate of a partial index, uniqueness and the access method — as Postgres itself prints them.
 */
import { fill } from '../../../core/format/fill.ts';
import { SQL_RUN_WORDS, type SqlRunWords } from './sql-words.ts';
import type { IndexCheck } from './sql-spec.ts';
import type { SqlSession } from '../database/sql-session.ts';

interface IndexRow {
  definition: string;
  method: string;
  unique: boolean;
  keyCount: number;
  /** Every column (keys first, then INCLUDE), each as Postgres prints it, with DESC / NULLS FIRST on keys. */
  columns: string[];
  predicate: string | null;
}

/**
 * indoption bit 1 is DESC, bit 2 NULLS FIRST; Postgres prints only what differs from the default for the
 * direction (ASC NULLS LAST, DESC NULLS FIRST), and so does this.
 */
const INDEXES = (table: string) => `
SELECT pg_get_indexdef(i.indexrelid), am.amname, i.indisunique, i.indnkeyatts,
  ARRAY(
    SELECT pg_get_indexdef(i.indexrelid, k, true)
      || CASE WHEN k > i.indnkeyatts THEN ''
              WHEN i.indoption[k - 1] & 3 = 3 THEN ' DESC'
              WHEN i.indoption[k - 1] & 3 = 1 THEN ' DESC NULLS LAST'
              WHEN i.indoption[k - 1] & 3 = 2 THEN ' NULLS FIRST'
              ELSE '' END
    FROM generate_series(1, i.indnatts) AS k ORDER BY k),
  pg_get_expr(i.indpred, i.indrelid, true)
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = c.relam
WHERE i.indrelid = to_regclass('public.${table}') AND i.indisvalid
ORDER BY c.relname`;

/** Spaces collapsed and case folded: Postgres prints identifiers it need not quote in lower case. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const ORDER = / (desc|asc)?( nulls (first|last))?$/;

/** A key as its expression and the order the index keeps it in; `order` is null when a check's key names none. */
function keyOf(text: string): { expression: string; order: string | null } {
  const key = normal(text);
  const match = ORDER.exec(key);
  if (!match || match[0] === '') return { expression: key, order: null };
  return { expression: key.slice(0, match.index), order: match[0].trim() };
}
/** An order as "asc|desc nulls first|last", the nulls placement spelled out (NULLS FIRST is DESC's default). */
const canonical = (order: string | null) => {
  const desc = (order ?? '').includes('desc');
  const nullsFirst = (order ?? '').includes('nulls') ? (order ?? '').includes('first') : desc;
  return `${desc ? 'desc' : 'asc'} nulls ${nullsFirst ? 'first' : 'last'}`;
};
/** The order an index scan read backwards gives: both the direction and the nulls placement turn over. */
const reversed = (order: string) =>
  order
    .replace(/^(asc|desc)/, (d) => (d === 'asc' ? 'desc' : 'asc'))
    .replace(/(first|last)$/, (n) => (n === 'first' ? 'last' : 'first'));

/**
 * The index's leading keys are the check's: the same expressions, and where the check names an order, that order
 * — or every named order reversed, since Postgres reads a B-tree backwards just as well. A key the check writes
 * without an order matches either direction.
 */
function keysMatch(indexKeys: string[], wanted: string[]): boolean {
  const mine = indexKeys.map(keyOf);
  const theirs = wanted.map(keyOf);
  if (!theirs.every((key, i) => mine[i]?.expression === key.expression)) return false;
  const ordered = theirs.flatMap((key, i) =>
    key.order === null ? [] : [[canonical(key.order), canonical(mine[i]!.order)]],
  );
  return ordered.every(([want, have]) => want === have) || ordered.every(([want, have]) => reversed(want!) === have);
}

/** Whether the index is one the check asks for. */
function serves(index: IndexRow, check: IndexCheck): boolean {
  const all = index.columns.map((c) => keyOf(c).expression);
  const predicateFits =
    check.where === undefined
      ? index.predicate === null
      : new RegExp(`^(?:${check.where})$`).test(index.predicate ?? '');
  return (
    keysMatch(index.columns.slice(0, index.keyCount), check.keys) &&
    (check.include ?? []).every((column) => all.includes(normal(column))) &&
    predicateFits &&
    (check.unique === undefined || index.unique === check.unique) &&
    (check.using === undefined || index.method === check.using)
  );
}

/** Null when the table has such an index; otherwise the check's message and the table's indexes as Postgres prints them. */
/**
 * An index as the failure lists it, in words rather than its CREATE INDEX statement: what the learner built is
 * there (name, kind, keys, included columns, rows kept), and no SQL a hint holds back comes with it.
 */
function describeIndex(index: IndexRow, words: SqlRunWords): string {
  const name = / INDEX (\S+) ON /.exec(index.definition)?.[1] ?? words.anIndex;
  const keys = index.columns.slice(0, index.keyCount).join(', ');
  const included = index.columns.slice(index.keyCount);
  return [
    fill(words.indexLine, { name, unique: index.unique ? words.unique : '', method: index.method, keys }),
    included.length ? fill(words.indexAlso, { columns: included.join(', ') }) : '',
    index.predicate ? fill(words.indexOnly, { predicate: index.predicate }) : '',
  ].join('');
}

export async function checkIndex(
  db: SqlSession,
  check: IndexCheck,
  words: SqlRunWords = SQL_RUN_WORDS,
): Promise<string | null> {
  const found = await db.exec(INDEXES(check.table), { rowMode: 'array' }).then(
    (results) =>
      (results.at(-1)?.rows ?? []).map((row) => {
        const [definition, method, unique, keyCount, columns, predicate] = row as [
          string,
          string,
          boolean,
          number,
          string[],
          string | null,
        ];
        return { definition, method, unique, keyCount, columns, predicate };
      }),
    (error: Error) => error,
  );
  if (found instanceof Error) return fill(words.indexesUnreadable, { message: check.message, error: found.message });
  if (found.some((index) => serves(index, check))) return null;
  const list = found.map((index) => describeIndex(index, words)).join('\n');
  return fill(words.indexesAre, { message: check.message, table: check.table, list: list || words.noIndexes });
}
