/**
 * The Python database labs' database behind a MessageChannel, as the page runs it in a worker of its own: the
 * driver's requests, resets and rollbacks cross the channel, and an engine that lost its end (a Python worker ended
 * after a runaway loop) reaches the same database through a new channel.
 */
import { PGlite } from '@electric-sql/pglite';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, expect, it } from 'vitest';
import { pgliteDatabases } from '../../../src/lib/labs/pglite-databases.ts';
import { localBackend } from '../../../src/lib/labs/python-db.ts';
import { backendOverPort, type PortLike, serveBackend } from '../../../src/lib/labs/python-db-port.ts';

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
