/**
 * The checks of an SQL lab (sql-lab.ts runs them on each dataset after the learner's statements): the last rows or a
 * table's state compared with the reference solution's, an assertion, the plan of the learner's query, an index in
 * the catalog, or a statement the schema must reject or accept. A hidden dataset's rows are never quoted.
 */
import type { CheckResult } from '../shared/lab-spec.ts';
import type { SqlCheck } from './sql-spec.ts';
import { checkIndex } from './sql-index-check.ts';
import { compareResults, type ProbeRows } from './sql-compare.ts';
import type { Results } from '../database/sql-results.ts';
import { query, type SqlSession, tryRolledBack } from '../database/sql-session.ts';
import { fill } from '../../../core/format/fill.ts';
import type { SqlRunWords } from './sql-words.ts';

/** The solution's side of the comparing checks on one dataset: its last rows, each state query's rows, each probe's rows. */
export interface Reference {
  result?: Results | undefined;
  states: Map<number, Results>;
  /** By check: the kinds of rows its probes found on this dataset. */
  probes: Map<number, ProbeRows[]>;
}

/** How a check is judged on one dataset; `hidden` data is never shown in a message. */
export interface Judging {
  ref: Reference;
  learnerRows: Results | undefined;
  lastQuery: string | undefined;
  hidden: boolean;
  words: SqlRunWords;
}

/** Judges one check on the learner's database; `index` is its place in the lab's checks. */
export async function runCheck(db: SqlSession, check: SqlCheck, index: number, judging: Judging): Promise<CheckResult> {
  const fail = (message: string): CheckResult => ({ name: check.name, passed: false, message });
  const pass: CheckResult = { name: check.name, passed: true };
  const { ref, hidden, words } = judging;
  switch (check.type) {
    case 'result': {
      if (!ref.result) return fail(words.noReference);
      if (!judging.learnerRows) return fail(words.noRows);
      const probes = ref.probes.get(index) ?? [];
      const problem = compareResults(judging.learnerRows, ref.result, check.ordered, {
        hideRows: hidden,
        probes,
        words,
      });
      return problem ? fail(check.rule ? `${problem} ${check.rule}` : problem) : pass;
    }
    case 'state': {
      const mine = await query(db, check.sql).then(
        (r) => r.at(-1)!,
        (error: Error) => error,
      );
      if (mine instanceof Error)
        return fail(fill(words.checkingFailed, { message: check.message, error: mine.message }));
      return compareResults(mine, ref.states.get(index)!, true) ? fail(check.message) : pass;
    }
    case 'assert': {
      const rows = await query(db, check.sql).then(
        (r) => r.at(-1)?.rows ?? [],
        () => [],
      );
      return (rows[0] as unknown[] | undefined)?.[0] === true ? pass : fail(check.message);
    }
    case 'plan':
      return planCheck(db, check, judging.lastQuery, words);
    case 'index': {
      const problem = await checkIndex(db, check, words);
      return problem === null ? pass : fail(problem);
    }
    case 'rejects': {
      const { error } = await tryRolledBack(db, check.sql);
      if (!error) return fail(check.message);
      if (check.sqlstate && error.code !== check.sqlstate)
        return fail(fill(words.failedWith, { message: check.message, error: error.message }));
      return pass;
    }
    case 'accepts': {
      const { error } = await tryRolledBack(db, check.sql);
      return error ? fail(fill(words.postgresSaid, { message: check.message, error: error.message })) : pass;
    }
  }
}

/** The plan of the learner's query (or the check's own) must include one pattern and not the other. */
async function planCheck(
  db: SqlSession,
  check: Extract<SqlCheck, { type: 'plan' }>,
  lastQuery: string | undefined,
  words: SqlRunWords,
) {
  const fail = (message: string): CheckResult => ({ name: check.name, passed: false, message });
  const sql = check.sql ?? lastQuery;
  if (sql === undefined) return fail(fill(words.planNeedsQuery, { message: check.message }));
  const plan = await query(db, `EXPLAIN ${sql}`).then(
    (r) =>
      r
        .at(-1)!
        .rows.map((row) => String((row as unknown[])[0]))
        .join('\n'),
    (error: Error) => error,
  );
  if (plan instanceof Error) return fail(fill(words.planUnreadable, { message: check.message, error: plan.message }));
  const matches = (pattern?: string) => pattern !== undefined && new RegExp(pattern).test(plan);
  const good = (check.includes === undefined || matches(check.includes)) && !matches(check.excludes);
  return good ? { name: check.name, passed: true } : fail(fill(words.planIs, { message: check.message, plan }));
}
