/**
 * Emptying a Postgres database after a lab run, and telling whether it is then as new. Loading PGlite from its
 * snapshot takes about a third of a second; emptying a database takes milliseconds, so the SQL runner's databases and
 * the API lab's grading database are emptied and used again (pglite-databases.ts, api-test.ts).
 *
 * Emptying undoes what lab runs make: the session's state (settings, temporary objects, prepared statements, an open
 * transaction) and every schema and role, with all they hold; `public` is made again as `initdb` makes it. The
 * fingerprint says whether anything else is left: how many rows each system table holds, how many of those were
 * written since the snapshot (a table or function made in pg_catalog, a large object, a comment, a role altered, a
 * setting stored for the database or a role), and every setting. It is read before every reuse; a database whose
 * fingerprint differs from the snapshot's is closed, and a new one loaded in its place.
 */

/** What emptying needs: PGlite's `exec`. */
export interface Executor {
  exec(sql: string): Promise<unknown>;
}

/** What the fingerprint needs: PGlite's `query`. */
export interface Queryable {
  query<T>(sql: string): Promise<{ rows: T[] }>;
}

const DROP_SCHEMAS_AND_ROLES = `RESET SESSION AUTHORIZATION;
DO $empty$ DECLARE name text; BEGIN
  FOR name IN SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname !~ '^pg_(toast_)?temp_'
  LOOP EXECUTE format('DROP SCHEMA %I CASCADE', name); END LOOP;
  FOR name IN SELECT rolname FROM pg_roles WHERE oid >= 16384 LOOP
    EXECUTE format('DROP OWNED BY %I CASCADE', name); EXECUTE format('DROP ROLE %I', name);
  END LOOP;
END $empty$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';`;

/** Empties the database: ends a transaction, resets the session, drops every schema and role, makes `public` again. */
export async function emptyDatabase(db: Executor): Promise<void> {
  // ROLLBACK outside a transaction only warns; DISCARD ALL cannot run inside one.
  await db.exec('ROLLBACK');
  await db.exec('DISCARD ALL');
  await db.exec(DROP_SCHEMAS_AND_ROLES);
}

/**
 * The query that reads a database's fingerprint, written for the catalogs this Postgres has: for every table of
 * pg_catalog and information_schema, how many rows it holds and how many of those were written since this call;
 * every server setting, what the configuration files set (ALTER SYSTEM), and the system tables' own statistics
 * (VACUUM and ANALYZE change them in place). Rows written after this call count apart, so call it before the
 * snapshot's own emptying: the `public` that emptying makes is then counted as written later in the snapshot too, as
 * it is after every emptying. One scan per table: a fingerprint takes a few milliseconds.
 */
export async function fingerprintQuery(db: Queryable): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `SELECT format('%I.%I', relnamespace::regnamespace, relname) AS name FROM pg_class
      WHERE relnamespace IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace) AND relkind = 'r' ORDER BY 1`,
  );
  const [now] = (await db.query<{ xid: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::xid AS xid')).rows;
  const since = Number(now?.xid);
  if (!Number.isInteger(since)) throw new Error('Postgres did not report its transaction id');
  const counts = tables.rows.map(({ name }) => {
    // A temporary schema appears with the first temporary table and stays: DISCARD ALL empties it.
    const where = name === 'pg_catalog.pg_namespace' ? " WHERE nspname !~ '^pg_(toast_)?temp_'" : '';
    // xid has no order; a row's age is less than or equal to the call's when it was written since.
    return `(SELECT count(*) || '/' || count(*) FILTER (WHERE age(xmin) <= age('${since}'::xid)) FROM ${name}${where})`;
  });
  const settings = "(SELECT string_agg(name || '=' || setting, ';' ORDER BY name) FROM pg_settings)";
  const files = "(SELECT string_agg(name || '=' || setting, ';' ORDER BY seqno) FROM pg_file_settings)";
  const statistics =
    "(SELECT sum(relpages) || '/' || sum(reltuples) || '/' || sum(relallvisible) FROM pg_class WHERE oid < 16384)";
  return `SELECT md5(concat_ws(',', ${[...counts, settings, files, statistics].join(', ')})) AS fingerprint`;
}

/** The database's fingerprint, read with the query `fingerprintQuery` wrote. */
export async function fingerprint(db: Queryable, query: string): Promise<string> {
  const [row] = (await db.query<{ fingerprint: string }>(query)).rows;
  return row?.fingerprint ?? '';
}
