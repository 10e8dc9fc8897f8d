/**
 * The lab runners on their edges, on the real engines: what a learner is told when rows differ, where an error is,
 * what happens to an open transaction, and that learner code can neither replace the tests nor hang the run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import type { SqlCheck } from '../../../src/lib/labs/sql/sql-spec.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';
import { compareResults } from '../../../src/lib/labs/sql/sql-compare.ts';
import type { Results } from '../../../src/lib/labs/database/sql-results.ts';
import { splitStatements } from '../../../src/core/sql-statements.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const int = (name: string) => ({ name, dataTypeID: 23 });
const text = (name: string) => ({ name, dataTypeID: 25 });
const numeric = (name: string) => ({ name, dataTypeID: 1700 });
const rows = (fields: Results['fields'], ...values: unknown[][]): Results => ({ fields, rows: values });

describe('comparing result sets', () => {
  const expected = rows([int('id'), text('name')], [1, 'Ada'], [2, 'Bo'], [3, 'Cy']);

  it('says how many rows came back and which should not be there', () => {
    const actual = rows([int('id'), text('name')], [1, 'Ada'], [2, 'Bo'], [3, 'Cy'], [4, 'Dee']);
    expect(compareResults(actual, expected, false)).toBe(
      "Your query returns 4 rows where 3 are expected: 1 row too many. For example, (4, 'Dee') should not be there.",
    );
  });

  it('names a missing row, and a wrong one when the count is right', () => {
    expect(compareResults(rows(expected.fields, [1, 'Ada'], [2, 'Bo']), expected, false)).toBe(
      "Your query returns 2 rows where 3 are expected: 1 row missing. For example, (3, 'Cy') is missing.",
    );
    expect(compareResults(rows(expected.fields, [1, 'Ada'], [2, 'Bo'], [3, 'Cyd']), expected, false)).toBe(
      "Your query returns the right number of rows, but 1 row differs from what the task asks for. For example, (3, 'Cyd') should not be there; (3, 'Cy') is missing.",
    );
  });

  it('compares columns by count and position, naming both lists', () => {
    expect(compareResults(rows([int('id')], [1], [2], [3]), expected, false)).toBe(
      'Your query returns 1 column (id); the task asks for 2: id, name.',
    );
    expect(
      compareResults(rows([int('customer'), text('who')], [3, 'Cy'], [1, 'Ada'], [2, 'Bo']), expected, false),
    ).toBeNull();
  });

  it('checks order only when the task asks for one', () => {
    const shuffled = rows(expected.fields, [2, 'Bo'], [1, 'Ada'], [3, 'Cy']);
    expect(compareResults(shuffled, expected, false)).toBeNull();
    expect(compareResults(shuffled, expected, true)).toBe(
      "The rows are right but not in the order the task asks for: row 1 is (2, 'Bo'), expected (1, 'Ada').",
    );
  });

  it('treats a date as the timestamp of its midnight, and a timestamp with or without its zone as one instant', () => {
    const date = { name: 'day', dataTypeID: 1082 };
    const timestamp = { name: 'day', dataTypeID: 1114 };
    const timestamptz = { name: 'day', dataTypeID: 1184 };
    expect(compareResults(rows([timestamp], ['2026-11-16 00:00:00']), rows([date], ['2026-11-16']), false)).toBeNull();
    expect(
      compareResults(rows([timestamptz], ['2026-11-16 00:00:00+00']), rows([date], ['2026-11-16']), false),
    ).toBeNull();
    expect(
      compareResults(rows([timestamp], ['2026-11-16 08:00:00']), rows([date], ['2026-11-16']), false),
    ).not.toBeNull();
    expect(
      compareResults(rows(expected.fields.slice(1), ['2026-11-16']), rows([date], ['2026-11-16']), false),
    ).not.toBeNull();
  });

  it('treats numbers as numbers whatever their type (5 = 5.00), and NULL as NULL, not the text "NULL"', () => {
    expect(compareResults(rows([int('n')], [5]), rows([numeric('n')], ['5.00']), false)).toBeNull();
    expect(compareResults(rows([text('t')], ['NULL']), rows([text('t')], [null]), false)).not.toBeNull();
  });
});

describe('splitting SQL into statements as psql does', () => {
  it('splits on semicolons outside quotes, dollar quotes, identifiers and comments, keeping each offset', () => {
    const sql = `SELECT 'a;b', "x;y" FROM t; -- one;two
INSERT INTO t VALUES (E'it\\'s; fine');
DO $fn$ BEGIN RAISE NOTICE 'x;'; END $fn$;
/* a; /* nested; */ b */ SELECT $$;$$
`;
    const parts = splitStatements(sql);
    expect(parts.map((p) => p.text)).toEqual([
      `SELECT 'a;b', "x;y" FROM t;`,
      `-- one;two\nINSERT INTO t VALUES (E'it\\'s; fine');`,
      `DO $fn$ BEGIN RAISE NOTICE 'x;'; END $fn$;`,
      `/* a; /* nested; */ b */ SELECT $$;$$`,
    ]);
    for (const part of parts) expect(sql.slice(part.offset, part.offset + part.text.length)).toBe(part.text);
  });

  it('keeps a BEGIN ATOMIC function body whole, CASE … END inside it too, as psql does', () => {
    const fn = `CREATE FUNCTION reserve(p int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  UPDATE items SET stock = stock - 1 WHERE id = p AND stock > 0;
  SELECT CASE WHEN stock < 0 THEN 0 ELSE stock END FROM items WHERE id = p;
END;`;
    expect(splitStatements(`${fn}\nSELECT reserve(1); BEGIN; SELECT 1; END;`).map((p) => p.text)).toEqual([
      fn,
      'SELECT reserve(1);',
      'BEGIN;',
      'SELECT 1;',
      'END;',
    ]);
  });

  it('drops empty statements and comment-only tails', () => {
    expect(splitStatements(';;  SELECT 1;\n-- the end\n').map((p) => p.text)).toEqual(['SELECT 1;']);
    expect(splitStatements('')).toEqual([]);
  });
});

