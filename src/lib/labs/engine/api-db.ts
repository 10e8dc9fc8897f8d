/**
 * `env.db` inside the engine: `query(sql, params)` hands the statement to the host (`__atlasApiHost.query`, which
 * runs it on PGlite and settles the promise it returns), and `transaction(fn)` wraps a function in BEGIN and COMMIT,
 * handing it a client of its own: `env.db` used inside the callback is refused, as a real pool's other connection
 * would be outside the transaction.
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

/**
 * Why `env.db.query` is refused while a transaction's callback runs: on a real pool (node-postgres' Pool, a
 * serverless driver) it takes another connection, outside the transaction.
 */
const OUTSIDE_TRANSACTION =
  "env.db.query was called inside env.db.transaction's callback. On a real pool that takes another connection, outside this transaction: its statement does not see the transaction's uncommitted rows, does not roll back with it, and may wait for a lock the transaction holds. Use the client the callback receives: env.db.transaction(async (tx) => { await tx.query(…) }).";

/** `say` writes a line to the request's log, beside the learner's own: a refusal a handler swallows is still seen. */
export function database(hostQuery: HostQuery, say: (line: string) => void = () => {}): Database {
  /** Callbacks of env.db.transaction still running: env.db itself is another connection until they end. */
  let open = 0;
  const run = (sql: unknown, params: unknown = []): Promise<unknown> => {
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
  };
  const refuse = (message: string) => {
    say(`Refused: ${message}`);
    return Promise.reject(new Error(message));
  };
  /** The connection a transaction's callback receives: its statements are the transaction's. */
  const tx: Database = Object.freeze({
    query: run,
    transaction: () =>
      refuse(
        'env.db.transaction was called inside a transaction: one connection holds one transaction at a time. Run the statements on the client you were given, or use SAVEPOINT for a part that may fail on its own.',
      ),
  });
  const db: Database = Object.freeze({
    query: (sql: unknown, params?: unknown) => (open > 0 ? refuse(OUTSIDE_TRANSACTION) : run(sql, params)),
    async transaction<T>(fn: (db: Database) => Promise<T>): Promise<T> {
      if (typeof fn !== 'function') {
        throw new TypeError('env.db.transaction takes a function: env.db.transaction(async (tx) => { … })');
      }
      await run('BEGIN');
      let result: T;
      open += 1;
      try {
        result = await fn(tx);
      } catch (error) {
        open -= 1;
        await run('ROLLBACK').catch(() => {});
        throw error;
      }
      open -= 1;
      await run('COMMIT');
      return result;
    },
  });
  return db;
}
