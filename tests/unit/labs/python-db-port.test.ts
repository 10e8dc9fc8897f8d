/**
 * The Python database labs' database behind a MessageChannel, as the page runs it in a worker of its own: the
 * driver's requests, resets and rollbacks cross the channel, and an engine that lost its end (a Python worker ended
 * after a runaway loop) reaches the same database through a new channel. An API lab's engine opens its databases
 * across one too.
 */
import { PGlite } from '@electric-sql/pglite';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, expect, it } from 'vitest';
import { pgliteDatabases } from '../../../src/lib/labs/pglite-databases.ts';
import {
  answerDriver,
  localBackend,
  type PythonDatabase,
  type PythonDbBackend,
} from '../../../src/lib/labs/python/python-db.ts';
import {
  backendOverPort,
  databasesOverPort,
  holdSetupWhileBusy,
  type PortLike,
  serveBackend,
  serveDatabases,
  trackedPort,
} from '../../../src/lib/labs/python/python-db-port.ts';
import type { WorkerReply } from '../../../src/lib/labs/shared/worker-protocol.ts';

const open = await pgliteDatabases((options) => PGlite.create(options));
const backend = localBackend(open);
const channels: MessageChannel[] = [];
const connect = () => {
  const channel = new MessageChannel();
  channels.push(channel);
  serveBackend(channel.port1 as unknown as PortLike, backend);
  return backendOverPort(channel.port2 as unknown as PortLike);
};
afterAll(() => channels.forEach((c) => (c.port1.close(), c.port2.close())));

it('answers the driver, resets and rolls back across the channel, and keeps the database for a new channel', async () => {
  const first = connect();
  await first.reset('CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)');
  expect(JSON.parse(await first.answer('query', 'INSERT INTO t VALUES ($1)', '[2]'))).toMatchObject({
    status: 'INSERT 0 1',
    inTransaction: false,
  });
  await first.answer('script', 'BEGIN; INSERT INTO t VALUES (3)', '[]');
  await first.rollback();
  const second = connect();
  const counted = JSON.parse(await second.answer('query', 'SELECT count(*) AS n FROM t', '[]')) as {
    rows: unknown[][];
  };
  expect(counted.rows).toEqual([['2']]);
  expect(JSON.parse(await second.answer('query', 'INSERT INTO t VALUES (1)', '[]'))).toMatchObject({
    error: { code: '23505' },
  });
  await second.reset('CREATE TABLE t (id int)');
  expect(JSON.parse(await second.answer('query', 'SELECT count(*) FROM t', '[]'))).toMatchObject({ rows: [['0']] });
  await expect(second.reset('CREATE TABLE broken (')).rejects.toThrow(/syntax error/);
});

it("opens an API lab's databases across the channel: the tests' rows, the driver's, Postgres's errors, renew", async () => {
  const channel = new MessageChannel();
  channels.push(channel);
  const served = serveDatabases(channel.port1 as unknown as PortLike, open);
  const db = await databasesOverPort(channel.port2 as unknown as PortLike)();
  await db.exec(
    "CREATE TABLE t (id int PRIMARY KEY, due date, at timestamp); INSERT INTO t VALUES (1, '2026-01-15', '2026-01-15 10:00')",
  );
  // The hidden tests read rows as node-postgres does (pglite-databases.ts), the driver as arrays of text.
  expect((await db.query('SELECT * FROM t', [])).rows).toEqual([
    { id: 1, due: '2026-01-15', at: new Date('2026-01-15T10:00:00Z') },
  ]);
  const driver = JSON.parse(
    await answerDriver(db as unknown as PythonDatabase)('query', 'SELECT id, at FROM t WHERE id = $1', '[1]'),
  ) as {
    rows: unknown[][];
  };
  expect(driver.rows).toEqual([[1, '2026-01-15 10:00:00']]);
  await expect(db.query('INSERT INTO t VALUES (1)', [])).rejects.toMatchObject({ code: '23505', table: 't' });
  await db.exec('BEGIN');
  expect(await db.inTransaction()).toBe(true);
  await db.renew();
  expect(await db.inTransaction()).toBe(false);
  expect((await db.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 't'", [])).rows).toEqual([
    { n: 0 },
  ]);
  // The engine was ended: what it opened is closed, and a call on it says so.
  await served.close();
  await expect(db.exec('SELECT 1')).rejects.toThrow(/closed/);
});

it("holds a set-up while a learner's statement still holds the database, tells the host what runs, and keeps the replies' order", async () => {
  let finish = () => {};
  const slow: PythonDbBackend = {
    answer: (_mode, sql) =>
      sql.includes('pg_sleep')
        ? new Promise((resolve) => (finish = () => resolve('{"rows":[],"inTransaction":false}')))
        : Promise.resolve('{"rows":[],"inTransaction":false}'),
    rollback: () => Promise.resolve(),
    reset: () => Promise.resolve(),
    discard: () => Promise.resolve(),
  };
  const channel = new MessageChannel();
  channels.push(channel);
  serveBackend(channel.port1 as unknown as PortLike, slow);
  const calls = trackedPort(channel.port2 as unknown as PortLike);
  const driver = backendOverPort(calls);
  const told: WorkerReply[] = [];
  const replies = holdSetupWhileBusy({ post: (reply) => told.push(reply), onRequest: () => {} }, () => calls);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  // Idle: replies go straight through, at once: a learner's loop that never yields runs right after a `started`.
  replies.post({ type: 'setup', id: 1 });
  replies.post({ type: 'started', id: 1 });
  expect(told).toEqual([
    { type: 'setup', id: 1 },
    { type: 'started', id: 1 },
  ]);
  told.length = 1;

  const sleeping = driver.answer('query', '  SELECT pg_sleep(30)\n', '[]');
  await driver.answer('query', 'SELECT 1', '[]');
  expect(calls.running()).toEqual(['SELECT pg_sleep(30)']);
  replies.post({ type: 'setup', id: 2 });
  replies.post({ type: 'started', id: 2 });
  await settle();
  expect(told.slice(1)).toEqual([{ type: 'waiting', id: 2, statement: 'SELECT pg_sleep(30)' }]);

  finish();
  await sleeping;
  await settle();
  expect(calls.running()).toEqual([]);
  expect(told.slice(2)).toEqual([
    { type: 'setup', id: 2 },
    { type: 'started', id: 2 },
  ]);
});