const sqlLab = (checks: SqlCheck[], solution: string) => ({
  language: 'sql' as const,
  setup:
    'CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL); INSERT INTO accounts VALUES (1, 100), (2, 50);',
  solution,
  checks,
});

describe('SQL labs', () => {
  const lab = sqlLab(
    [
      {
        type: 'state',
        name: 'Balances after the transfer',
        sql: 'SELECT id, balance FROM accounts ORDER BY id',
        message: 'The balances are not what the transfer should leave.',
      },
      {
        type: 'rejects',
        name: 'No negative balance',
        sql: 'UPDATE accounts SET balance = -1 WHERE id = 1',
        sqlstate: '23514',
        message: 'A balance can still go below zero.',
      },
      {
        type: 'accepts',
        name: 'Zero is allowed',
        sql: 'UPDATE accounts SET balance = 0 WHERE id = 1',
        message: 'A balance of exactly zero must be allowed.',
      },
    ],
    'ALTER TABLE accounts ADD CHECK (balance >= 0); BEGIN; UPDATE accounts SET balance = balance - 30 WHERE id = 1; UPDATE accounts SET balance = balance + 30 WHERE id = 2; COMMIT;',
  );

  it('passes the solution and fails a transfer left uncommitted, saying it was rolled back', async () => {
    expect((await engines.run('test-transfer', lab, lab.solution)).passed).toBe(true);
    const open = await engines.run(
      'test-transfer',
      lab,
      'ALTER TABLE accounts ADD CHECK (balance >= 0); BEGIN; UPDATE accounts SET balance = balance - 30 WHERE id = 1; UPDATE accounts SET balance = balance + 30 WHERE id = 2;',
    );
    expect(open.passed).toBe(false);
    expect(open.notes).toEqual([expect.stringMatching(/still open at the end, so it was rolled back/)]);
    expect(open.checks.map((c) => c.passed)).toEqual([false, true, true]);
  });

  it('tells a constraint that is too strict from one that is missing', async () => {
    const tooStrict = await engines.run(
      'test-transfer',
      lab,
      'ALTER TABLE accounts ADD CHECK (balance > 0); UPDATE accounts SET balance = balance - 30 WHERE id = 1; UPDATE accounts SET balance = balance + 30 WHERE id = 2;',
    );
    expect(tooStrict.checks.find((c) => c.name === 'Zero is allowed')).toMatchObject({
      passed: false,
      message: expect.stringMatching(/violates check constraint/),
    });
    const missing = await engines.run(
      'test-transfer',
      lab,
      'UPDATE accounts SET balance = balance - 30 WHERE id = 1; UPDATE accounts SET balance = balance + 30 WHERE id = 2;',
    );
    expect(missing.checks.find((c) => c.name === 'No negative balance')).toMatchObject({
      passed: false,
      message: 'A balance can still go below zero.',
    });
  });

  it('reports an error with its SQLSTATE and the line and column in the learner’s text, and checks nothing', async () => {
    const run = await engines.run('test-transfer', lab, 'SELECT 1;\nSELECT balance FROM acounts;');
    expect(run.error).toMatchObject({
      code: 'ERROR 42P01',
      message: 'relation "acounts" does not exist',
      line: 2,
      column: 21,
    });
    expect(run.checks.every((c) => !c.passed && /Not checked/.test(c.message!))).toBe(true);
  });

  it('starts every run from a fresh database, whatever the last run dropped or left behind', async () => {
    await engines.run(
      'test-transfer',
      lab,
      'DROP TABLE accounts; CREATE SCHEMA junk; CREATE TABLE junk.t (x int); SET search_path = junk;',
    );
    expect((await engines.run('test-transfer', lab, lab.solution)).passed).toBe(true);
    // Database-wide objects too: a role, a large object, and an event trigger that refuses every DROP.
    const leftovers = `CREATE ROLE learner; SELECT lo_create(4242);
CREATE FUNCTION public.no_drop() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no drops'; END $$;
CREATE EVENT TRIGGER stop_drop ON ddl_command_start EXECUTE FUNCTION public.no_drop();`;
    for (let i = 0; i < 2; i++) expect((await engines.run('test-transfer', lab, leftovers)).error).toBeUndefined();
    expect((await engines.run('test-transfer', lab, lab.solution)).passed).toBe(true);
  });

  it('judges with the session as it started: a learner’s SET or SET ROLE does not change the checks', async () => {
    const indexLab = {
      language: 'sql' as const,
      setup: 'CREATE TABLE t (v int); INSERT INTO t SELECT g FROM generate_series(1, 20000) g; ANALYZE t;',
      solution: 'CREATE INDEX t_v_idx ON t (v);',
      checks: [
        {
          type: 'plan' as const,
          name: 'Uses an index',
          sql: 'SELECT * FROM t WHERE v = 7',
          excludes: 'Seq Scan',
          message: 'The plan reads the whole table.',
        },
      ],
    };
    expect((await engines.run('test-plan', indexLab, indexLab.solution)).passed).toBe(true);
    expect((await engines.run('test-plan', indexLab, 'SET enable_seqscan = off;')).passed).toBe(false);
    const role = await engines.run('test-transfer', lab, `${lab.solution} CREATE ROLE viewer; SET ROLE viewer;`);
    expect(role.checks.map((c) => c.passed)).toEqual([true, true, true]);
  });
});

