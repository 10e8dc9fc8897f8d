/**
 * The database side of a Python database lab: what the asyncpg-shaped driver (src/lib/labs/python/asyncpg/) asks
 * of Postgres, answered on PGlite. It lives with the database (in the page, in the database's own worker, so a
 * Python engine restarted after a runaway loop finds it still there) and keeps what the learner's connection ran,
 * where the learner's code cannot reach it. Every request and answer is a JSON string: arguments as the driver
 * encodes them (_codecs.py), rows as arrays with their columns' type oids, errors as Postgres's fields.
 */
import { errorFields } from './api-values.ts';
import { clip } from './lab-spec.ts';

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

/** Whose connection sends a statement: the learner's (recorded, for `statements()`) or the tests' own. */
export type Caller = 'learner' | 'test';
/** query: one statement with arguments; script: SQL without arguments, several statements allowed; many:
 * executemany; copy: copy_records_to_table (the SQL is the target as JSON). */
export type DriverMode = 'query' | 'script' | 'many' | 'copy';

/** Statements one run's learner connection may send before the rest are refused (a loop of queries gone wrong). */
const MAX_STATEMENTS = 2000;

/** Types read as Postgres prints them, so the driver reads them exactly (big integers, numeric, dates and times). */
const text = (value: string) => value;
const PARSERS = Object.fromEntries([20, 1700, 1082, 1083, 1114, 1184, 1186].map((oid) => [oid, text]));

/** An argument as PGlite takes it: tagged bytes and json values unwrapped, lists element by element. */
function toParam(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toParam);
  if (value !== null && typeof value === 'object') {
    const tagged = value as { $bytes?: string; $json?: unknown };
    if (typeof tagged.$bytes === 'string')
      return Uint8Array.from(tagged.$bytes.match(/../g) ?? [], (byte) => parseInt(byte, 16));
    if ('$json' in tagged) return tagged.$json;
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
export function statusOf(command: string | undefined, count: number): string {
  if (!command) return '';
  if (command === 'INSERT') return `INSERT 0 ${count}`;
  return /^(SELECT|UPDATE|DELETE|MERGE|FETCH|MOVE|COPY)$/.test(command) ? `${command} ${count}` : command;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** One statement run on the database; recorded when it is the learner's. */
export interface Recorded {
  sql: string;
  params: string[];
  error?: string;
}

export interface PythonDbSession {
  /** Answers one request of the driver (a JSON string, never a rejection). */
  query(caller: Caller, mode: DriverMode, sql: string, payload: string): Promise<string>;
  /** What the learner's connection ran since the last `forget()`. */
  statements(): Recorded[];
  /** Starts a new test: the record is emptied. */
  forget(): void;
}

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

/** The INSERT that copy_records_to_table runs for each record, and the COPY a learner reads in the record. */
async function copyTarget(db: PythonDatabase, json: string) {
  const target = JSON.parse(json) as { table: string; schema: string | null; columns: string[] | null };
  const table = `${target.schema ? `${quote(target.schema)}.` : ''}${quote(target.table)}`;
  const columns =
    target.columns ??
    (
      await db.query(
        'SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum',
        [table],
        { rowMode: 'array', parsers: PARSERS },
      )
    ).rows.map((row) => String((row as unknown[])[0]));
  const list = columns.map(quote).join(', ');
  const values = columns.map((_, i) => `$${i + 1}`).join(', ');
  return { insert: `INSERT INTO ${table} (${list}) VALUES (${values})`, shown: `COPY ${table} (${list}) FROM STDIN` };
}

/** Runs one driver request; its reply without the transaction state. */
async function run(db: PythonDatabase, mode: DriverMode, sql: string, payload: string) {
  if (mode === 'script') {
    const results = await db.exec(sql);
    const last = results.at(-1);
    return { status: statusOf(last?.command, last?.rowCount ?? last?.affectedRows ?? 0) };
  }
  if (mode === 'query') {
    const result = await db.query(sql, (JSON.parse(payload) as unknown[]).map(toParam), {
      rowMode: 'array',
      parsers: PARSERS,
    });
    const count = result.command === 'SELECT' ? result.rows.length : (result.affectedRows ?? 0);
    return {
      status: statusOf(result.command, count),
      columns: result.fields.map((f) => [f.name, f.dataTypeID]),
      rows: result.rows.map(fromValue),
    };
  }
  const rows = JSON.parse(payload) as unknown[][];
  const statement = mode === 'copy' ? (await copyTarget(db, sql)).insert : sql;
  await atomically(db, async () => {
    for (const args of rows) await db.query(statement, args.map(toParam), { rowMode: 'array', parsers: PARSERS });
  });
  return { status: mode === 'copy' ? `COPY ${rows.length}` : '' };
}

/**
 * A session on `db` for one run: the learner's connection and the tests' own. A test's statement finding a
 * transaction the learner's code left open rolls it back and fails the test, as a connection closed by then
 * would have lost that work.
 */
export function pythonDbSession(db: PythonDatabase): PythonDbSession {
  let recorded: Recorded[] = [];
  let testsTransaction = false;
  const query = async (caller: Caller, mode: DriverMode, sql: string, payload: string) => {
    let record: Recorded | undefined;
    if (caller === 'learner') {
      const shown = mode === 'copy' ? (await copyTarget(db, sql).catch(() => undefined))?.shown : undefined;
      record = { sql: clip((shown ?? sql).trim()), params: mode === 'query' ? [clip(payload)] : [] };
      recorded.push(record);
      if (recorded.length > MAX_STATEMENTS) {
        record.error = `refused: more than ${MAX_STATEMENTS} statements in one test`;
        return JSON.stringify({ error: { message: record.error }, inTransaction: await db.inTransaction() });
      }
    } else if (!testsTransaction && (await db.inTransaction())) {
      await db.exec('ROLLBACK');
      const message =
        'Your code returned with a transaction still open, so its work was rolled back: commit it (async with conn.transaction(): …) or roll it back before you return.';
      return JSON.stringify({ error: { code: 'open-transaction', message }, inTransaction: false });
    }
    let reply: Record<string, unknown>;
    try {
      reply = await run(db, mode, sql, payload);
    } catch (error) {
      const fields = errorFields(error);
      if (record) record.error = `${fields.code ? `${fields.code}: ` : ''}${fields.message ?? String(error)}`;
      reply = { error: fields.message ? fields : { message: String(error) } };
    }
    const inTransaction = await db.inTransaction();
    if (caller === 'test') testsTransaction = inTransaction;
    return JSON.stringify({ ...reply, inTransaction });
  };
  return {
    query,
    statements: () => recorded,
    forget: () => {
      recorded = [];
      testsTransaction = false;
    },
  };
}
