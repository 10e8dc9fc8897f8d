/**
 * Requests of one API test sent at once (a `concurrent` step, api-concurrent.ts) share the lab's one PGlite session,
 * so their statements are interleaved here, at statement boundaries, on a fixed schedule: every request runs until
 * it asks for its next statement (or answers); once none is running, the next request in turn after the one that
 * ran last (A, B, A, B …) runs its next statement. A check-then-insert therefore meets the other request's check
 * between its own two statements, as it would on two connections under READ COMMITTED.
 *
 * One session cannot hold two open transactions, so a request whose statement leaves a transaction open keeps the
 * session: its statements alone run until that transaction ends (`env.db.transaction` runs to its end before the
 * other request's next statement). A request that answers with its transaction still open has it rolled back here,
 * before anyone else runs, and is marked `leftOpen`.
 */
import type { ApiDatabase } from './api-queries.ts';

/** What the scheduler needs of the session: PGlite's query, exec and transaction state. */
export interface SessionDatabase extends ApiDatabase {
  inTransaction(): boolean | Promise<boolean>;
}

/** One statement a request runs, where the schedule put it: which request, and its how-manieth statement. */
export interface ScheduledStatement {
  request: number;
  statement: number;
}

interface Waiting {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The schedule of one concurrent step: requests numbered 0, 1 … in the order the test lists them. */
export class Interleaving {
  /** The statements in the order the session ran them. */
  readonly order: ScheduledStatement[] = [];
  private readonly queues: Waiting[][];
  /** Started, or answered a statement, and not yet asking for another nor finished. */
  private readonly running: boolean[];
  private readonly finished: boolean[];
  private readonly statements: number[];
  private readonly open: boolean[];
  /** The request whose transaction is open, which keeps the session until it ends. */
  private holder: number | undefined;
  private last = -1;
  private busy = false;

  private readonly db: SessionDatabase;

  constructor(db: SessionDatabase, requests: number) {
    this.db = db;
    const each = <T>(value: () => T) => Array.from({ length: requests }, value);
    this.queues = each(() => []);
    this.running = each(() => true);
    this.finished = each(() => false);
    this.statements = each(() => 0);
    this.open = each(() => false);
  }

  /** The session as request `who` sees it: each statement waits for its turn; `inTransaction` is its own. */
  database(who: number): SessionDatabase {
    const { db } = this;
    return {
      query: ((sql: string, params: unknown[], options?: unknown) =>
        this.turn(who, () => (db.query as (...args: unknown[]) => Promise<unknown>)(sql, params, options))) as never,
      exec: (sql: string) => this.turn(who, () => db.exec(sql)),
      inTransaction: () => this.holder === who,
    };
  }

  /** Request `who` has answered (or was stopped): its statements not yet run are refused. */
  finish(who: number) {
    this.finished[who] = true;
    this.running[who] = false;
    for (const waiting of this.queues[who]!.splice(0))
      waiting.reject(new Error('The request was over before this statement could run.'));
    this.pump();
  }

  /** Whether request `who` answered with a transaction still open (it was rolled back). */
  leftOpen(who: number): boolean {
    return this.open[who]!;
  }

  private turn<T>(who: number, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queues[who]!.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.running[who] = false;
      // After the engine's current step: a request that asks for several statements at once has asked for all.
      queueMicrotask(() => this.pump());
    });
  }

  /** The request whose statement runs next, or undefined while one is still running or the holder has none yet. */
  private next(): number | undefined {
    if (this.busy || this.running.some(Boolean)) return undefined;
    if (this.holder !== undefined) return this.queues[this.holder]!.length ? this.holder : undefined;
    const n = this.queues.length;
    for (let k = 1; k <= n; k++) {
      const who = (this.last + k) % n;
      if (this.queues[who]!.length) return who;
    }
    return undefined;
  }

  private pump() {
    if (this.busy) return;
    if (this.holder !== undefined && this.finished[this.holder]) {
      this.rollBack(this.holder);
      return;
    }
    const who = this.next();
    if (who === undefined) return;
    const waiting = this.queues[who]!.shift()!;
    this.busy = true;
    this.last = who;
    this.order.push({ request: who, statement: this.statements[who]! });
    this.statements[who]! += 1;
    const done = (settle: () => void) => {
      this.busy = false;
      this.running[who] = this.queues[who]!.length === 0 && !this.finished[who];
      settle();
      this.pump();
    };
    void waiting.work().then(
      async (value) => {
        await this.notice(who);
        done(() => waiting.resolve(value));
      },
      async (error: unknown) => {
        await this.notice(who);
        done(() => waiting.reject(error));
      },
    );
  }

  /** After `who`'s statement: does it now hold a transaction open? */
  private async notice(who: number) {
    this.holder = (await this.db.inTransaction()) ? who : undefined;
  }

  /** The holder answered with its transaction open: rolled back before anyone else runs, as a closed connection would. */
  private rollBack(who: number) {
    this.busy = true;
    this.open[who] = true;
    this.holder = undefined;
    void this.db
      .exec('ROLLBACK')
      .catch(() => undefined)
      .then(() => {
        this.busy = false;
        this.pump();
      });
  }
}
