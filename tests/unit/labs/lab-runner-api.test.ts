/**
 * The API lab runner holds against what a learner's handler can do, on the real engines in worker threads: it runs
 * JavaScript and TypeScript modules, gives env.db on a real Postgres with node-postgres's error fields, cannot reach
 * storage, the network or the host, is stopped when it loops, is caught at once when it never answers, has its
 * open transactions rolled back, reads the lab's clock, and each test starts from the lab's own rows. The request
 * panel keeps its data between requests until it is reset.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type HttpRequestData, type LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import { stoppedMessage } from '../../../src/lib/labs/shared/stop-words.ts';
import { type ApiTest } from '../../../src/lib/labs/api/api-spec.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';
import { envMembers } from '../../../src/lib/labs/api/api-env.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const lab = (requests: ApiTest[], env: Record<string, string> = {}) => ({
  language: 'http' as const,
  setup:
    "CREATE TABLE notes (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL UNIQUE); INSERT INTO notes (body) VALUES ('first');",
  solution: '',
  env,
  clock: '2026-03-01T12:00:00Z',
  requests,
});
const outcome = (run: LabRun) => [
  ...(run.error ? [`error: ${run.error.message}`] : []),
  ...run.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`),
];
const get = (path: string, status = 200, json?: unknown) => ({
  request: `GET ${path}`,
  expect: { status, ...(json ? { json } : {}) },
});

describe('the handler runs in a sandbox', () => {
  it('cannot reach storage, the network, the host or modules', async () => {
    const probe = `export default { async fetch() {
      const names = ['fetch', 'XMLHttpRequest', 'WebSocket', 'localStorage', 'indexedDB', 'importScripts', 'postMessage',
        'process', 'require', 'document', 'setTimeout', '__atlasApiHost', '__atlasApi', 'caches', 'navigator'];
      return Response.json(Object.fromEntries(names.map((n) => [n, typeof globalThis[n]])));
    } };`;
    const undef = 'undefined';
    const every = Object.fromEntries(
      [
        'fetch',
        'XMLHttpRequest',
        'WebSocket',
        'localStorage',
        'indexedDB',
        'importScripts',
        'postMessage',
        'process',
        'require',
        'document',
        'setTimeout',
        '__atlasApiHost',
        '__atlasApi',
        'caches',
        'navigator',
      ].map((n) => [n, undef]),
    );
    const run = await engines.run('probe', lab([{ name: 'probe', steps: [get('/', 200, every)] }]), probe);
    expect(outcome(run)).toEqual(['pass: probe']);
    const imports = await engines.run(
      'imports',
      lab([{ name: 'imports', steps: [get('/')] }]),
      `import fs from 'node:fs';\nexport default { fetch: () => new Response(fs.readFileSync('/etc/passwd')) };`,
    );
    expect(outcome(imports).join('\n')).toMatch(/import "node:fs" is not available here/);
  });

  it("gets in env exactly what the page's env list says (api-env.ts), and the lab's settings", async () => {
    const listed = envMembers({ API_KEY: 'k' }).map((m) => m.name);
    const probe = `export default { async fetch(request, env) {
      const members = Object.keys(env).flatMap((k) => k === 'db' ? Object.keys(env.db).map((d) => 'db.' + d) : [k]);
      return Response.json({ members: members.sort() });
    } };`;
    const run = await engines.run(
      'env',
      lab([{ name: 'env', steps: [get('/', 200, { members: [...listed].sort() })] }], { API_KEY: 'k' }),
      probe,
    );
    expect(outcome(run)).toEqual(['pass: env']);
  });

  it('is stopped when it loops, and answered at once when it never settles', async () => {
    const requests = [
      { name: 'one', steps: [get('/')] },
      { name: 'two', steps: [get('/')] },
    ];
    const started = Date.now();
    const loop = await engines.run('loop', lab(requests), 'export default { async fetch() { for (;;) {} } };');
    expect(outcome(loop)).toEqual([
      'fail: one — GET / was stopped before it answered.',
      'fail: two — An earlier request was stopped.',
    ]);
    // Why, said once in the run's summary (components/lab/results.ts), from the request's error.
    expect(loop.checks[0]!.exchange?.error?.message).toBe(stoppedMessage('code', 'request'));
    expect(Date.now() - started).toBeLessThan(8000);
    const never = await engines.run('never', lab(requests), 'export default { fetch: () => new Promise(() => {}) };');
    expect(outcome(never)[0]).toMatch(/never answered/);
  });
});

describe('env.db is a real Postgres', () => {
  const handler = `
    type Env = { db: { query(sql: string, params?: unknown[]): Promise<{ rows: any[] }> }; now(): number; GREETING: string };
    export default {
      async fetch(request: Request, env: Env): Promise<Response> {
        const url = new URL(request.url);
        if (request.method === 'POST') {
          const { body } = (await request.json()) as { body: string };
          try {
            const { rows } = await env.db.query('INSERT INTO notes (body) VALUES ($1) RETURNING id, body', [body]);
            return Response.json(rows[0], { status: 201, headers: { Location: '/notes/' + rows[0].id } });
          } catch (e: any) {
            return Response.json({ code: e.code, constraint: e.constraint, name: e.name }, { status: 409 });
          }
        }
        if (url.pathname === '/clock') return Response.json({ now: env.now(), date: new Date().toISOString(), greeting: env.GREETING });
        const { rows } = await env.db.query('SELECT count(*) AS n FROM notes');
        return Response.json(rows[0]);
      },
    };`;
  it('runs TypeScript, reports SQLSTATE and constraint, and starts each test from the lab’s rows', async () => {
    const requests: ApiTest[] = [
      {
        name: 'creates, then refuses a duplicate',
        steps: [
          {
            request: 'POST /notes',
            body: { body: 'second' },
            expect: { status: 201, headers: { location: '/notes/2' } },
            capture: { id: 'json id' },
          },
          {
            request: 'POST /notes',
            body: { body: 'second' },
            expect: { status: 409, json: { code: '23505', constraint: 'notes_body_key', name: 'DatabaseError' } },
          },
          get('/count', 200, { n: 2 }),
          {
            query: 'SELECT id FROM public.notes ORDER BY id',
            rows: [{ id: 1 }, { id: '${id}' }],
            message: 'Two notes.',
          },
        ],
      },
      { name: 'a new test sees only the lab’s rows', steps: [get('/count', 200, { n: 1 })] },
      {
        name: 'reads the lab clock and env',
        steps: [
          { advance: 90 },
          get('/clock', 200, {
            now: Date.parse('2026-03-01T12:01:30Z'),
            date: '2026-03-01T12:01:30.000Z',
            greeting: 'hi',
          }),
        ],
      },
    ];
    const run = await engines.run('db', lab(requests, { GREETING: 'hi' }), handler);
    expect(outcome(run)).toEqual([
      'pass: creates, then refuses a duplicate',
      'pass: a new test sees only the lab’s rows',
      'pass: reads the lab clock and env',
    ]);
    const exchange = run.checks[0]!.exchange!;
    // The test's own query of the data afterwards is not the handler's: only the handler's statements are shown.
    expect(exchange.queries.map((q) => q.sql)).toEqual(['SELECT count(*) AS n FROM notes']);
  });

  it('rolls back a transaction the handler leaves open, and fails the test', async () => {
    const open = `export default { async fetch(request, env) {
      await env.db.query('BEGIN');
      await env.db.query("INSERT INTO notes (body) VALUES ('half')");
      return new Response(null, { status: 204 });
    } };`;
    const requests: ApiTest[] = [
      { name: 'left open', steps: [{ request: 'POST /notes', expect: { status: 204 } }] },
      {
        name: 'nothing kept',
        steps: [
          { request: 'GET /', expect: { status: 204 } },
          {
            query: 'SELECT count(*)::int AS n FROM public.notes',
            rows: [{ n: 1 }],
            message: 'The half-done insert must not stay.',
          },
        ],
      },
    ];
    const run = await engines.run('open', lab(requests), open);
    expect(outcome(run)).toEqual([
      'fail: left open — Your handler returned with a transaction still open, so its work was rolled back: COMMIT (or ROLLBACK) before you answer.',
      'fail: nothing kept — Your handler returned with a transaction still open, so its work was rolled back: COMMIT (or ROLLBACK) before you answer.',
    ]);
  });
});

describe('a transaction is one connection, as on a real pool', () => {
  const requests: ApiTest[] = [
    {
      name: 'adds a note',
      steps: [
        { request: 'POST /notes', expect: { status: 201 } },
        { query: 'SELECT count(*)::int AS n FROM public.notes', rows: [{ n: 2 }], message: 'The note must stay.' },
      ],
    },
  ];
  const handler = (inside: string) => `export default { async fetch(request, env) {
    try {
      await env.db.transaction(async (tx) => { await ${inside}.query("INSERT INTO notes (body) VALUES ('second')"); });
      return new Response(null, { status: 201 });
    } catch (error) {
      return new Response(null, { status: 500 });
    }
  } };`;

  it("passes statements on the callback's client, and refuses env.db inside the callback, saying so even when caught", async () => {
    expect(outcome(await engines.run('pool', lab(requests), handler('tx')))).toEqual(['pass: adds a note']);
    const run = await engines.run('pool', lab(requests), handler('env.db'));
    expect(outcome(run)).toEqual([
      'fail: adds a note — POST /notes: Expected status 201, got 500 Internal Server Error.',
    ]);
    expect(run.checks[0]!.exchange!.logs).toEqual([
      expect.stringMatching(
        /^Refused: env\.db\.query was called inside env\.db\.transaction's callback\. On a real pool that takes another connection/,
      ),
    ]);
    // Refused before it reached the database: the transaction held only BEGIN, then rolled back.
    expect(run.checks[0]!.exchange!.queries.map((q) => q.sql)).toEqual(['BEGIN', 'ROLLBACK']);
  });
});

describe('nothing a run leaves behind reaches the next', () => {
  it('drops the schemas, roles, tables and settings a handler made', async () => {
    const spoil = `export default { async fetch(request, env) {
      for (const sql of ['CREATE SCHEMA leak', 'CREATE TABLE leak.t (x int)', 'CREATE ROLE leaker', 'CREATE TABLE extra (x int)',
        'CREATE TEMP TABLE notes (id int)', "SET search_path = leak", "ALTER TABLE public.notes ADD COLUMN spoiled int"]) await env.db.query(sql);
      return new Response(null, { status: 204 });
    } };`;
    const look = `export default { async fetch(request, env) {
      const { rows } = await env.db.query(\`SELECT
        (SELECT count(*) FROM pg_namespace WHERE nspname = 'leak')::int AS schemas,
        (SELECT count(*) FROM pg_roles WHERE rolname = 'leaker')::int AS roles,
        to_regclass('public.extra') IS NULL AS no_extra,
        current_setting('search_path') AS path,
        (SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes' AND column_name = 'spoiled')::int AS spoiled,
        (SELECT count(*) FROM notes)::int AS notes\`);
      return Response.json(rows[0]);
    } };`;
    const expected = { schemas: 0, roles: 0, no_extra: true, path: 'public', spoiled: 0, notes: 1 };
    const spec = lab([{ name: 'spoils', steps: [{ request: 'POST /', expect: { status: 204 } }] }]);
    expect(outcome(await engines.run('spoil', spec, spoil))).toEqual(['pass: spoils']);
    const after = lab([{ name: 'clean', steps: [get('/', 200, expected)] }]);
    expect(outcome(await engines.run('spoil', after, look))).toEqual(['pass: clean']);
  });
});

describe('the request panel', () => {
  const spec = lab([{ name: 'x', steps: [get('/')] }]);
  const code = `export default { async fetch(request, env) {
    if (request.method === 'POST') await env.db.query('INSERT INTO notes (body) VALUES ($1)', [await request.text()]);
    const { rows } = await env.db.query('SELECT body FROM notes ORDER BY id');
    return Response.json(rows.map((r) => r.body));
  } };`;
  const send = (method: string, body: string | null, reset = false) =>
    engines.send('panel', spec, code, { method, path: '/notes', headers: [], body } satisfies HttpRequestData, reset);
  it('keeps what requests write until it is reset, and shows the SQL', async () => {
    expect((await send('GET', null, true)).response?.body).toBe('["first"]');
    const posted = await send('POST', 'second');
    expect(posted.response?.body).toBe('["first","second"]');
    expect(posted.queries.map((q) => [q.sql, q.params])).toEqual([
      ['INSERT INTO notes (body) VALUES ($1)', ['"second"']],
      ['SELECT body FROM notes ORDER BY id', []],
    ]);
    expect((await send('GET', null, true)).response?.body).toBe('["first"]');
  });
});
