/**
 * Emptying a Postgres database after a lab run, and telling whether it is then as new. Loading PGlite from its
 * snapshot takes about a third of a second; emptying a database takes milliseconds, so the SQL runner's databases and
 * the API lab's grading database are emptied and used again (pglite-databases.ts, api-test.ts).
 *
 * Emptying undoes what lab runs make: the session's state (settings, temporary objects, prepared statements, an open
 * transaction) and every schema and role, with all they hold; `public` is made again as `initdb` makes it. The
 * fingerprint says whether anything else is left: how many rows each system catalog holds, how many of those were
 * written since the snapshot (a function replaced in pg_catalog, a role altered, a setting stored for the database),
 * and every server setting. A database whose fingerprint differs from the snapshot's is closed, not used again.
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
 * The query that reads a database's fingerprint, written for the catalogs this Postgres has. Rows written by
 * transactions after this call count apart, so call it before the snapshot's own emptying: the `public` that
 * emptying makes is then counted as written later in the snapshot too, as it is after every emptying.
 */
export async function fingerprintQuery(db: Queryable): Promise<string> {
  const catalogs = await db.query<{ name: string }>(
    "SELECT relname AS name FROM pg_class WHERE relnamespace = 'pg_catalog'::regnamespace AND relkind = 'r' ORDER BY 1",
  );
  const [now] = (await db.query<{ xid: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xid')).rows;
  const since = Number(now?.xid);
  if (!Number.isInteger(since)) throw new Error('Postgres did not report its transaction id');
  const counts = catalogs.rows.map(({ name }) => {
    // A temporary schema appears with the first temporary table and stays: DISCARD ALL empties it.
    const where = name === 'pg_namespace' ? " WHERE nspname !~ '^pg_(toast_)?temp_'" : '';
    const later = `${where ? `${where} AND` : ' WHERE'} xmin::text::bigint >= ${since}`;
    return `(SELECT count(*) FROM pg_catalog.${name}${where}) || '/' || (SELECT count(*) FROM pg_catalog.${name}${later})`;
  });
  const settings = "(SELECT string_agg(name || '=' || setting, ';' ORDER BY name) FROM pg_settings)";
  return `SELECT md5(concat_ws(',', ${[...counts, settings].join(', ')})) AS fingerprint`;
}

/** The database's fingerprint, read with the query `fingerprintQuery` wrote. */
export async function fingerprint(db: Queryable, query: string): Promise<string> {
  const [row] = (await db.query<{ fingerprint: string }>(query)).rows;
  return row?.fingerprint ?? '';
}
