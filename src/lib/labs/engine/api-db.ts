/**
 * `env.db` inside the engine: `query(sql, params)` hands the statement to the host (`__atlasApiHost.query`, which
 * runs it on PGlite and settles the promise it returns), and `transaction(fn)` wraps a function in BEGIN and COMMIT.
 * Values cross as JSON strings only: dates as `{ "$date": iso }`; a failing statement rejects with a DatabaseError
 * that carries Postgres's fields.
 */

/** The host's side of a statement: resolves with the result as JSON, rejects with the error as JSON. */
export type HostQuery = (sql: string, params: string) => Promise<string>;

const RealDate = Date;
const { parse, stringify } = JSON;

const revive = (_key: string, value: unknown): unknown =>
  value !== null &&
  typeof value === 'object' &&
  typeof (value as { $date?: unknown }).$date === 'string' &&
  Object.keys(value).length === 1
    ? new RealDate((value as { $date: string }).$date)
    : value;

function encodeParam(value: unknown, i: number): unknown {
  if (value === undefined) return null; // as node-postgres sends it
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new TypeError(`env.db.query: parameter $${i + 1} is a ${typeof value}`);
  }
  if (value instanceof RealDate) return { $date: value.toISOString() };
  return value;
}

const FIELDS = ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema'] as const;

class DatabaseError extends Error {
  severity = 'ERROR';
  constructor(info: Record<string, unknown>) {
    super(String(info.message));
    this.name = 'DatabaseError';
    for (const key of FIELDS) if (info[key] !== undefined) (this as Record<string, unknown>)[key] = info[key];
  }
}

export interface Database {
  query(sql: unknown, params?: unknown): Promise<unknown>;
  transaction<T>(fn: (db: Database) => Promise<T>): Promise<T>;
}

export function database(hostQuery: HostQuery): Database {
  const db: Database = Object.freeze({
    query(sql: unknown, params: unknown = []) {
      if (typeof sql !== 'string') {
        return Promise.reject(new TypeError('env.db.query: the first argument is the SQL, as a string'));
      }
      if (!Array.isArray(params)) {
        return Promise.reject(new TypeError('env.db.query: parameters are an array, e.g. env.db.query(sql, [id])'));
      }
      let encoded: string;
      try {
        encoded = stringify(params.map(encodeParam));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new TypeError(String(error)));
      }
      return hostQuery(sql, encoded).then(
        (json) => parse(json, revive) as unknown,
        (json: unknown) => {
          throw new DatabaseError(parse(String(json)) as Record<string, unknown>);
        },
      );
    },
    async transaction<T>(fn: (db: Database) => Promise<T>): Promise<T> {
      if (typeof fn !== 'function') {
        throw new TypeError('env.db.transaction takes a function: env.db.transaction(async (db) => { … })');
      }
      await db.query('BEGIN');
      let result: T;
      try {
        result = await fn(db);
      } catch (error) {
        await db.query('ROLLBACK').catch(() => {});
        throw error;
      }
      await db.query('COMMIT');
      return result;
    },
  });
  return db;
}
