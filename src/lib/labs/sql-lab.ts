/**
 * Runs an SQL lab on PostgreSQL (PGlite in the page's worker, or in Node for the tests): for the seed and then for
 * each hidden variant dataset, a new database with the lab's setup, the learner's statements, then each check.
 * Comparing checks run the reference solution on its own new database with the same data and compare with it, so
 * an author writes the solution, not the expected rows. Every run opens new databases: nothing a learner creates
 * (tables, functions in any schema, roles, settings, catalog changes) can reach the checks of another run.
 */
import { checkIndex } from './sql-index-check.ts';
import { compareResults, type ExecOptions, type Results, type SqlSession, toStatementOutput } from './sql-results.ts';
import { splitStatements } from './sql-statements.ts';
import type { CheckResult, LabRun, RunError, SqlCheck, SqlLabSpec, StatementOutput } from './lab-spec.ts';

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
const query = (db: SqlSession, sql: string) => db.exec(sql, { rowMode: 'array', parsers: TEXT_PARSERS });

/** Puts the session's own state back before the checks run: a learner's SET (enable_seqscan, search_path, ROLE) must not change how they judge. */
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

interface Executed {
  results: Results[];
  /** The last statement that returned rows, a leading EXPLAIN stripped: the query a plan check reads. */
  lastQuery?: string | undefined;
  error?: unknown;
}

/** `EXPLAIN`, `EXPLAIN ANALYZE`, `EXPLAIN (ANALYZE, BUFFERS)` … in front of a query. */
const EXPLAIN_PREFIX =
  /^\s*explain\b(\s*\([^)]*\)|\s+(analyze|analyse|verbose|costs|buffers|settings|wal|timing|summary|memory|serialize)\b)*/i;

/**
 * Runs the statements one by one, as psql sends them, collecting what each printed; an error stops the rest and
 * carries its position in the whole text.
 */
