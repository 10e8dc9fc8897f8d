/**
 * The asyncpg-shaped driver of the Python database labs (src/lib/labs/python/asyncpg/), as a learner's code meets
 * it: values both ways, records, status strings, asyncpg's exceptions, transactions as savepoints, executemany all
 * or nothing, statements() and a transaction left open. Each test of the lab script below checks one promise; the
 * run goes through the real runner in a worker thread (Pyodide beside PGlite), as `labs:check` runs it.
 */
import { afterAll, expect, it } from 'vitest';
import type { LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import type { LabFields } from '../../../src/lib/labs/lab-kinds.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const SETUP = `CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL UNIQUE, price numeric CHECK (price >= 0),
  seen timestamptz, day date, at timestamp, data jsonb, raw bytea, big int8, tags text[]);
INSERT INTO items (id, name, price) VALUES (1, 'one', 1.50);`;

const TESTS = String.raw`
import asyncpg, datetime, decimal, uuid
from functools import partial
from asyncpg.exceptions import UniqueViolationError, IntegrityConstraintViolationError, InFailedSQLTransactionError
UTC = datetime.timezone.utc

@test("values go in as parameters and come back as asyncpg reads them")
async def _():
    row = (2, "it's", decimal.Decimal("12.30"), datetime.datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
           datetime.date(2026, 2, 28), datetime.datetime(2026, 1, 2, 3, 4, 5), '{"a": [1, null, "x"]}', b"\x00\xff", 2**62, ["a", "b"])
    assert_equal(await conn.execute("INSERT INTO items VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", *row), "INSERT 0 1", "status")
    got = await conn.fetchrow("SELECT id, name, price, seen, day, at, data, raw, big, tags FROM items WHERE id = $1", 2)
    assert_equal(tuple(got), row[:3] + (row[3].astimezone(UTC),) + row[4:], "the row read back")
    assert_equal(got["seen"].tzinfo, UTC, "timestamptz's zone")
    assert_equal(got["at"].tzinfo, None, "timestamp's zone")
    assert_equal((got[0], got["name"], got.get("nope", 7), list(got.keys())[:2], "name" in got, len(got)), (2, "it's", 7, ["id", "name"], True, 10), "record access")
    assert_equal(await conn.fetchval("SELECT $1::uuid", uuid.UUID(int=5)), uuid.UUID(int=5), "uuid")
    assert_equal(await conn.fetchval("SELECT '1 day 02:00:03.5'::interval"), datetime.timedelta(days=1, seconds=7203.5), "interval")
    assert_equal((await conn.fetchval("SELECT 'NaN'::numeric")).is_nan(), True, "numeric NaN")
    # json and jsonb are text both ways, as asyncpg has them without a type codec: json_agg reads as a str.
    assert_equal(await conn.fetchval("SELECT json_agg(x ORDER BY x) FROM generate_series(1, 3) AS x"), "[1, 2, 3]", "json_agg")
    assert_equal(await conn.fetchval("""SELECT '{"b": 2, "a": 1}'::jsonb"""), '{"a": 1, "b": 2}', "jsonb, as Postgres prints it")
    assert_equal(await conn.fetchval("""SELECT ARRAY['{"a":1}'::jsonb]"""), ['{"a": 1}'], "jsonb[]")
    error = await assert_raises(asyncpg.DataError, partial(conn.fetchval, "SELECT $1::jsonb", {"a": 1}), "a dict argument")
    assert_equal("expected str, got dict" in str(error), True, "the dict's error")
    assert_equal(await conn.fetchval("SELECT 1, 2", column=1), 2, "fetchval's column")
    assert_equal(await conn.fetchrow("SELECT 1 WHERE false"), None, "fetchrow without a row")

@test("status strings and a script of several statements")
async def _():
    assert_equal(await conn.execute("UPDATE items SET price = price + $1", 1), "UPDATE 1", "update")
    assert_equal(await conn.execute("DELETE FROM items WHERE id = $1", 99), "DELETE 0", "delete nothing")
    assert_equal(await conn.execute("INSERT INTO items (id, name) VALUES (5, 'five'); UPDATE items SET price = 0 WHERE id = 5"), "UPDATE 1", "a script")

@test("each test starts on the lab's setup again")
async def _():
    assert_equal(await db.fetchval("SELECT count(*) FROM items"), 1, "rows at the start of a test")

