/**
 * The Python API runner, on the real engines in worker threads (Pyodide over PGlite): the learner's ASGI app gets a
 * uvicorn-like scope, the lab's secrets as os.environ, `scope["state"]["db"]` (asyncpg-shaped, its statements counted
 * like the JavaScript handler's) and `now()`; a broken ASGI conversation fails as the JavaScript runner's failures
 * do; a test's requests share the module, the next test does not; a stuck await is stopped at the request limit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { LabRun } from '../../../src/lib/labs/shared/lab-spec.ts';
import type { ApiStep, ApiTest } from '../../../src/lib/labs/api/api-spec.ts';
import { startLabEngines } from '../../../src/lib/labs-node/node-engines.ts';
import { ptBr } from '../../../src/i18n/dictionary/pt-br.ts';

const engines = startLabEngines();
afterAll(() => engines.close());

const lab = (requests: ApiTest[], env: Record<string, string> = {}) => ({
  language: 'http' as const,
  setup:
    "CREATE TABLE notes (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL UNIQUE, at timestamptz NOT NULL DEFAULT '2026-02-01T10:00:00Z'); INSERT INTO notes (body) VALUES ('first');",
  solution: '',
  env,
  clock: '2026-03-01T12:00:00Z',
  requests,
});
const outcome = (run: LabRun) => [
  ...(run.error ? [`error: ${run.error.message}${run.error.line ? ` (line ${run.error.line})` : ''}`] : []),
  ...run.checks.map((c) => `${c.passed ? 'pass' : 'fail'}: ${c.name}${c.message ? ` — ${c.message}` : ''}`),
];
const get = (path: string, status = 200, json?: unknown): ApiStep => ({
  request: `GET ${path}`,
  expect: { status, ...(json ? { json } : {}) },
});
const run = (code: string, requests: ApiTest[], env?: Record<string, string>) =>
  engines.run('py', lab(requests, env), code, 'python');
const one = (code: string, step = get('/')) => run(code, [{ name: 'one', steps: [step] }]);

describe('an ASGI app answers the hidden requests', { timeout: 180_000 }, () => {
  it('says what a server would refuse in the page’s language, when the page gives its words', async () => {
    const app = 'async def app(scope, receive, send):\n    return None\n';
    const said = await engines.run('py', lab([{ name: 'um', steps: [get('/')] }]), app, 'python', ptBr.apiRun);
    expect(outcome(said)).toEqual([
      "fail: um — GET / não recebeu resposta: Seu app retornou sem resposta: await send({'type': 'http.response.start', ...}) e depois envie o corpo.",
    ]);
  });

  it('gets the request as uvicorn would give it, the secrets as os.environ and the lab clock as now()', async () => {
    const app = `
import os
from asgi_json import read_json, send_json
async def app(scope, receive, send):
    body = await read_json(receive)
    headers = dict(scope["headers"])
    await send_json(send, 200, {
        "method": scope["method"], "path": scope["path"], "query": scope["query_string"].decode(),
        "type": headers[b"content-type"].decode(), "body": body, "secret": os.environ["SECRET"],
        "now": scope["state"]["now"]().isoformat(),
    }, headers=[("X-Seen", "yes")])
`;
    const step: ApiStep = {
      request: 'POST /a%20b?x=1',
      body: { n: 1 },
      expect: {
        status: 200,
        headers: { 'x-seen': 'yes', 'content-type': 'application/json' },
        json: {
          method: 'POST',
          path: '/a b',
          query: 'x=1',
          type: 'application/json',
          body: { n: 1 },
          secret: 's3',
          now: '2026-03-01T12:01:30+00:00',
        },
      },
    };
    expect(outcome(await run(app, [{ name: 'seen', steps: [{ advance: 90 }, step] }], { SECRET: 's3' }))).toEqual([
      'pass: seen',
    ]);
  });

  it('fails what a server would refuse, in the words of the JavaScript runner', async () => {
    const start = `await send({"type": "http.response.start", "status": 200, "headers": []})`;
    const cases: [string, RegExp][] = [
      [`    raise ValueError("boom")`, /^fail: one — GET \/ got no response: ValueError: boom$/],
      [`    return None`, /got no response: Your app returned without a response/],
      [`    ${start}\n    ${start}`, /got no response: The response was started twice/],
      [
        `    ${start}\n    await send({"type": "http.response.body", "body": b"a"})\n    await send({"type": "http.response.body", "body": b"b"})`,
        /got no response: A body came after the response ended/,
      ],
      [`    ${start}\n    await send({"type": "http.response.body", "body": "text"})`, /The body must be bytes/],
      [
        `    ${start}\n    await send({"type": "http.response.body", "body": b"a", "more_body": True})`,
        /returned before the response ended/,
      ],
      [`    await send({"type": "http.response.body", "body": b"a"})`, /came before http.response.start/],
    ];
    for (const [body, said] of cases) {
      const result = await one(`async def app(scope, receive, send):\n${body}\n`);
      expect(outcome(result).join('\n')).toMatch(said);
    }
    const plain = await one('def app(scope, receive, send):\n    return 1\n');
    expect(outcome(plain).join('\n')).toMatch(/app must be an async function/);
    const none = await one('handler = 1\n');
    expect(outcome(none).join('\n')).toMatch(/Define your app at the top level/);
  });

  it('points at the learner’s line, and reports a syntax error before any request', async () => {
    const result = await one('async def app(scope, receive, send):\n    x = {}\n    return x["missing"]\n');
    const error = result.checks[0]!.exchange!.error!;
    expect([error.code, error.line, error.detail]).toEqual([
      'KeyError',
      3,
      expect.stringContaining('line 3, in app\n    return x["missing"]'),
    ]);
    expect(error.detail).not.toMatch(/asgi_host|_atlas/);
    expect(outcome(await one('async def app(scope, receive, send)\n    pass\n'))).toEqual([
      "error: SyntaxError: expected ':' (line 1)",
    ]);
  });

  it('stops an await that never finishes at the request limit', async () => {
    const started = Date.now();
    const result = await run(
      'import asyncio\nasync def app(scope, receive, send):\n    await asyncio.Event().wait()\n',
      [
        { name: 'one', steps: [get('/')] },
        { name: 'two', steps: [get('/')] },
      ],
    );
    expect(outcome(result)).toEqual([
      'fail: one — GET / was stopped before it answered.',
      'fail: two — An earlier request was stopped.',
    ]);
    expect(Date.now() - started).toBeLessThan(6000);
  });

  // The host's own imports sit in the guard's baseline: one the restore dropped after each request was imported
  // anew for the next (urllib.parse in scope_of), which cost every request about 80 CPU-ms in Pyodide.
  it('keeps the modules the host imports from one request to the next, importing nothing anew', async () => {
    const app = `
import sys
from asgi_json import send_json
seen = []
async def app(scope, receive, send):
    seen.append(id(sys.modules.get("urllib.parse")))
    await send_json(send, 200, {"modules": len(set(seen)), "requests": len(seen)})
`;
    const steps = [get('/'), get('/'), get('/', 200, { modules: 1, requests: 3 })];
    expect(outcome(await run(app, [{ name: 'three', steps }]))).toEqual(['pass: three']);
  });
});

describe('scope["state"]["db"] is an asyncpg-shaped connection on the lab’s Postgres', { timeout: 180_000 }, () => {
  const app = `
import asyncpg
from asgi_json import read_json, send_json
async def app(scope, receive, send):
    db = scope["state"]["db"]
    if scope["method"] == "POST":
        body = await read_json(receive)
        try:
            async with db.transaction():
                row = await db.fetchrow("INSERT INTO notes (body) VALUES ($1) RETURNING id, body", body["body"])
                if body.get("fail"):
                    raise RuntimeError("undo")
        except asyncpg.UniqueViolationError as e:
            return await send_json(send, 409, {"state": e.sqlstate, "constraint": e.constraint_name})
        except RuntimeError:
            return await send_json(send, 500, {"n": await db.fetchval("SELECT count(*) FROM notes")})
        return await send_json(send, 201, {"id": row["id"], "body": row[1]})
    row = await db.fetchrow("SELECT count(*) AS n, max(at) AS at FROM notes")
    print("counted", row["n"])
    await send_json(send, 200, {"n": row["n"], "at": row["at"].isoformat(), "status": await db.execute("UPDATE notes SET body = body")})
`;
  it('runs statements, transactions and asyncpg errors, counted like the JavaScript handler’s', async () => {
    const result = await run(app, [
      {
        name: 'writes and refuses',
        steps: [
          { request: 'POST /', body: { body: 'second' }, expect: { status: 201, json: { id: 2, body: 'second' } } },
          {
            request: 'POST /',
            body: { body: 'second' },
            expect: { status: 409, json: { state: '23505', constraint: 'notes_body_key' } },
          },
          { request: 'POST /', body: { body: 'third', fail: true }, expect: { status: 500, json: { n: 2 } } },
          {
            request: 'GET /',
            expect: { status: 200, json: { n: 2, at: '2026-02-01T10:00:00+00:00', status: 'UPDATE 2' } },
          },
        ],
      },
      { name: 'counts statements', steps: [{ request: 'GET /', expect: { maxQueries: 1 } }] },
    ]);
    expect(outcome(result)).toEqual([
      'pass: writes and refuses',
      'fail: counts statements — GET /: The request ran 2 SQL statements; at most 1 is allowed.',
    ]);
    expect(result.checks[0]!.exchange!.logs).toEqual(['counted 2']);
  });
});

describe('what an app keeps', { timeout: 180_000 }, () => {
  it('shares module state between a test’s requests, as one server process would, and never with the next test', async () => {
    const app = `
from asgi_json import send_json
seen = []
async def app(scope, receive, send):
    seen.append(scope["path"])
    await send_json(send, 200, seen)
`;
    const result = await run(app, [
      { name: 'one', steps: [get('/a', 200, ['/a']), get('/b', 200, ['/a', '/b'])] },
      { name: 'two', steps: [get('/c', 200, ['/c'])] },
    ]);
    expect(outcome(result)).toEqual(['pass: one', 'pass: two']);
  });

  it('undoes patched builtins, new modules and os.environ after each test', async () => {
    const app = `
import builtins, os, sys
from asgi_json import send_json
async def app(scope, receive, send):
    found = {"len": builtins.len is not print, "mod": "leaked" in sys.modules, "env": os.environ.get("LEAK")}
    builtins.len = print
    sys.modules["leaked"] = sys
    os.environ["LEAK"] = "yes"
    await send_json(send, 200, found)
`;
    const clean = { len: true, mod: false, env: null };
    const result = await run(app, [
      { name: 'one', steps: [get('/', 200, clean)] },
      { name: 'two', steps: [get('/', 200, clean)] },
    ]);
    expect(outcome(result)).toEqual(['pass: one', 'pass: two']);
  });
});