const codeLab = (tests: string, language: 'javascript' | 'typescript' = 'javascript') => ({
  language,
  solution: '',
  tests,
});
const names = (run: LabRun) =>
  run.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`);

describe('code labs', () => {
  const lab = codeLab(`
    test('adds', () => assert.equal(add(2, 3), 5, 'add(2, 3)'));
    test('waits on the clock', async () => {
      const clock = createClock();
      const done = later(clock, 1000);
      await clock.advance(999);
      assert.equal(done.value, undefined, 'value before 1000 ms');
      await clock.advance(1);
      assert.equal(await done.promise, 'late', 'value after 1000 ms');
    });
  `);
  const good = `function add(a, b) { return a + b; }
function later(clock, ms) { const box = {}; box.promise = clock.sleep(ms).then(() => (box.value = 'late')); return box; }`;

  it('runs hidden tests by name with expected and actual, and a fake clock', () => {
    return engines
      .run('t', lab, good)
      .then((run) => expect(names(run)).toEqual(['pass: adds', 'pass: waits on the clock']));
  });

  it('cannot be fooled by learner code that redefines test, assert or Object.is, and leaves every global name free', async () => {
    const run = await engines.run(
      't',
      lab,
      `${good.replace('a + b', 'a - b')}\nfunction test() {}\nvar assert = { equal() {} };\nObject.is = () => true;`,
    );
    expect(names(run)).toContain('fail: adds — add(2, 3): expected 5, got -1');
    const taken = await engines.run('t', lab, `const h = 1, harness = 2;\n${good}`);
    expect(taken.passed).toBe(true);
  });

  it('names a test that waits on a promise that never settles, without hanging', async () => {
    const run = await engines.run(
      't',
      lab,
      `${good.split('\n')[0]}\nfunction later() { return { promise: new Promise(() => {}) }; }`,
    );
    expect(names(run)[1]).toMatch(/^fail: waits on the clock — Never finished/);
  });

  it('stops code that never ends, saying why once, which test it was in, and the others as they are', async () => {
    const three = codeLab(`test('adds once', () => assert.equal(add(1, 1), 2, 'add(1, 1)'));\n${lab.tests}`);
    const loops = `${good}\nlet calls = 0;\nconst sum = add;\nadd = (a, b) => { while (++calls > 1) {} return sum(a, b); };`;
    const run = await engines.run('t', three, loops);
    expect(run.error).toMatchObject({ code: 'Stopped', message: expect.stringMatching(/^Stopped after 5 seconds/) });
    expect(names(run)).toEqual([
      'pass: adds once',
      'fail: adds — Stopped here: this test was still running at the 5-second limit.',
      'fail: waits on the clock — The run was stopped before this test started.',
    ]);
    expect(run.checks.map((c) => c.cut)).toEqual([undefined, 'stopped', 'not-run']);
  });

  it('points at the line of a syntax error, and strips TypeScript types before running', async () => {
    const broken = await engines.run('t', lab, 'function add(a, b) {\n  return a +;\n}');
    expect(broken.error).toMatchObject({ code: 'SyntaxError', line: 2 });
    const typed = await engines.run(
      't',
      codeLab(lab.tests, 'typescript'),
      good.replace('function add(a, b)', 'function add(a: number, b: number): number'),
    );
    expect(typed.passed).toBe(true);
  });

  it('shows what the code logged', async () => {
    const run = await engines.run('t', lab, `${good}\nconsole.log('hello', { a: [1, 2] });`);
    expect(run.logs).toEqual(['hello {a: [1, 2]}']);
  });
});
