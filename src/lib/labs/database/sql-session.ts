/**
 * The Postgres session an SQL lab runs on (sql-lab.ts, sql-checks.ts): what the runner needs of PGlite, how it reads
 * rows, and how it puts a session back between the learner's statements and the checks.
 */
import type { Executor } from './empty-database.ts';
import type { Results } from './sql-results.ts';

/** Options of PGlite's `exec` the runner uses: array rows, and parsers for the types it reads as text. */
interface ExecOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, (value: string) => unknown>;
}

/** What the runner needs of a Postgres session: PGlite's `exec`. */
export interface SqlSession {
  exec(sql: string, options?: ExecOptions): Promise<Results[]>;
}

/** A database of its own: opened empty for one dataset of one run, closed after it. */
export interface OwnDatabase extends SqlSession {
  close(): Promise<void>;
}

/** Opens a new, empty database (PGlite from a snapshot taken before any lab ran). */
export type OpenDatabase = () => Promise<OwnDatabase>;

const identity = (value: string) => value;
/**
 * Dates and times stay as Postgres prints them (session TimeZone UTC): parsed into JavaScript dates, a `timestamp`
 * would be read in the browser's time zone, and a learner east or west of UTC would see other values.
 */
const TEXT_PARSERS: ExecOptions['parsers'] = Object.fromEntries(
  // date, time, timestamp, timestamptz, timetz, interval, and their arrays
  [1082, 1083, 1114, 1184, 1266, 1186, 1182, 1183, 1115, 1185, 1270, 1187].map((id) => [id, identity]),
);
/** Runs SQL as the runner reads it: rows as arrays, dates and times as text. */
export const query = (db: SqlSession, sql: string) => db.exec(sql, { rowMode: 'array', parsers: TEXT_PARSERS });

/** Puts the session's own state back before the checks run: a learner's SET (enable_seqscan, search_path, ROLE) must not change how they judge. */
export const RESET_SESSION = 'RESET ALL; RESET ROLE; SET SESSION AUTHORIZATION DEFAULT';

/**
 * Whether a transaction is open, and ends it: a session that ends without COMMIT loses its work, and so does this.
 * The SQL runner and the API labs (a handler that returned with a transaction open) both use it.
 */
export async function rollbackOpenTransaction(db: Executor): Promise<boolean> {
  try {
    await db.exec('SAVEPOINT atlas_probe');
  } catch (error) {
    // 25P01: no transaction block; anything else (25P02, a failed transaction) still needs the rollback.
    if ((error as { code?: string }).code === '25P01') return false;
  }
  await db.exec('ROLLBACK');
  return true;
}

/** A statement in a transaction that is always rolled back: did it fail, and how? */
export async function tryRolledBack(
  db: SqlSession,
  sql: string,
): Promise<{ error?: { code?: string; message: string } }> {
  await db.exec('BEGIN');
  try {
    await db.exec(sql);
    return {};
  } catch (error) {
    return { error: error as { code?: string; message: string } };
  } finally {
    await db.exec('ROLLBACK');
  }
}
