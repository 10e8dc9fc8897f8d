/**
 * The API-and-data-model step's checker (src/lib/labs/design/grading/api-model.ts): routes by method and shape,
 * tables by the unique key or index the task needs, read from the SQL a learner writes their own way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkApiModel, readTables, type ApiModelSpec } from '../../../src/lib/labs/design/index.ts';

const spec: ApiModelSpec = {
  routes: [
    { route: 'POST /links|urls', need: 'a route that creates a short link' },
    { route: 'GET|HEAD /:code', need: 'a route that follows a short link' },
  ],
  tables: [
    { table: 'links|urls', key: 'code|slug', need: 'a table whose code is unique' },
    { table: 'messages', index: 'conversation_id, created_at|id', need: 'an index for a conversation in order' },
  ],
};
const met = (routes: string, sql: string) => {
  const verdict = checkApiModel(spec, routes, sql);
  return [...verdict.routes, ...verdict.tables].map((v) => v.met !== undefined);
};

describe('routes', () => {
  it('meets a route by method and shape, whatever the parameter is called, after an /api or /v1 prefix', () => {
    expect(met('POST /api/v1/Links  {"url": "…"} → 201\nGET /{slug}', '')).toEqual([true, true, false, false]);
    expect(met('post /url\nHEAD /<code>?x=1', '')).toEqual([true, true, false, false]);
  });

  it('meets the words and parameters in order, with other segments around them', () => {
    expect(met('POST /v2/short-links/batch\nGET /s/:slug/stats', '').slice(0, 2)).toEqual([true, true]);
  });

  it('does not meet a route of another method, without the parameter, or without the words', () => {
    expect(met('PUT /links\nGET /links\nGET /', '')).toEqual([false, false, false, false]);
    expect(met('POST /shorten', '')[0]).toBe(false);
  });
});

describe('tables', () => {
  it('reads a key declared inline, as a table constraint, by a unique index or by ALTER TABLE', () => {
    const ways = [
      'CREATE TABLE links (code text PRIMARY KEY, long_url text NOT NULL)',
      'create table if not exists public."Links" (code text not null, url text, constraint links_pk primary key (code));',
      'CREATE TABLE urls (id bigint GENERATED ALWAYS AS IDENTITY, slug text NOT NULL);\nCREATE UNIQUE INDEX ON urls (slug);',
      'CREATE TABLE links (id bigint, code text);\nALTER TABLE links ADD CONSTRAINT links_code_key UNIQUE (code);',
      'CREATE TABLE links (code varchar(12) UNIQUE NOT NULL CHECK (length(code) > 3), -- the short code\n url text)',
    ];
    for (const sql of ways) expect(met('', sql)[2], sql).toBe(true);
  });

  it('does not count a plain index as a key, a key on other columns, or a wider key as a narrower one', () => {
    const wrong = [
      'CREATE TABLE links (id bigint PRIMARY KEY, code text);\nCREATE INDEX ON links (code);',
      'CREATE TABLE links (code text, owner bigint, PRIMARY KEY (owner, code))',
      'CREATE TABLE clicks (code text PRIMARY KEY)',
      'CREATE TABLE links (code text)',
    ];
    for (const sql of wrong) expect(met('', sql)[2], sql).toBe(false);
  });

  it('meets an index by its leading columns, in order, a primary key or unique constraint included', () => {
    const good = [
      'CREATE TABLE messages (conversation_id bigint, id bigint, body text, PRIMARY KEY (conversation_id, id))',
      'CREATE TABLE messages (id bigint PRIMARY KEY, conversation_id bigint, created_at timestamptz);\nCREATE INDEX messages_by_conversation ON messages USING btree (conversation_id, created_at DESC, id);',
    ];
    for (const sql of good) expect(met('', sql)[3], sql).toBe(true);
    const bad = [
      'CREATE TABLE messages (id bigint PRIMARY KEY, conversation_id bigint, created_at timestamptz);\nCREATE INDEX ON messages (created_at, conversation_id);',
      'CREATE TABLE messages (id bigint PRIMARY KEY, conversation_id bigint);\nCREATE INDEX ON messages (conversation_id);',
    ];
    for (const sql of bad) expect(met('', sql)[3], sql).toBe(false);
  });

  it('names what it could not read, and never throws on anything typed', () => {
    const sql = "CREATE TYPE state AS ENUM ('a'); CREATE VIEW v AS SELECT 1; DROP TABLE x; CRATE TABLE y (a int)";
    expect(checkApiModel(spec, '', sql).unread).toEqual(['DROP TABLE x', 'CRATE TABLE y (a int)']);
    expect(readTables('CREATE TABLE broken (a int').tables.get('broken')?.keys).toEqual([]);
    fc.assert(
      fc.property(fc.string(), fc.string(), (routes, sql) => {
        const verdict = checkApiModel(spec, routes, sql);
        expect(verdict.routes).toHaveLength(2);
      }),
    );
  });
});

it('meets a need by any of its shapes', () => {
  const feed: ApiModelSpec = {
    routes: [{ route: 'GET /feed|timeline, GET /users|me/:id/feed', need: 'a route that reads a timeline' }],
    tables: [],
  };
  const met = (routes: string) => checkApiModel(feed, routes, '').routes[0]!.met;
  expect([met('GET /timeline'), met('GET /users/42/feed'), met('GET /users/me'), met('POST /feed')]).toEqual([
    'GET /timeline',
    'GET /users/42/feed',
    undefined,
    undefined,
  ]);
});

it('meets a name by one of its words, but a short word only whole, and a key scoped by an optional column', () => {
  const scoped: ApiModelSpec = {
    routes: [],
    tables: [
      { table: '*', key: 'caller|client?, idempotency|dedupe', need: 'a request cannot be made twice' },
      { table: 'videos', key: 'id', need: 'one row a video' },
    ],
  };
  const met = (sql: string) => checkApiModel(scoped, '', sql).tables.map((v) => v.met !== undefined);
  expect(met('CREATE TABLE sends (id int PRIMARY KEY, dedupeKey text UNIQUE)')).toEqual([true, false]);
  expect(met('CREATE TABLE sends (client_id int, idempotency_key text, UNIQUE (client_id, idempotency_key))')).toEqual([
    true,
    false,
  ]);
  // A key wider than the need by a column the pattern does not allow keeps no request from being made twice alone.
  expect(met('CREATE TABLE sends (day date, idem_key text, PRIMARY KEY (day, idem_key))')).toEqual([false, false]);
  // "id" must be the whole name: a video's owner is not its id.
  expect(met('CREATE TABLE video_files (user_id int PRIMARY KEY)')).toEqual([false, false]);
  expect(met('CREATE TABLE video (id uuid PRIMARY KEY)')).toEqual([false, true]);
});
