/**
 * Runs an SQL lab on a Postgres session (PGlite in the page's worker, or in Node for the tests): a fresh database
 * from the lab's setup, the learner's statements, then each check. Comparing checks run the reference solution on
 * its own fresh database once and compare with it, so an author writes the solution, not the expected rows.
 */
import { compareResults, type Results, toStatementOutput } from './sql-results.ts';
import { splitStatements } from './sql-statements.ts';
import type { CheckResult, LabRun, RunError, SqlCheck, SqlLabSpec } from './lab-spec.ts';

/** What the runner needs of a Postgres session: PGlite's `exec` with array rows. */
export interface SqlSession {
  exec(sql: string, options?: { rowMode?: 'array' | 'object' }): Promise<Results[]>;
}

/**
 * Drops everything the lab or the learner made, database-wide objects too: event triggers first (one that raises
 * on DDL would stop the rest), then schemas, publications, foreign-data wrappers, large objects and roles, and
 * recreates `public` as Postgres 15+ creates it. DISCARD ALL, which resets settings, runs first on its own (it
 * cannot run in the implicit transaction of a multi-statement query).
 */
const RESET = `DO $atlas$ DECLARE s text; BEGIN
  FOR s IN SELECT evtname FROM pg_event_trigger LOOP EXECUTE format('DROP EVENT TRIGGER %I', s); END LOOP;
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  FOR s IN SELECT pubname FROM pg_publication LOOP EXECUTE format('DROP PUBLICATION %I', s); END LOOP;
  FOR s IN SELECT fdwname FROM pg_foreign_data_wrapper LOOP EXECUTE format('DROP FOREIGN DATA WRAPPER %I CASCADE', s); END LOOP;
  PERFORM lo_unlink(oid) FROM pg_largeobject_metadata;
  FOR s IN SELECT rolname FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' AND rolname <> current_user LOOP
    EXECUTE format('DROP OWNED BY %I CASCADE', s);
    EXECUTE format('DROP ROLE %I', s);
  END LOOP;
  CREATE SCHEMA public AUTHORIZATION pg_database_owner;
  GRANT USAGE ON SCHEMA public TO PUBLIC;
END $atlas$;`;

/** Puts the session's own state back before the checks run: a learner's SET (enable_seqscan, search_path, ROLE) must not change how they judge. Prepared statements stay: a check may EXECUTE one. */
const RESET_SESSION = 'RESET ALL; RESET ROLE; SET SESSION AUTHORIZATION DEFAULT';

/** Whether a transaction is open, and ends it: a session that ends without COMMIT loses its work, and so does this. */
async function rollbackOpenTransaction(db: SqlSession): Promise<boolean> {
  try {
    await db.exec('SAVEPOINT atlas_probe');
  } catch (error) {
    // 25P01: no transaction block; anything else (25P02, a failed transaction) still needs the rollback.
    if ((error as { code?: string }).code === '25P01') return false;
  }
  await db.exec('ROLLBACK');
  return true;
}

export async function freshDatabase(db: SqlSession, setup: string): Promise<void> {
  await rollbackOpenTransaction(db);
  await db.exec('DISCARD ALL');
  await db.exec(RESET);
  await db.exec(setup);
}

/** A Postgres error as the learner should read it, with the line and column of `position` in their code. */
export function toRunError(error: unknown, code?: string): RunError {
  const e = error as { message?: string; code?: string; detail?: string; hint?: string; position?: string | number };
  const run: RunError = { message: e.message ?? String(error) };
  if (e.code) run.code = `ERROR ${e.code}`;
  if (e.detail) run.detail = e.detail;
  if (e.hint) run.hint = e.hint;
  const position = Number(e.position);
  if (code !== undefined && Number.isInteger(position) && position > 0) {
    const before = code.slice(0, position - 1).split('\n');
    run.line = before.length;
    run.column = before.at(-1)!.length + 1;
  }
  return run;
}

/**
 * Runs the statements one by one, as psql sends them, collecting what each printed; an error stops the rest and
 * carries its position in the whole text.
 */
async function execStatements(db: SqlSession, sql: string): Promise<{ results: Results[]; error?: unknown }> {
  const results: Results[] = [];
  for (const { text, offset } of splitStatements(sql)) {
    try {
      results.push(...(await db.exec(text, { rowMode: 'array' })));
    } catch (error) {
      const position = Number((error as { position?: unknown }).position);
      if (Number.isInteger(position) && position > 0) (error as { position: number }).position = position + offset;
      return { results, error };
    }
  }
  return { results };
}

/** The last result that has columns: the rows a `result` check compares. */
const lastRows = (results: readonly Results[]) => results.findLast((r) => r.fields.length > 0);

