/**
 * The statements an API lab's handler runs (`env.db.query(sql, params)`, api-request.ts): each recorded as the
 * learner reads it afterwards (the SQL, its parameters, the rows or the error) and run on the lab's Postgres; the
 * answer goes back to the engine as JSON. A request that runs too many is refused the rest.
 */
import { fill } from '../../../core/format/fill.ts';
import { API_RUN_WORDS } from './api-words.ts';
import { errorFields, fromJson, toJson } from './api-values.ts';
import { clip, type QueryRecord } from '../shared/lab-spec.ts';
import { toTable } from '../database/sql-results.ts';

/** Statements one request may run before the host refuses more (a loop of queries). */
const MAX_QUERIES = 200;

/** What the runner needs of a Postgres session: PGlite's `query` with parameters. */
export interface ApiDatabase {
  query(
    sql: string,
    params: unknown[],
  ): Promise<{
    rows: Record<string, unknown>[];
    fields: { name: string; dataTypeID: number }[];
    affectedRows?: number;
  }>;
  exec(sql: string): Promise<unknown>;
}

/**
 * Records the statement in `queries` and runs it on `db`; `settle` answers the engine (ok, JSON). Returns the
 * statement's run, or undefined when it was refused at once.
 */
export function runQuery(
  db: ApiDatabase,
  sql: string,
  paramsJson: string,
  queries: QueryRecord[],
  settle: (ok: boolean, json: string) => void,
  refused = API_RUN_WORDS.refused,
): Promise<void> | undefined {
  let params: unknown[];
  try {
    params = fromJson(paramsJson);
  } catch {
    params = [];
  }
  const record: QueryRecord = { sql: clip(sql.trim()), params: params.map((p) => clip(toJson(p) ?? 'null')) };
  queries.push(record);
  if (queries.length > MAX_QUERIES) {
    record.error = fill(refused, { n: MAX_QUERIES });
    settle(false, JSON.stringify({ message: record.error }));
    return undefined;
  }
  return db.query(sql, params).then(
    (result) => {
      record.rowCount = result.affectedRows || result.rows.length;
      if (result.fields.length)
        record.rows = toTable({
          rows: result.rows.map((row) => result.fields.map((f) => row[f.name])),
          fields: result.fields,
        });
      settle(true, toJson({ rows: result.rows, rowCount: record.rowCount, fields: result.fields }));
    },
    (error: unknown) => {
      const fields = errorFields(error);
      record.error = `${fields.code ? `${String(fields.code)}: ` : ''}${String(fields.message ?? error)}`;
      settle(false, JSON.stringify(fields.message ? fields : { message: String(error) }));
    },
  );
}
