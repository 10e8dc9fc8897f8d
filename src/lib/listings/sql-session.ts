/**
 * A page's SQL, run as psql would run it for a reader: one PGlite (PostgreSQL 18) database per page, each statement
 * on its own, going on after an error, and each result set (or error) printed in the formats psql has, for the
 * listing check to hold the page to.
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

/** What one statement gave: its result, or the error psql would print in its place. */
type Said = { result: Results<unknown[]> } | { error: string };

/** An error as psql prints it: "ERROR:  …", then its detail and hint. */
function errorText(error: unknown): string {
  const e = error as { message?: string; severity?: string; detail?: string; hint?: string };
  return [
    `${e.severity ?? 'ERROR'}:  ${e.message ?? String(error)}`,
    ...(e.detail ? [`DETAIL:  ${e.detail}`] : []),
    ...(e.hint ? [`HINT:  ${e.hint}`] : []),
  ].join('\n');
}

/**
 * The ways a page may show what a SQL listing's statements gave, in psql's formats: everything, or only the last
 * statement that printed something. Errors read as psql prints them, in their place.
 */
function sqlRenderings(said: readonly Said[]): string[] {
  const shown = said.filter((s) => 'error' in s || s.result.fields.length > 0);
  if (shown.length === 0) return [''];
  const forms = (list: readonly Said[]) =>
    [
      (r: Results<unknown[]>) => aligned(r, true),
      (r: Results<unknown[]>) => aligned(r, false),
      (r: Results<unknown[]>) => aligned(r, false, false),
      unaligned,
    ].map((form) => list.map((s) => ('error' in s ? s.error : form(s.result))).join('\n'));
  return [...forms(shown), ...(shown.length > 1 ? forms(shown.slice(-1)) : [])];
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

  /**
   * Runs a listing's statements one by one, going on after an error as psql does. Returns the ways its output may
   * be shown, and the first error (for a listing the page shows no output of, an error is a broken page).
   */
  async run(sql: string): Promise<{ renderings: string[]; error?: string }> {
    const { db, parsers } = await this.open();
    const said: Said[] = [];
    for (const statement of sqlStatements(sql)) {
      try {
        const results = (await db.exec(statement, { parsers, rowMode: 'array' })) as Results<unknown[]>[];
        said.push(...results.map((result) => ({ result })));
      } catch (error) {
        said.push({ error: errorText(error) });
      }
    }
    const error = said.find((s) => 'error' in s);
    return { renderings: sqlRenderings(said), ...(error ? { error: error.error } : {}) };
  }

  async close() {
    if (this.db) await (await this.db).db.close();
  }
}