/** A statement in a transaction that is always rolled back: did it fail, and how? */
async function tryRolledBack(db: SqlSession, sql: string): Promise<{ error?: { code?: string; message: string } }> {
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

/** The solution's side of the comparing checks, keyed by check index: its last rows, and each state query's rows. */
interface Reference {
  result?: Results | undefined;
  states: Map<number, Results>;
}

async function reference(db: SqlSession, lab: SqlLabSpec): Promise<Reference> {
  await freshDatabase(db, lab.setup);
  const { results, error } = await execStatements(db, lab.solution);
  if (error) throw error;
  await rollbackOpenTransaction(db);
  await db.exec(RESET_SESSION);
  const states = new Map<number, Results>();
  for (const [i, check] of lab.checks.entries()) {
    if (check.type === 'state') states.set(i, (await db.exec(check.sql, { rowMode: 'array' })).at(-1)!);
  }
  return { result: lastRows(results), states };
}

/** References computed in this session, by lab id: they depend only on the lab. */
const references = new Map<string, Reference>();

async function runCheck(
  db: SqlSession,
  check: SqlCheck,
  index: number,
  ref: Reference,
  learnerRows: Results | undefined,
): Promise<CheckResult> {
  const fail = (message: string): CheckResult => ({ name: check.name, passed: false, message });
  const pass: CheckResult = { name: check.name, passed: true };
  switch (check.type) {
    case 'result': {
      if (!ref.result) return fail('The reference solution returns no rows; this lab is broken. Please report it.');
      if (!learnerRows) return fail('Your statements return no rows to compare: end with the query the task asks for.');
      const problem = compareResults(learnerRows, ref.result, check.ordered);
      return problem ? fail(check.hint ? `${problem} ${check.hint}` : problem) : pass;
    }
    case 'state': {
      const mine = await db.exec(check.sql, { rowMode: 'array' }).then(
        (r) => r.at(-1)!,
        (error: Error) => error,
      );
      if (mine instanceof Error) return fail(`${check.message} (Checking it failed: ${mine.message}.)`);
      return compareResults(mine, ref.states.get(index)!, true) ? fail(check.message) : pass;
    }
    case 'assert': {
      const rows = await db.exec(check.sql, { rowMode: 'array' }).then(
        (r) => r.at(-1)?.rows ?? [],
        () => [],
      );
      return (rows[0] as unknown[] | undefined)?.[0] === true ? pass : fail(check.message);
    }
    case 'plan': {
      const plan = await db.exec(`EXPLAIN ${check.sql}`, { rowMode: 'array' }).then(
        (r) =>
          r
            .at(-1)!
            .rows.map((row) => String((row as unknown[])[0]))
            .join('\n'),
        (error: Error) => error,
      );
      if (plan instanceof Error) return fail(`${check.message} (The plan could not be read: ${plan.message}.)`);
      const matches = (pattern?: string) => pattern !== undefined && new RegExp(pattern).test(plan);
      const good = (check.includes === undefined || matches(check.includes)) && !matches(check.excludes);
      return good ? pass : fail(`${check.message} The plan is:\n${plan}`);
    }
    case 'rejects': {
      const { error } = await tryRolledBack(db, check.sql);
      if (!error) return fail(check.message);
      if (check.sqlstate && error.code !== check.sqlstate)
        return fail(`${check.message} (It failed, but with "${error.message}".)`);
      return pass;
    }
    case 'accepts': {
      const { error } = await tryRolledBack(db, check.sql);
      return error ? fail(`${check.message} (Postgres said: "${error.message}".)`) : pass;
    }
  }
}

/** Runs the learner's SQL on a fresh database and every check of the lab. Never throws for the learner's mistakes. */
export async function runSqlLab(
  db: SqlSession,
  lab: SqlLabSpec,
  learnerSql: string,
  onStart?: () => void,
): Promise<LabRun> {
  let ref = references.get(lab.id);
  if (!ref) {
    ref = await reference(db, lab);
    references.set(lab.id, ref);
  }
  await freshDatabase(db, lab.setup);
  onStart?.();
  const { results, error } = await execStatements(db, learnerSql);
  if (error) {
    const notRun = lab.checks.map((check) => ({
      name: check.name,
      passed: false,
      message: 'Not checked: your SQL stopped with an error.',
    }));
    await rollbackOpenTransaction(db);
    return {
      passed: false,
      checks: notRun,
      error: toRunError(error, learnerSql),
      statements: results.map(toStatementOutput),
    };
  }
  const open = await rollbackOpenTransaction(db);
  await db.exec(RESET_SESSION);
  const notes = open
    ? [
        'Your transaction was still open at the end, so it was rolled back, as Postgres does when a session ends without COMMIT.',
      ]
    : [];
  const learnerRows = lastRows(results);
  const checks: CheckResult[] = [];
  for (const [i, check] of lab.checks.entries()) checks.push(await runCheck(db, check, i, ref, learnerRows));
  const run: LabRun = { passed: checks.every((c) => c.passed), checks, statements: results.map(toStatementOutput) };
  if (notes.length > 0) run.notes = notes;
  return run;
}
