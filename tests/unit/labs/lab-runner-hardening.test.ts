/**
 * The lab runners hold against what a learner's answer can do to them, on the real engines in worker threads (as
 * `labs:check` and the labs tests run them): nothing a run creates reaches the checks or the next run, learner code
 * cannot change how the tests judge, hidden datasets catch an answer right by accident without showing their rows,
 * plans and indexes are read from the learner's own query and catalog, and a run in Node stops at the page's limit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type LabRun, RUN_LIMIT_MS } from '../../../src/lib/labs/shared/lab-spec.ts';
import { type SqlCheck } from '../../../src/lib/labs/sql/sql-spec.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const outcome = (run: LabRun) =>
  run.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`);

describe('an SQL run cannot fool or pollute the checks', () => {
  const lab = {
    language: 'sql' as const,
    setup:
      'CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL); INSERT INTO accounts VALUES (1, 100), (2, 50);',
    solution: 'UPDATE accounts SET balance = balance + 10;',
    checks: [
      // Written the old way, unqualified, on purpose: the runner itself must not let a TEMP table shadow it.
      {
        type: 'state',
        name: 'Balances',
        sql: 'SELECT id, balance FROM accounts ORDER BY id',
        message: 'The balances are not what they should be.',
      },
      {
        type: 'assert',
        name: 'lower() is the built-in',
        sql: "SELECT lower('ABC') = 'abc'",
        message: 'lower() was replaced.',
      },
    ] satisfies SqlCheck[],
  };

  it('judges the real table, not a TEMP table of the same name holding the expected rows', async () => {
    const run = await engines.run(
      'hardening-temp',
      lab,
      'CREATE TEMP TABLE accounts AS SELECT * FROM (VALUES (1, 110), (2, 60)) AS v(id, balance);',
    );
    expect(outcome(run)[0]).toBe('fail: Balances — The balances are not what they should be.');
    expect((await engines.run('hardening-temp', lab, lab.solution)).passed).toBe(true);
  });

  it('starts the next run without what a run put in pg_catalog, replaced there, or set for the database', async () => {
    const polluting = `CREATE FUNCTION pg_catalog.atlas_leftover() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE OR REPLACE FUNCTION pg_catalog.lower(text) RETURNS text LANGUAGE sql AS 'SELECT ''x''';
ALTER DATABASE postgres SET search_path = nowhere; CREATE ROLE intruder; UPDATE accounts SET balance = balance + 10;`;
    const first = await engines.run('hardening-catalog', lab, polluting);
    expect(outcome(first)[1]).toBe('fail: lower() is the built-in — lower() was replaced.');
    const next = await engines.run(
      'hardening-catalog',
      {
        ...lab,
        checks: [
          ...lab.checks,
          {
            type: 'assert',
            name: 'Nothing left over',
            sql: "SELECT to_regproc('pg_catalog.atlas_leftover') IS NULL AND NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'intruder') AND current_setting('search_path') <> 'nowhere'",
            message: 'A previous run left something behind.',
          },
        ],
      },
      lab.solution,
    );
    expect(outcome(next)).toEqual(['pass: Balances', 'pass: lower() is the built-in', 'pass: Nothing left over']);
  });

  it('stops a statement that never ends at the page’s limit, in Node too, and runs the next answer', async () => {
    const started = performance.now();
    const run = await engines.run('hardening-sleep', lab, 'SELECT pg_sleep(600);');
    expect(run.error).toMatchObject({ code: 'Stopped' });
    expect(performance.now() - started).toBeLessThan(RUN_LIMIT_MS + 30_000);
    expect((await engines.run('hardening-sleep', lab, lab.solution)).passed).toBe(true);
  }, 90_000);

  it('reads dates and times as Postgres prints them, whatever the time zone of the machine', async () => {
    expect(new Date(2026, 2, 29).getTimezoneOffset(), 'this file runs in a time zone other than UTC').not.toBe(0);
    const times = {
      language: 'sql' as const,
      setup:
        "CREATE TABLE events (at timestamp, day date); INSERT INTO events VALUES ('2026-03-29 01:30', '2026-03-29');",
      solution: 'SELECT at, day FROM events;',
      checks: [{ type: 'result', name: 'Events', ordered: false }] satisfies SqlCheck[],
    };
    const run = await engines.run('hardening-time', times, 'SELECT at::text, day FROM events;');
    expect(outcome(run)).toEqual(['pass: Events']);
    expect(run.statements?.[0]).toMatchObject({
      kind: 'table',
      table: { rows: [['2026-03-29 01:30:00', '2026-03-29']] },
    });
  });
});

describe('hidden datasets and the learner’s own plan and indexes', () => {
  const topN = {
    language: 'sql' as const,
    setup: `CREATE TABLE scores (player text, points int);
INSERT INTO scores VALUES ('ana', 50), ('ben', 40), ('cy', 30), ('dee', 20);`,
    solution:
      'SELECT player, points FROM scores WHERE points >= (SELECT points FROM scores ORDER BY points DESC LIMIT 1 OFFSET 2);',
    checks: [{ type: 'result', name: 'The top three, ties included', ordered: false }] satisfies SqlCheck[],
    variants: [{ case: 'a tie for third place', sql: "INSERT INTO scores VALUES ('eve', 30);" }],
  };

  it('fails an answer right only on the seed, saying which case differed and quoting none of its rows', async () => {
    const run = await engines.run(
      'hidden-top',
      topN,
      'SELECT player, points FROM scores ORDER BY points DESC LIMIT 3;',
    );
    expect(run.passed).toBe(false);
    expect(outcome(run)).toEqual([
      'fail: The top three, ties included — With a tie for third place: Your query returns 3 rows where 4 are expected: 1 row missing.',
    ]);
    expect(JSON.stringify(run)).not.toContain('eve');
    expect(
      (
        await engines.run(
          'hidden-top',
          topN,
          'SELECT * FROM scores s WHERE (SELECT count(*) FROM scores t WHERE t.points > s.points) < 3;',
        )
      ).passed,
    ).toBe(true);
  });

  const indexLab = {
    language: 'sql' as const,
    setup: `CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, total int NOT NULL);
INSERT INTO orders SELECT g, g % 500, CASE WHEN g % 50 = 0 THEN 'pending' ELSE 'shipped' END, g FROM generate_series(1, 20000) g;
ANALYZE orders;`,
    solution:
      "CREATE INDEX orders_pending ON orders (customer_id) WHERE status = 'pending';\nSELECT id FROM orders WHERE customer_id = 7 AND status = 'pending';",
    checks: [
      {
        type: 'index',
        name: 'A partial index on pending orders by customer',
        table: 'orders',
        keys: ['customer_id'],
        where: "status = 'pending'::text",
        message: 'Index customer_id for pending orders only.',
      },
      {
        type: 'plan',
        name: 'Your query uses an index',
        includes: '(Index|Index Only|Bitmap Index) Scan',
        message: 'Your query reads the whole table.',
      },
    ] satisfies SqlCheck[],
  };

  it('reads the index from the catalog whatever its name, and refuses a predicate that covers one customer', async () => {
    const renamed = await engines.run(
      'index-check',
      indexLab,
      indexLab.solution.replace('orders_pending', 'whatever_i_like').replace('SELECT id', 'EXPLAIN ANALYZE SELECT id'),
    );
    expect(outcome(renamed)).toEqual([
      'pass: A partial index on pending orders by customer',
      'pass: Your query uses an index',
    ]);
    const descending = await engines.run(
      'index-check',
      indexLab,
      indexLab.solution.replace('(customer_id)', '(customer_id DESC)'),
    );
    expect(descending.checks[0], 'a key the check names without an order matches either direction').toMatchObject({
      passed: true,
    });
    const oneCustomer = await engines.run(
      'index-check',
      indexLab,
      "CREATE INDEX ON orders (customer_id) WHERE status = 'pending' AND customer_id = 7;\nSELECT id FROM orders WHERE customer_id = 7 AND status = 'pending';",
    );
    expect(oneCustomer.checks[0]).toMatchObject({
      passed: false,
      message: expect.stringMatching(
        /^Index customer_id for pending orders only\. The indexes on orders are:\n.*only rows where .*customer_id = 7/,
      ),
    });
  });

  it('reads the plan of the learner’s own query, so a query the index cannot serve fails', async () => {
    const run = await engines.run(
      'index-check',
      indexLab,
      `${indexLab.solution.split('\n')[0]}\nSELECT id FROM orders WHERE customer_id = 7 AND status <> 'shipped';`,
    );
    expect(outcome(run)[1]).toMatch(
      /^fail: Your query uses an index — Your query reads the whole table\. The plan is:\nSeq Scan on orders/,
    );
  });
});

describe('a code run cannot change how it is judged', () => {
  const lab = {
    language: 'javascript' as const,
    solution: '',
    tests: `
test('sums each case', () => { [[1, 2, 3], [2, 2, 4]].forEach(([a, b, sum]) => assert.equal(add(a, b), sum, 'add(' + a + ', ' + b + ')')); });
test('resolves later', async () => { assert.deepEqual(await later(), [1, 2], 'await later()'); });
test('serializes', () => { assert.equal(JSON.stringify(make()), '{"a":1}', 'JSON of make()'); });`,
  };
  const cheats = {
    'replacing Promise.prototype.then': 'Promise.prototype.then = function (ok) { ok(); };',
    'adding Array.prototype.toJSON': 'Array.prototype.toJSON = function () { return { passed: true }; };',
    'emptying Array.prototype.forEach for the tests’ own loops':
      'const each = Array.prototype.forEach; Array.prototype.forEach = function (fn) { if (!Array.isArray(this[0])) each.call(this, fn); };',
    'replacing the global JSON': 'JSON = { stringify: () => \'{"a":1}\' };',
    'replacing Object.is': 'Object.is = () => true;',
  };

  it.each(Object.entries(cheats))('fails an empty answer that tries %s', async (_name, cheat) => {
    const run = await engines.run(
      'cheat',
      lab,
      `function add() {}\nfunction later() {}\nfunction make() {}\ntry { ${cheat} } catch {}`,
    );
    expect(run.passed).toBe(false);
    expect(run.checks.filter((c) => c.passed)).toEqual([]);
  });

  it('still lets correct code assign what frozen built-ins also name, and pass', async () => {
    const run = await engines.run(
      'cheat',
      lab,
      `class Oops extends Error { constructor(m) { super(m); this.name = 'Oops'; } }
const o = {}; o.toString = () => 'mine'; o.constructor = Oops;
function add(a, b) { if (String(o) !== 'mine' || new Oops('x').name !== 'Oops') throw new Error('assignment lost'); return a + b; }
const later = async () => [1, 2];
const make = () => ({ a: 1 });`,
    );
    expect(outcome(run)).toEqual(['pass: sums each case', 'pass: resolves later', 'pass: serializes']);
  });

  it('fails a run whose endless async work is stopped or runs out of memory, and runs the next answer on a working engine', async () => {
    const add = {
      language: 'javascript' as const,
      solution: '',
      tests: "test('adds', () => assert.equal(add(1, 2), 3, 'add(1, 2)'));",
    };
    const endless = await engines.run(
      'endless',
      add,
      'function add(a, b) { return a + b; }\nasync function f() { await null; return f(); }\nf();',
    );
    expect(endless.passed).toBe(false);
    expect(endless.error?.message).toMatch(/^Stopped after 5 seconds|^Work your code left running failed: /);
    expect(outcome(await engines.run('endless', add, 'const add = (a, b) => a + b;'))).toEqual(['pass: adds']);
  }, 60_000);

  it('reports endless recursion as a stack overflow at its line, and a test that catches one does not stop the rest', async () => {
    const lab = {
      language: 'javascript' as const,
      solution: '',
      tests: `test('a', () => { try { deep(); } catch {} assert.equal(add(1, 2), 3, 'add(1, 2)'); });
test('b', () => assert.equal(add(2, 2), 4, 'add(2, 2)'));`,
    };
    const add = 'function add(a, b) { return a + b; }\nfunction deep() { return deep(); }';
    const top = await engines.run('recursion', lab, `${add}\ndeep();`);
    expect(top.error).toMatchObject({ code: 'InternalError', message: 'stack overflow', line: 2 });
    expect(outcome(await engines.run('recursion', lab, add))).toEqual(['pass: a', 'pass: b']);
  });

  it('runs in the time zone of the machine, which for the lab tests is not UTC', async () => {
    const zone = {
      language: 'javascript' as const,
      solution: '',
      tests: "test('zone', () => assert.equal(new Date(2026, 0, 1).getTimezoneOffset(), -825, 'offset in minutes'));",
    };
    expect(outcome(await engines.run('zone', zone, ''))).toEqual(['pass: zone']);
  });

  it('runs model-based tests with fast-check and names the shortest failing sequence', async () => {
    const model = {
      language: 'javascript' as const,
      solution: '',
      tests: `
class Push { constructor(v) { this.v = v; } check() { return true; } run(m, r) { m.push(this.v); r.push(this.v); } toString() { return 'push(' + this.v + ')'; } }
class Pop { check(m) { return m.length > 0; } run(m, r) { assert.equal(r.pop(), m.pop(), 'pop()'); } toString() { return 'pop()'; } }
test('behaves like a stack', () => {
  assert.model([fc.nat(9).map((v) => new Push(v)), fc.constant(new Pop())], () => ({ model: [], real: new Stack() }));
});`,
    };
    const good = await engines.run(
      'model',
      model,
      'class Stack { items = []; push(v) { this.items.push(v); } pop() { return this.items.pop(); } }',
    );
    expect(outcome(good)).toEqual(['pass: behaves like a stack']);
    const queue = await engines.run(
      'model',
      model,
      'class Stack { items = []; push(v) { this.items.push(v); } pop() { return this.items.shift(); } }',
    );
    expect(outcome(queue)[0]).toMatch(
      /^fail: behaves like a stack — over random operations: the shortest failing sequence is push\(\d\), push\(\d\), pop\(\) — pop\(\): expected \d, got \d$/,
    );
  });
});