async function execStatements(db: SqlSession, sql: string): Promise<Executed> {
  const done: Executed = { results: [] };
  for (const { text, offset } of splitStatements(sql)) {
    try {
      const results = await query(db, text);
      done.results.push(...results);
      if (results.some((r) => r.fields.length > 0)) done.lastQuery = text.replace(EXPLAIN_PREFIX, '').trim();
    } catch (error) {
      const position = Number((error as { position?: unknown }).position);
      if (Number.isInteger(position) && position > 0) (error as { position: number }).position = position + offset;
      return { ...done, error };
    }
  }
  return done;
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

/** The solution's side of the comparing checks on one dataset: its last rows, and each state query's rows. */
interface Reference {
  result?: Results | undefined;
  states: Map<number, Results>;
}

/** A new database holding the lab's setup and, for a variant, its data. */
async function openDataset(open: OpenDatabase, lab: SqlLabSpec, dataset: number): Promise<OwnDatabase> {
  const db = await open();
  try {
    await db.exec(lab.setup);
    if (dataset > 0) await db.exec(lab.variants[dataset - 1]!.sql);
    return db;
  } catch (error) {
    await db.close();
    const where = dataset > 0 ? `variant "${lab.variants[dataset - 1]!.case}"` : 'setup';
    throw new Error(`the lab's ${where} failed: ${(error as Error).message}`, { cause: error });
  }
}

async function reference(open: OpenDatabase, lab: SqlLabSpec, dataset: number): Promise<Reference> {
  const db = await openDataset(open, lab, dataset);
  try {
    const { results, error } = await execStatements(db, lab.solution);
    if (error) throw new Error(`the lab's solution failed: ${(error as Error).message}`, { cause: error });
    await rollbackOpenTransaction(db);
    await db.exec(RESET_SESSION);
    const states = new Map<number, Results>();
    for (const [i, check] of lab.checks.entries()) {
      if (check.type === 'state') states.set(i, (await query(db, check.sql)).at(-1)!);
    }
    return { result: lastRows(results), states };
  } finally {
    await db.close();
  }
}

/** References computed in this worker, by lab and dataset: they depend only on the lab. */
const references = new Map<string, Promise<Reference>>();
const referenceFor = (open: OpenDatabase, lab: SqlLabSpec, dataset: number) => {
  const key = JSON.stringify([lab.id, lab.setup, lab.solution, lab.checks, lab.variants, dataset]);
  let ref = references.get(key);
  if (!ref) {
    ref = reference(open, lab, dataset);
    references.set(key, ref);
    ref.catch(() => references.delete(key));
  }
  return ref;
};

/** How a check is judged on one dataset; `hidden` data is never shown in a message. */
interface Judging {
  ref: Reference;
  learnerRows: Results | undefined;
  lastQuery: string | undefined;
  hidden: boolean;
}

async function runCheck(db: SqlSession, check: SqlCheck, index: number, judging: Judging): Promise<CheckResult> {
  const fail = (message: string): CheckResult => ({ name: check.name, passed: false, message });
  const pass: CheckResult = { name: check.name, passed: true };
  const { ref, hidden } = judging;
  switch (check.type) {
    case 'result': {
      if (!ref.result) return fail('The reference solution returns no rows; this lab is broken. Please report it.');
      if (!judging.learnerRows)
        return fail('Your statements return no rows to compare: end with the query the task asks for.');
      const problem = compareResults(judging.learnerRows, ref.result, check.ordered, { hideRows: hidden });
      return problem ? fail(check.hint ? `${problem} ${check.hint}` : problem) : pass;
    }
    case 'state': {
      const mine = await query(db, check.sql).then(
        (r) => r.at(-1)!,
        (error: Error) => error,
      );
      if (mine instanceof Error) return fail(`${check.message} (Checking it failed: ${mine.message}.)`);
      return compareResults(mine, ref.states.get(index)!, true) ? fail(check.message) : pass;
    }
    case 'assert': {
      const rows = await query(db, check.sql).then(
        (r) => r.at(-1)?.rows ?? [],
        () => [],
      );
      return (rows[0] as unknown[] | undefined)?.[0] === true ? pass : fail(check.message);
    }
    case 'plan': {
      const sql = check.sql ?? judging.lastQuery;
      if (sql === undefined)
        return fail(`${check.message} (This check reads the plan of your query: end your SQL with it.)`);
      const plan = await query(db, `EXPLAIN ${sql}`).then(
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
    case 'index': {
      const problem = await checkIndex(db, check);
      return problem === null ? pass : fail(problem);
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

/** One dataset's run: what the learner's statements printed, and each check. */
interface DatasetRun {
  checks: CheckResult[];
  statements: StatementOutput[];
  error?: RunError;
  openTransaction: boolean;
}

/** Told as a dataset is set up (the time limit pauses) and as the learner's statements start on it. */
export interface RunPhases {
  onSetup?: (() => void) | undefined;
  onStart?: (() => void) | undefined;
}

async function runDataset(
  open: OpenDatabase,
  lab: SqlLabSpec,
  dataset: number,
  learnerSql: string,
  { onSetup, onStart }: RunPhases,
): Promise<DatasetRun> {
  onSetup?.();
  const ref = await referenceFor(open, lab, dataset);
  const db = await openDataset(open, lab, dataset);
  try {
    onStart?.();
    const { results, lastQuery, error } = await execStatements(db, learnerSql);
    const statements = results.map(toStatementOutput);
    if (error) {
      const checks = lab.checks.map((check) => ({
        name: check.name,
        passed: false,
        message: 'Not checked: your SQL stopped with an error.',
      }));
      return { checks, statements, error: toRunError(error, learnerSql), openTransaction: false };
    }
    const openTransaction = await rollbackOpenTransaction(db);
    // Temporary tables and functions live in the learner's session only; a graded table must not be shadowed by one.
    await db.exec('DISCARD TEMP');
    await db.exec(RESET_SESSION);
    const judging: Judging = { ref, learnerRows: lastRows(results), lastQuery, hidden: dataset > 0 };
    const checks: CheckResult[] = [];
    for (const [i, check] of lab.checks.entries()) checks.push(await runCheck(db, check, i, judging));
    return { checks, statements, openTransaction };
  } finally {
    await db.close();
  }
}

const ROLLED_BACK_NOTE =
  'Your transaction was still open at the end, so it was rolled back, as Postgres does when a session ends without COMMIT.';

/**
 * Runs the learner's SQL on the seed and, once it passes there, on each hidden variant, and reports the first
 * dataset that fails. Never throws for the learner's mistakes. `phases.onStart` is called as the learner's
 * statements start on each dataset, `onSetup` as a dataset is set up: the page's time limit counts the learner's
 * statements and checks on each dataset, not the new database or the reference solution.
 */
export async function runSqlLab(
  open: OpenDatabase,
  lab: SqlLabSpec,
  learnerSql: string,
  phases: RunPhases = {},
): Promise<LabRun> {
  const seed = await runDataset(open, lab, 0, learnerSql, phases);
  const run: LabRun = { passed: false, checks: seed.checks, statements: seed.statements };
  if (seed.openTransaction) run.notes = [ROLLED_BACK_NOTE];
  if (seed.error) return { ...run, error: seed.error };
  if (!seed.checks.every((c) => c.passed)) return run;
  for (let dataset = 1; dataset <= lab.variants.length; dataset++) {
    const variant = await runDataset(open, lab, dataset, learnerSql, phases);
    const with_ = `With ${lab.variants[dataset - 1]!.case}`;
    if (variant.error) {
      // The position and the message stay; the detail may quote the hidden rows.
      const { detail: _detail, ...error } = variant.error;
      return {
        ...run,
        checks: variant.checks.map((c) => ({
          ...c,
          message: `${with_}, your SQL stopped with an error, so this was not checked.`,
        })),
        error: { ...error, message: `${with_}, your SQL failed: ${error.message}` },
      };
    }
    if (!variant.checks.every((c) => c.passed)) {
      const checks = variant.checks.map((c) => (c.passed ? c : { ...c, message: `${with_}: ${c.message}` }));
      return { ...run, checks };
    }
  }
  return { ...run, passed: lab.checks.length > 0 };
}
