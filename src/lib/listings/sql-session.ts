/**
 * A page's SQL, run as psql would run it for a reader: one PGlite (PostgreSQL 18) database per page, each statement
 * on its own, and each result set printed in the formats psql has, for the listing check to hold the page to.
 */
import { type Extensions, PGlite, type Results } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { emptyClusterFile } from '../labs-node/empty-cluster.ts';
import { sqlStatements } from './sql-statements.ts';

/** The extension modules of PGlite's contrib, by the name CREATE EXTENSION uses. */
async function extensionsFor(sql: string) {
  const names = [...sql.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)].map((m) =>
    m[1]!.toLowerCase(),
  );
  const extensions: Extensions = {};
  for (const name of new Set(names)) {
    if (name === 'plpgsql') continue;
    try {
      const mod = (await import(
        name === 'vector' ? '@electric-sql/pglite/vector' : `@electric-sql/pglite/contrib/${name}`
      )) as Record<string, unknown>;
      extensions[name] = mod[name === 'vector' ? 'vector' : name.replace(/-/g, '_')] as Extensions[string];
    } catch {
      // Not in PGlite: CREATE EXTENSION fails and says so.
    }
  }
  return extensions;
}

/** psql's right-aligned types: the integers, floats, numeric, money and oid. */
const NUMERIC_TYPES = new Set([20, 21, 23, 26, 700, 701, 790, 1700]);

/** One result set the way psql's aligned format prints it (`footer` adds "(N rows)"). */
function aligned(result: Results<unknown[]>, footer: boolean, header = true): string {
  const names = result.fields.map((field) => field.name);
  const cells = (result.rows as (string | null)[][]).map((row) => row.map((cell) => cell ?? ''));
  const widths = names.map((name, c) => Math.max(name.length, ...cells.map((row) => row[c]!.length)));
  const right = result.fields.map((field) => NUMERIC_TYPES.has(field.dataTypeID));
  const centre = (text: string, width: number) => {
    const left = Math.floor((width - text.length) / 2);
    return ' '.repeat(left) + text + ' '.repeat(width - text.length - left);
  };
  const line = (parts: string[]) => ` ${parts.join(' | ')} `;
  const out: string[] = [];
  if (header) {
    out.push(line(names.map((name, c) => centre(name, widths[c]!))));
    out.push(widths.map((w) => '-'.repeat(w + 2)).join('+'));
  }
  for (const row of cells)
    out.push(line(row.map((cell, c) => (right[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))));
  if (footer) out.push(`(${cells.length} ${cells.length === 1 ? 'row' : 'rows'})`, '');
  return out.join('\n');
}

/** `psql -At`: each row's values joined by "|", no header (how pages show a plan or a single value). */
const unaligned = (result: Results<unknown[]>) =>
  (result.rows as (string | null)[][]).map((row) => row.map((cell) => cell ?? '').join('|')).join('\n');

/** The ways a page may show the result sets of a SQL listing: all of them or the last, in psql's formats. */
function sqlRenderings(results: Results<unknown[]>[]): string[] {
  const sets = results.filter((result) => result.fields.length > 0);
  if (sets.length === 0) return [''];
  const forms = (list: Results<unknown[]>[]) => [
    list.map((r) => aligned(r, true)).join('\n'),
    list.map((r) => aligned(r, false)).join('\n'),
    list.map((r) => aligned(r, false, false)).join('\n'),
    list.map(unaligned).join('\n'),
  ];
  return [...forms(sets), ...(sets.length > 1 ? forms(sets.slice(-1)) : [])];
}

/** A page's SQL session: one PGlite, values kept as the text Postgres sends (psql prints that text). */
export class SqlSession {
  private db: Promise<{ db: PGlite; parsers: Record<number, (text: string) => string> }> | undefined;
  private readonly pageSql: string;
  constructor(pageSql: string) {
    this.pageSql = pageSql;
  }

  private open() {
    return (this.db ??= (async () => {
      const cluster = new Blob([readFileSync(await emptyClusterFile())]);
      const db = await PGlite.create({ loadDataDir: cluster, extensions: await extensionsFor(this.pageSql) });
      const types = await db.query<{ oid: number }>('SELECT oid::int AS oid FROM pg_type');
      const parsers = Object.fromEntries(types.rows.map(({ oid }) => [oid, (text: string) => text]));
      return { db, parsers };
    })());
  }

  async run(sql: string): Promise<string[]> {
    const { db, parsers } = await this.open();
    const results: Results<unknown[]>[] = [];
    for (const statement of sqlStatements(sql))
      results.push(...((await db.exec(statement, { parsers, rowMode: 'array' })) as Results<unknown[]>[]));
    return sqlRenderings(results);
  }

  async close() {
    if (this.db) await (await this.db).db.close();
  }
}
