/**
 * What an API lab's handler gets, in each language it may be written in, as the page lists it beside the editor
 * (ApiEnv.astro) and says under it: one home for that text. In JavaScript and TypeScript, `env`: what the sandbox
 * (api-sandbox.ts) builds; a unit test reads the `env` the sandbox really hands a handler and requires the same
 * members. In Python, an ASGI app's `scope`, `receive` and `send`, its lifespan state and the asgi_json helpers
 * (src/lib/labs/python/asgi_host.py, asgi_json.py); a unit test requires every helper's signature as written there.
 */

import { fill } from '../../../core/format/fill.ts';

/** One member of `env` as the learner reads it. */
export interface EnvMember {
  /** Its path under env: "db.query", "now", "JWT_SECRET". */
  name: string;
  /** How it is called or read, with what it returns. */
  signature: string;
  /** What it does, in a sentence. */
  meaning: string;
}

/**
 * What each member means, and what the page says under the editor, in English: the dictionary's `lab.env`
 * (src/i18n/dictionary/), where a page in another language finds its own. Keyed by member; {name} slots filled here.
 */
export const API_ENV_WORDS = {
  dbQuery:
    "Runs one SQL statement on the lab's Postgres, with $1, $2 … bound to params; rows are objects keyed by column name. A failing statement rejects with an error carrying the code, detail and constraint that Postgres reports.",
  dbTransaction:
    "Runs your function between BEGIN and COMMIT, passing it tx, the transaction's own client: run its statements with tx.query. env.db.query inside the function is refused, as on a real pool it would take another connection, outside the transaction. If the function throws, it rolls back and the promise rejects.",
  now: "The lab's clock, in milliseconds since 1970; Date.now() and new Date() read it too, and tests move it on.",
  setting: 'A setting of this lab: "{value}".',
  scope:
    'The request, as uvicorn hands it over: the method in capitals, the path percent-decoded (raw_path keeps it as sent), the query string as bytes (urllib.parse.parse_qs reads it), and the headers as a list of (name, value) byte pairs with lower-case names.',
  receive: 'The request body, as bytes, in one event.',
  send: 'Starts the response: once, before the body, with an int status and the headers as (name, value) byte pairs. Then await send({"type": "http.response.body", "body": b"…"}) with the body as bytes; returning before it is a failed request.',
  sendJson:
    'From asgi_json: both events at once, body as JSON (json.dumps) with Content-Type application/json unless your headers name one; headers as (name, value) pairs of str. read_json(receive) and read_body(receive) read the request the same way.',
  db: "An asyncpg-style connection on the lab's Postgres: fetch, fetchrow, fetchval and execute, arguments as $1, $2 …, and async with db.transaction(): around statements that stand or fall together. A failing statement raises an asyncpg exception (import asyncpg for the classes) carrying Postgres's sqlstate, detail and constraint_name. A row is a Record: row['name'], or dict(row). Columns come as asyncpg gives them: numeric as Decimal, timestamptz as an aware datetime, json and jsonb as text; json.dumps (and so send_json) takes none of the first two, so turn them into str or int first (.isoformat()).",
  clock: "The lab's clock, an aware UTC datetime; tests move it on.",
  print: 'Writes to the log shown beside each request: where an error belongs, since the response body is public.',
  environ: "The lab's settings: {names}.",
  runPython:
    'Your draft is kept in this browser as you type. Your module is loaded once for each hidden test and kept for its requests, as one server process keeps it, so a module-level variable lasts that test and no longer. A request is stopped after {request} seconds; a whole check after {check}, or at once with Stop.',
  runJavascript:
    'Your draft is kept in this browser as you type. Each request loads your module afresh, as a serverless platform may, so a module-level variable is empty every time. A request is stopped after {request} seconds; a whole check after {check}, or at once with Stop.',
};
export type ApiEnvWords = { readonly [K in keyof typeof API_ENV_WORDS]: string };

/** What every API lab's `env` offers, whatever the lab, in `words`' language. */
const envMembersOf = (words: ApiEnvWords): readonly EnvMember[] => [
  {
    name: 'db.query',
    signature: 'env.db.query(sql, params?) → Promise<{ rows, rowCount, fields }>',
    meaning: words.dbQuery,
  },
  {
    name: 'db.transaction',
    signature: 'env.db.transaction(async (tx) => …) → Promise<what your function returns>',
    meaning: words.dbTransaction,
  },
  { name: 'now', signature: 'env.now() → number', meaning: words.now },
];

/** What every API lab's `env` offers, in English. */
export const ENV_MEMBERS = envMembersOf(API_ENV_WORDS);

/** Characters of a setting's value shown beside its name. */
const SHOWN_VALUE = 60;

/** The members of one lab's `env`: the common ones, then each of the lab's settings, a string. */
export function envMembers(settings: Record<string, string>, words: ApiEnvWords = API_ENV_WORDS): EnvMember[] {
  const own = Object.entries(settings).map(([name, value]) => ({
    name,
    signature: `env.${name} → string`,
    meaning: fill(words.setting, { value: value.length > SHOWN_VALUE ? `${value.slice(0, SHOWN_VALUE)}…` : value }),
  }));
  return [...envMembersOf(words), ...own];
}

/** What an ASGI app in a Python API lab gets, in Python's words, whatever the lab (content/README.md, "API labs in Python"). */
const pythonMembersOf = (words: ApiEnvWords): readonly EnvMember[] => [
  {
    name: 'scope',
    signature: 'scope["method"], scope["path"], scope["query_string"], scope["headers"]',
    meaning: words.scope,
  },
  {
    name: 'receive',
    signature: 'await receive() → {"type": "http.request", "body": b"…", "more_body": False}',
    meaning: words.receive,
  },
  {
    name: 'send',
    signature: 'await send({"type": "http.response.start", "status": 201, "headers": [(b"location", b"/books/7")]})',
    meaning: words.send,
  },
  {
    name: 'send_json',
    signature: 'await send_json(send, status, body, headers=())',
    meaning: words.sendJson,
  },
  {
    name: 'db',
    signature: 'await scope["state"]["db"].fetch(sql, *args) → list of Record',
    meaning: words.db,
  },
  {
    name: 'now',
    signature: 'scope["state"]["now"]() → datetime',
    meaning: words.clock,
  },
  {
    name: 'print',
    signature: 'print(…)',
    meaning: words.print,
  },
];

/** What a Python app gets: the ASGI calls and the lab's state, then the lab's settings, read where settings libraries read them. */
export function pythonAppMembers(settings: Record<string, string>, words: ApiEnvWords = API_ENV_WORDS): EnvMember[] {
  const names = Object.keys(settings);
  const own = names.length
    ? [
        {
          name: 'os.environ',
          signature: 'os.environ["NAME"] → str',
          meaning: fill(words.environ, { names: names.join(', ') }),
        },
      ]
    : [];
  return [...pythonMembersOf(words), ...own];
}

/** How an API lab runs the learner's code, said under the editor in the language being written. */
export function apiRunNote(
  runtime: 'javascript' | 'python',
  requestSeconds: number,
  checkSeconds: number,
  words: ApiEnvWords = API_ENV_WORDS,
): string {
  return fill(runtime === 'python' ? words.runPython : words.runJavascript, {
    request: requestSeconds,
    check: checkSeconds,
  });
}
