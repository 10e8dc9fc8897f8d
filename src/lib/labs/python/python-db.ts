/**
 * The database side of a Python database lab: what the asyncpg-shaped driver (src/lib/labs/python/asyncpg/) asks
 * of Postgres, answered on PGlite, and the database reset before each test as an API lab's is (api-test.ts
 * `resetDatabase`: emptied, checked by fingerprint, replaced when emptying cannot undo a run). It lives with the
 * database: in the page, in a worker of its own (python-db-port.ts), so a Python engine restarted after a runaway
 * loop finds it still there. Every request and answer is a JSON string: arguments as the driver encodes them
 * (_codecs.py), rows as arrays with their columns' type oids, errors as Postgres's fields.
 */
import { resetDatabase, type TestDatabase, errorFields } from '../api/index.ts';
import type { DriverChannel, DriverMode } from './python-db-session.ts';

/** What the lab needs of a database: PGlite's query and exec, and whether a transaction is open. */
export interface PythonDatabase {
  query(
    sql: string,
    params: unknown[],
    options: { rowMode: 'array'; parsers: Record<number, (text: string) => unknown> },
  ): Promise<{
    rows: unknown[];
    fields: { name: string; dataTypeID: number }[];
    command?: string;
    affectedRows?: number;
  }>;
  exec(sql: string): Promise<{ command?: string; affectedRows?: number; rowCount?: number }[]>;
  inTransaction(): Promise<boolean> | boolean;
}

export type { DriverMode };

/**
 * Types read as Postgres prints them, so the driver reads them exactly (big integers, numeric, dates and times), and
 * json and jsonb, which asyncpg hands over as text.
 */
const text = (value: string) => value;
const PARSERS = Object.fromEntries([20, 1700, 1082, 1083, 1114, 1184, 1186, 114, 3802].map((oid) => [oid, text]));
/** How the driver's statements read rows: arrays, with PARSERS (a database in another worker is told by `rowMode`). */
export const DRIVER_READ = { rowMode: 'array' as const, parsers: PARSERS };

/** An argument as PGlite takes it: tagged bytes unwrapped, lists element by element. */
function toParam(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toParam);
  if (value !== null && typeof value === 'object') {
    const tagged = value as { $bytes?: string };
    if (typeof tagged.$bytes === 'string')
      return Uint8Array.from(tagged.$bytes.match(/../g) ?? [], (byte) => parseInt(byte, 16));
  }
  return value;
}

/** A column value as JSON for the driver: bytes as hex, dates in arrays as ISO text, big integers as text. */
function fromValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map(fromValue);
  return value;
}

/** asyncpg's status string: "INSERT 0 1", "UPDATE 3", "SELECT 2", or the command alone. */
function statusOf(command: string | undefined, count: number): string {
  if (!command) return '';
  if (command === 'INSERT') return `INSERT 0 ${count}`;
  return /^(SELECT|UPDATE|DELETE|MERGE|FETCH|MOVE|COPY)$/.test(command) ? `${command} ${count}` : command;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Runs `work` as one atomic step: inside a savepoint when a transaction is open, else in its own transaction. */
async function atomically<T>(db: PythonDatabase, work: () => Promise<T>): Promise<T> {
  const nested = await db.inTransaction();
  await db.exec(nested ? 'SAVEPOINT atlas_many' : 'BEGIN');
  try {
    const result = await work();
    await db.exec(nested ? 'RELEASE SAVEPOINT atlas_many' : 'COMMIT');
    return result;
  } catch (error) {
    await db.exec(nested ? 'ROLLBACK TO SAVEPOINT atlas_many; RELEASE SAVEPOINT atlas_many' : 'ROLLBACK');
    throw error;
  }
}

/** The INSERT that copy_records_to_table runs for each record. */
async function copyTarget(db: PythonDatabase, json: string) {
  const target = JSON.parse(json) as { table: string; schema: string | null; columns: string[] | null };
  const table = `${target.schema ? `${quote(target.schema)}.` : ''}${quote(target.table)}`;
  const columns =
    target.columns ??
    (
      await db.query(
        'SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum',
        [table],
        DRIVER_READ,
      )
    ).rows.map((row) => String((row as unknown[])[0]));
  const list = columns.map(quote).join(', ');
  const values = columns.map((_, i) => `$${i + 1}`).join(', ');
  return `INSERT INTO ${table} (${list}) VALUES (${values})`;
}

/** Runs one driver request; its reply without the transaction state. */
async function run(db: PythonDatabase, mode: DriverMode, sql: string, payload: string) {
  if (mode === 'script') {
    const results = await db.exec(sql);
    const last = results.at(-1);
    return { status: statusOf(last?.command, last?.rowCount ?? last?.affectedRows ?? 0) };
  }
  if (mode === 'query') {
    const result = await db.query(sql, (JSON.parse(payload) as unknown[]).map(toParam), DRIVER_READ);
    const count = result.command === 'SELECT' ? result.rows.length : (result.affectedRows ?? 0);
    return {
      status: statusOf(result.command, count),
      columns: result.fields.map((f) => [f.name, f.dataTypeID]),
      rows: result.rows.map(fromValue),
    };
  }
  const rows = JSON.parse(payload) as unknown[][];
  const statement = mode === 'copy' ? await copyTarget(db, sql) : sql;
  await atomically(db, async () => {
    for (const args of rows) await db.query(statement, args.map(toParam), DRIVER_READ);
  });
  return { status: mode === 'copy' ? `COPY ${rows.length}` : '' };
}

/**
 * Answers the driver's requests on `db`: each reply a JSON string with the rows and status, or Postgres's error
 * fields, and whether a transaction is open afterwards. Never rejects for a statement's error.
 */
export function answerDriver(db: PythonDatabase) {
  return async (mode: DriverMode, sql: string, payload: string): Promise<string> => {
    let reply: Record<string, unknown>;
    try {
      reply = await run(db, mode, sql, payload);
    } catch (error) {
      const fields = errorFields(error);
      reply = { error: fields.message ? fields : { message: String(error) } };
    }
    return JSON.stringify({ ...reply, inTransaction: await db.inTransaction() });
  };
}

/** A database the lab resets, emptied and replaced as pglite-databases.ts does. */
export type PythonDbDatabase = TestDatabase & PythonDatabase & { close(): Promise<void> };

/** What a run needs of the database's side, wherever it lives. */
export interface PythonDbBackend extends DriverChannel {
  /** The lab's database as new, with the setup run. */
  reset(setup: string): Promise<void>;
  /** The lab's own SQL failed: the next reset starts on a new database. */
  discard(): Promise<void>;
}

/** The backend on a database opened here (Node, and the page's database worker). */
export function localBackend(open: () => Promise<PythonDbDatabase>): PythonDbBackend {
  let current: Promise<PythonDbDatabase> | undefined;
  const db = () => (current ??= open());
  return {
    answer: async (mode, sql, payload) => answerDriver(await db())(mode, sql, payload),
    rollback: async () => {
      await (await db()).exec('ROLLBACK').catch(() => (current = undefined));
    },
    reset: async (setup) => resetDatabase(await db(), setup),
    discard: async () => {
      const spoiled = current;
      current = undefined;
      await (await spoiled)?.close();
    },
  };
}
