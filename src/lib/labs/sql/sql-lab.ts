/**
 * Runs an SQL lab on PostgreSQL (PGlite in the page's worker, or in Node for the tests): for the seed and then for
 * each hidden variant dataset, a new database with the lab's setup, the learner's statements, then each check.
 * Comparing checks run the reference solution on its own new database with the same data and compare with it, so
 * an author writes the solution, not the expected rows. Every run opens new databases: nothing a learner creates
 * (tables, functions in any schema, roles, settings, catalog changes) can reach the checks of another run.
 */
import type { CheckResult, LabRun, RunError, StatementOutput } from '../shared/lab-spec.ts';
import type { SqlLabSpec } from './sql-spec.ts';
import { type Judging, type Reference, runCheck } from './sql-checks.ts';
import type { ProbeRows } from './sql-compare.ts';
import { type Results, rowKey, toStatementOutput } from '../database/sql-results.ts';
import {
  type OpenDatabase,
  type OwnDatabase,
  query,
  RESET_SESSION,
  rollbackOpenTransaction,
  type SqlSession,
} from '../database/sql-session.ts';
import { splitStatements } from '../../../core/sql-statements.ts';
import { fill } from '../../../core/format/fill.ts';
import { SQL_RUN_WORDS } from './sql-words.ts';

/** A Postgres error as the learner should read it, with the line and column of `position` in their code. */
function toRunError(error: unknown, code?: string): RunError {
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
    const probes = new Map<number, ProbeRows[]>();
    for (const [i, check] of lab.checks.entries()) {
      if (check.type === 'state') states.set(i, (await query(db, check.sql)).at(-1)!);
      if (check.type === 'result' && check.probes) probes.set(i, await probeRows(db, check.probes));
    }
    return { result: lastRows(results), states, probes };
  } finally {
    await db.close();
  }
}

/** The rows each probe finds on the solution's data, as keys of their leading columns. */
async function probeRows(db: SqlSession, probes: { label: string; sql: string }[]): Promise<ProbeRows[]> {
  const found: ProbeRows[] = [];
  for (const { label, sql } of probes) {
    const rows = await query(db, sql).then(
      (r) => r.at(-1)!,
      (error: Error) => {
        throw new Error(`the lab's probe "${label}" failed: ${error.message}`, { cause: error });
      },
    );
    const keys = new Set((rows.rows as unknown[][]).map((row) => rowKey(row, rows.fields)));
    found.push({ label, width: rows.fields.length, keys });
  }
  return found;
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
        message: words(lab).notChecked,
      }));
      return { checks, statements, error: toRunError(error, learnerSql), openTransaction: false };
    }
    const openTransaction = await rollbackOpenTransaction(db);
    // Temporary tables and functions live in the learner's session only; a graded table must not be shadowed by one.
    await db.exec('DISCARD TEMP');
    await db.exec(RESET_SESSION);
    const judging: Judging = {
      ref,
      learnerRows: lastRows(results),
      lastQuery,
      hidden: dataset > 0,
      words: words(lab),
    };
    const checks: CheckResult[] = [];
    for (const [i, check] of lab.checks.entries()) checks.push(await runCheck(db, check, i, judging));
    return { checks, statements, openTransaction };
  } finally {
    await db.close();
  }
}

/** What the checks say: the page's words where it gave them, else English. */
const words = (lab: SqlLabSpec) => lab.words ?? SQL_RUN_WORDS;

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
  if (seed.openTransaction) run.notes = [words(lab).rolledBack];
  if (seed.error) return { ...run, error: seed.error };
  if (!seed.checks.every((c) => c.passed)) return run;
  for (let dataset = 1; dataset <= lab.variants.length; dataset++) {
    const variant = await runDataset(open, lab, dataset, learnerSql, phases);
    const with_ = fill(words(lab).withCase, { case: lab.variants[dataset - 1]!.case });
    if (variant.error) {
      // The position and the message stay; the detail may quote the hidden rows.
      const { detail: _detail, ...error } = variant.error;
      return {
        ...run,
        checks: variant.checks.map((c) => ({
          ...c,
          message: fill(words(lab).variantError, { with: with_ }),
        })),
        error: { ...error, message: fill(words(lab).variantFailed, { with: with_, message: error.message }) },
      };
    }
    if (!variant.checks.every((c) => c.passed)) {
      const checks = variant.checks.map((c) =>
        c.passed ? c : { ...c, message: fill(words(lab).variantCheck, { with: with_, message: c.message ?? '' }) },
      );
      return { ...run, checks };
    }
  }
  return { ...run, passed: lab.checks.length > 0 };
}