@test("errors are asyncpg's classes with the server's fields")
async def _():
    error = await assert_raises(UniqueViolationError, partial(conn.execute, "INSERT INTO items (id, name) VALUES (7, $1)", "one"), "duplicate name")
    assert_equal((error.sqlstate, error.constraint_name, error.table_name, isinstance(error, IntegrityConstraintViolationError)), ("23505", "items_name_key", "items", True), "the error's fields")
    await assert_raises(asyncpg.CheckViolationError, partial(conn.execute, "UPDATE items SET price = -1"), "a negative price")
    await assert_raises(asyncpg.NotNullViolationError, partial(conn.execute, "INSERT INTO items (id) VALUES (8)"), "no name")
    await assert_raises(asyncpg.UndefinedTableError, partial(conn.fetch, "SELECT * FROM nope"), "no such table")
    await assert_raises(asyncpg.DataError, partial(conn.fetch, "SELECT $1::text", object()), "an argument the driver cannot send")

@test("a nested transaction is a savepoint, and an error leaves the block rolled back")
async def _():
    async with conn.transaction():
        await conn.execute("UPDATE items SET name = 'outer'")
        try:
            async with conn.transaction():
                await conn.execute("UPDATE items SET name = 'inner'")
                raise RuntimeError("undo the inner one")
        except RuntimeError:
            pass
        assert_equal(conn.is_in_transaction(), True, "still in the outer transaction")
    assert_equal(await db.fetchval("SELECT name FROM items"), "outer", "name after the savepoint's rollback")
    try:
        async with conn.transaction():
            await conn.execute("UPDATE items SET name = 'gone'")
            await conn.execute("SELECT 1/0")
    except asyncpg.DivisionByZeroError:
        pass
    assert_equal((await db.fetchval("SELECT name FROM items"), conn.is_in_transaction()), ("outer", False), "after the failed block")

@test("executemany is all or nothing, and statements() lists what conn ran")
async def _():
    await assert_raises(UniqueViolationError, partial(conn.executemany, "INSERT INTO items (id, name) VALUES ($1, $2)", [(10, "ten"), (11, "one")]), "a batch with a duplicate")
    assert_equal(await db.fetchval("SELECT count(*) FROM items"), 1, "rows after the refused batch")
    assert_equal(await conn.copy_records_to_table("items", records=[(12, "twelve")], columns=["id", "name"]), "COPY 1", "copy status")
    assert_equal(statements(), ["INSERT INTO items (id, name) VALUES ($1, $2)", 'COPY "items" ("id", "name") FROM STDIN'], "statements()")

@test("a transaction left open fails the test that reads after it")
async def _():
    await conn.execute("BEGIN")
    await conn.execute("UPDATE items SET name = 'uncommitted'")
    await db.fetchval("SELECT name FROM items")

@test("the js module is out of reach, as in a code lab")
async def _():
    error = assert_raises(RuntimeError, lambda: __import__("js"), "import js")
    assert_true("not available to code in a lab" in str(error), "the guard's refusal")

@test("one connection runs one query at a time")
async def _():
    import asyncio
    await asyncio.gather(conn.fetch("SELECT 1"), conn.fetch("SELECT 2"))
`;

const lab: LabFields = { language: 'python', setup: SETUP, tests: TESTS, solution: '' };

const outcome = (run: LabRun) => [
  ...(run.error ? [`error: ${run.error.message}`] : []),
  ...run.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`),
];

// The first run loads Pyodide in the worker: 2 s on a quiet machine, most of a minute on a busy one.
it('keeps every promise of the asyncpg-shaped driver', { timeout: 180_000 }, async () => {
  const run = await engines.run('py-db-driver', lab, 'pass');
  expect(outcome(run)).toEqual([
    'pass: values go in as parameters and come back as asyncpg reads them',
    'pass: status strings and a script of several statements',
    "pass: each test starts on the lab's setup again",
    "pass: errors are asyncpg's classes with the server's fields",
    'pass: a nested transaction is a savepoint, and an error leaves the block rolled back',
    'pass: executemany is all or nothing, and statements() lists what conn ran',
    'fail: a transaction left open fails the test that reads after it — Your code returned with a transaction still open, so its work was rolled back: a transaction your code begins must end, committed or rolled back, before it returns.',
    'pass: the js module is out of reach, as in a code lab',
    'fail: one connection runs one query at a time — InterfaceError: cannot perform operation: another operation is in progress',
  ]);
});

it("says where the learner's code failed, and what a syntax error is", async () => {
  const broken = await engines.run('py-db-driver', lab, 'def f(:\n  pass');
  expect(broken.error).toMatchObject({ code: 'SyntaxError', line: 1 });
  const raising = await engines.run('py-db-driver', lab, 'x = 1\nraise ValueError("at import")');
  expect(raising.error).toMatchObject({
    code: 'ValueError',
    message: 'at import\n  File "solution.py", line 2\n    raise ValueError("at import")',
    line: 2,
  });
});
