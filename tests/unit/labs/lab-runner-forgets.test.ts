/**
 * A lab runner forgets: every SQL and API run, and every test of an API run, starts on a database as new, even right
 * after a run that left what emptying cannot undo — a table in pg_catalog (which every unqualified name finds before
 * public's), a function there, a large object, a comment, a setting stored for the database or a role. On the real
 * engines in worker threads, as `labs:check` runs them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import type { ApiTest } from '../../../src/lib/labs/api/api-spec.ts';
import type { SqlCheck } from '../../../src/lib/labs/sql/sql-spec.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const outcome = (run: LabRun) => [
  ...(run.error ? [`error: ${run.error.message}`] : []),
  ...run.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`),
];

/** What a run leaves behind, and the statements that leave it. */
const LEFTOVERS: [string, string[]][] = [
  [
    'a table in pg_catalog',
    [
      'CREATE TABLE pg_catalog.notes (id int, body text)',
      "INSERT INTO pg_catalog.notes SELECT g, 'left over ' || g FROM generate_series(1, 27) g",
    ],
  ],
  ['a function in pg_catalog', ["CREATE FUNCTION pg_catalog.note_count() RETURNS int LANGUAGE sql AS 'SELECT 27'"]],
  ['a large object', ["SELECT lo_from_bytea(0, 'left over')"]],
  ['a comment on a built-in function', ["COMMENT ON FUNCTION pg_catalog.lower(text) IS 'left over'"]],
  ['a comment on the database', ["COMMENT ON DATABASE postgres IS 'left over'"]],
  ['a setting stored for the database', ["ALTER DATABASE postgres SET work_mem = '7MB'"]],
  ['a setting stored for a role', ["ALTER ROLE postgres SET work_mem = '7MB'"]],
];

const SETUP =
  "CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL); INSERT INTO notes VALUES (1, 'one'), (2, 'two');";
/** True on a database as new: none of the leftovers is there. */
const AS_NEW = `SELECT to_regclass('pg_catalog.notes') IS NULL AND to_regproc('pg_catalog.note_count') IS NULL
  AND NOT EXISTS (SELECT FROM pg_largeobject_metadata)
  AND NOT EXISTS (SELECT FROM pg_description WHERE description = 'left over')
  AND NOT EXISTS (SELECT FROM pg_shdescription WHERE description = 'left over')
  AND NOT EXISTS (SELECT FROM pg_db_role_setting) AS fresh`;

describe('an SQL run starts on a database as new', () => {
  const lab = {
    language: 'sql' as const,
    setup: SETUP,
    solution: 'SELECT id, body FROM notes ORDER BY id;',
    checks: [
      { type: 'result', name: 'The notes', ordered: true },
      { type: 'assert', name: 'As new', sql: AS_NEW, message: 'An earlier run left something behind.' },
    ] satisfies SqlCheck[],
    variants: [{ case: 'a third note', sql: "INSERT INTO notes VALUES (3, 'three');" }],
  };

  it.each(LEFTOVERS)('after a run that left %s, a correct answer passes', async (_what, leftover) => {
    const spoiled = await engines.run('forgets-sql', lab, `${leftover.join(';\n')};\n${lab.solution}`);
    expect(spoiled.error).toBeUndefined();
    expect(outcome(await engines.run('forgets-sql', lab, lab.solution))).toEqual(['pass: The notes', 'pass: As new']);
  });
});

describe('an API run, and each of its tests, starts on a database as new', () => {
  const correct = `export default { async fetch(request, env) {
    const { pathname } = new URL(request.url);
    const sql = pathname === '/notes' ? 'SELECT id, body FROM notes ORDER BY id' : \`${AS_NEW}\`;
    const { rows } = await env.db.query(sql);
    return Response.json(pathname === '/notes' ? rows : rows[0]);
  } };`;
  const requests: ApiTest[] = [
    {
      name: 'lists the notes',
      steps: [
        {
          request: 'GET /notes',
          expect: {
            status: 200,
            json: [
              { id: 1, body: 'one' },
              { id: 2, body: 'two' },
            ],
          },
        },
      ],
    },
    { name: 'as new', steps: [{ request: 'GET /fresh', expect: { status: 200, json: { fresh: true } } }] },
  ];
  const lab = { language: 'http' as const, setup: SETUP, solution: correct, clock: '2026-03-01T12:00:00Z', requests };
  /** A handler that leaves `leftover` behind on its first request, then answers as the correct one does. */
  const spoiling = (leftover: string[]) =>
    correct.replace(
      'async fetch(request, env) {',
      `async fetch(request, env) {
    if (new URL(request.url).pathname === '/notes') for (const sql of ${JSON.stringify(leftover)}) await env.db.query(sql);`,
    );

  it.each(LEFTOVERS)(
    'after a test or a run that left %s, the next test and a correct answer pass',
    async (_what, leftover) => {
      const spoiled = await engines.run('forgets-api', lab, spoiling(leftover));
      expect(spoiled.checks[0]?.exchange?.error).toBeUndefined();
      expect(outcome(spoiled)[1]).toBe('pass: as new');
      expect(outcome(await engines.run('forgets-api', lab, correct))).toEqual([
        'pass: lists the notes',
        'pass: as new',
      ]);
    },
  );

  it('lists the 27 notes a handler put in pg_catalog.notes to that handler, and never to the next run', async () => {
    const spoiled = await engines.run('forgets-api', lab, spoiling(LEFTOVERS[0]![1]));
    expect(outcome(spoiled)[0]).toBe(
      'fail: lists the notes — GET /notes: In the JSON body, the body should have 2 items, got 27.',
    );
    expect((await engines.run('forgets-api', lab, correct)).passed).toBe(true);
  });

  it('gives the request panel a database as new when it is reset', async () => {
    const request = { method: 'GET', path: '/fresh', headers: [], body: null };
    await engines.send('forgets-panel', lab, spoiling(LEFTOVERS[0]![1]), { ...request, path: '/notes' }, true);
    let fresh = await engines.send('forgets-panel', lab, correct, request, true);
    // A request stopped at its 2-second limit on a loaded machine's timers (CI, with the listing lane beside it) says
    // nothing of the database: send it once more. Any other answer is judged as it is.
    if (fresh.error?.code === 'Stopped') fresh = await engines.send('forgets-panel', lab, correct, request, true);
    expect(fresh.response?.body, fresh.error?.message).toBe('{"fresh":true}');
  });
});
