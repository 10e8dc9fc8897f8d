/**
 * The schedule requests sent at once run on (src/lib/labs/api/api-interleave.ts), on a real PGlite: statements alternate
 * A, B, A, B at statement boundaries, always in the same order; a check-then-insert inserts twice, as it would on two
 * connections under READ COMMITTED, while INSERT … ON CONFLICT and a unique constraint keep one row; a transaction
 * is never split by the other request's statements; one left open is rolled back before the other goes on.
 */
import { PGlite } from '@electric-sql/pglite';
import { clusterBlob } from '../../../src/lib/labs/database/pglite-cluster.ts';
import { emptyClusterBytes } from '../../../src/lib/labs-node/empty-cluster.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendAtOnce } from '../../../src/lib/labs/api/api-concurrent.ts';
import { Interleaving, type SessionDatabase } from '../../../src/lib/labs/api/api-interleave.ts';
import type { HttpExchange, HttpRequestData } from '../../../src/lib/labs/shared/lab-spec.ts';

let pg: PGlite;
const session = (): SessionDatabase => ({
  query: (sql, params) => pg.query<Record<string, unknown>>(sql, params),
  exec: (sql) => pg.exec(sql),
  inTransaction: () => pg.isInTransaction(),
});

beforeAll(async () => {
  // The build's empty cluster, as the lab engines start: initdb would take seconds.
  pg = await PGlite.create({ loadDataDir: (await clusterBlob(emptyClusterBytes))! });
}, 60_000);
afterAll(() => pg.close());
beforeEach(async () => {
  await pg.exec(
    'DROP TABLE IF EXISTS signups; CREATE TABLE signups (id int GENERATED ALWAYS AS IDENTITY, email text NOT NULL)',
  );
});

/** A handler as the schedule sees it: `work` runs its statements on the session the request sees. */
type Handler = (db: SessionDatabase, name: string) => Promise<unknown>;

/** Runs `handlers` at once; what each answered (or the error it threw), the order of statements, open transactions. */
async function atOnce(...handlers: Handler[]) {
  const requests: HttpRequestData[] = handlers.map((_, i) => ({
    method: 'POST',
    path: `/${i}`,
    headers: [],
    body: null,
  }));
  const answers: unknown[] = [];
  const result = await sendAtOnce(session(), requests, async (request, db) => {
    const i = Number(request.path.slice(1));
    const exchange: HttpExchange = { request, queries: [], logs: [] };
    answers[i] = await handlers[i]!(db, String.fromCharCode(65 + i)).catch((error: Error) => error.message);
    return exchange;
  });
  const order = result.order.map(({ request, statement }) => `${String.fromCharCode(65 + request)}${statement + 1}`);
  return { answers, order, leftOpen: result.leftOpen };
}

const count = async () => (await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM signups')).rows[0]!.n;

/** Looks for the email, and inserts it when it is not there: two statements, a window between them. */
const checkThenInsert: Handler = async (db) => {
  const { rows } = await db.query('SELECT id FROM signups WHERE email = $1', ['ada@example.com']);
  if (rows.length) return 'taken';
  await db.query('INSERT INTO signups (email) VALUES ($1)', ['ada@example.com']);
  return 'created';
};

describe('requests sent at once', () => {
  it('alternate at statement boundaries, A first, the same order every time', async () => {
    const three: Handler = async (db, name) => {
      for (let i = 0; i < 3; i++) await db.query('SELECT $1::text', [name]);
    };
    const twice: Handler = async (db, name) => {
      // Work before and between statements, however long, does not change whose turn it is.
      await new Promise((resolve) => setTimeout(resolve, 30));
      await db.query('SELECT $1::text', [name]);
      await Promise.resolve();
      await db.query('SELECT $1::text', [name]);
    };
    for (let run = 0; run < 3; run++) {
      const { order } = await atOnce(three, twice);
      expect(order).toEqual(['A1', 'B1', 'A2', 'B2', 'A3']);
    }
  });

  it('let a check-then-insert insert twice, as two connections would', async () => {
    const { answers, order } = await atOnce(checkThenInsert, checkThenInsert);
    expect(order).toEqual(['A1', 'B1', 'A2', 'B2']);
    expect(answers).toEqual(['created', 'created']);
    expect(await count()).toBe(2);
  });

  it('keep one row with INSERT … ON CONFLICT, or with a unique constraint', async () => {
    await pg.exec('ALTER TABLE signups ADD UNIQUE (email)');
    const upsert: Handler = async (db) => {
      const { rows } = await db.query(
        'INSERT INTO signups (email) VALUES ($1) ON CONFLICT (email) DO NOTHING RETURNING id',
        ['ada@example.com'],
      );
      return rows.length ? 'created' : 'taken';
    };
    expect((await atOnce(upsert, upsert)).answers).toEqual(['created', 'taken']);
    expect(await count()).toBe(1);
    await pg.exec('TRUNCATE signups');
    const { answers } = await atOnce(checkThenInsert, checkThenInsert);
    expect(answers).toEqual(['created', expect.stringMatching(/duplicate key/)]);
    expect(await count()).toBe(1);
  });

  it('never split a transaction: the other request waits for its COMMIT', async () => {
    const inTransaction: Handler = async (db) => {
      await db.exec('BEGIN');
      const answer = await checkThenInsert(db, '');
      await db.exec('COMMIT');
      return answer;
    };
    const { answers, order } = await atOnce(inTransaction, checkThenInsert);
    expect(order).toEqual(['A1', 'A2', 'A3', 'A4', 'B1']);
    expect(answers).toEqual(['created', 'taken']);
    expect(await count()).toBe(1);
  });

  it('roll back a transaction a request answered with, before the other goes on', async () => {
    const leaves: Handler = async (db) => {
      await db.exec('BEGIN');
      await db.query('INSERT INTO signups (email) VALUES ($1)', ['ada@example.com']);
      expect(db.inTransaction()).toBe(true);
      return 'left open';
    };
    const { answers, leftOpen } = await atOnce(leaves, checkThenInsert);
    expect(leftOpen).toEqual([true, false]);
    expect(answers).toEqual(['left open', 'created']);
    expect(pg.isInTransaction()).toBe(false);
    expect(await count()).toBe(1);
  });

  it('refuse the statements of a request that is over', async () => {
    const schedule = new Interleaving(session(), 1);
    const db = schedule.database(0);
    const late = db.query('SELECT 1', []);
    schedule.finish(0);
    await expect(late).rejects.toThrow(/over before this statement/);
  });
});
