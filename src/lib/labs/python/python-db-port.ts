/**
 * A Python lab's database in a worker of its own (the page): the Python engine's worker holds one end of a
 * MessageChannel and asks the database's worker, which holds the other, for what it needs. A database lab's engine
 * asks the driver's questions, roll back and reset before each test (`serveBackend`); an API lab's engine opens
 * databases and runs the hidden tests' statements on them (`serveDatabases`). A Python worker ended after a runaway
 * loop loses only its end: the page gives the next one a new channel to the same database worker, so PGlite is not
 * loaded again.
 */
import { type OpenApiDatabase, type OwnApiDatabase, errorFields } from '../api/index.ts';
import { clip } from '../shared/lab-spec.ts';
import { DRIVER_READ, type DriverMode, type PythonDatabase, type PythonDbBackend } from './python-db.ts';
import type { ServerPort, WorkerReply } from '../shared/worker-protocol.ts';

/** A database this port serves: the Python driver's side of it, and closed when its engine is gone. */
type PortDatabase = PythonDatabase & OwnApiDatabase;

/** A MessagePort, in the page or in Node (worker_threads' ports are event targets too). */
export interface PortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
}

type Reply = { id: number; value?: unknown; failed?: Record<string, string> };

/** Answers each call that comes over `port` with what `perform` gives, or its error's Postgres fields. */
function answerOver<C>(port: PortLike, perform: (call: C) => Promise<unknown>) {
  port.addEventListener('message', ({ data }) => {
    const { id, ...call } = data as C & { id: number };
    perform(call as C).then(
      (value) => port.postMessage({ id, value } satisfies Reply),
      (error: unknown) => {
        const fields = errorFields(error);
        port.postMessage({ id, failed: { ...fields, message: fields.message ?? String(error) } } satisfies Reply);
      },
    );
  });
  port.start();
}

/** Calls the other end of `port`: each call's value, or an error with the fields the other end's error had. */
function callerOver<C>(port: PortLike): <T>(call: C) => Promise<T> {
  let next = 0;
  const pending = new Map<number, (reply: Reply) => void>();
  port.addEventListener('message', ({ data }) => {
    const reply = data as Reply;
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  port.start();
  return <T>(call: C) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, ({ value, failed }) =>
        failed === undefined ? resolve(value as T) : reject(Object.assign(new Error(failed.message), failed)),
      );
      port.postMessage({ ...call, id });
    });
}

type BackendCall =
  | { type: 'answer'; mode: DriverMode; sql: string; payload: string }
  | { type: 'rollback' }
  | { type: 'reset'; setup: string }
  | { type: 'discard' };

/** Serves `backend` to the engine at the other end of `port` (the database's worker). */
export function serveBackend(port: PortLike, backend: PythonDbBackend) {
  answerOver<BackendCall>(port, async (call) => {
    if (call.type === 'answer') return backend.answer(call.mode, call.sql, call.payload);
    if (call.type === 'reset') return backend.reset(call.setup);
    return call.type === 'rollback' ? backend.rollback() : backend.discard();
  });
}

/** The backend as the engine's worker sees it, over `port`: each call answered by the database's worker. */
export function backendOverPort(port: PortLike): PythonDbBackend {
  const call = callerOver<BackendCall>(port);
  return {
    answer: (mode, sql, payload) => call<string>({ type: 'answer', mode, sql, payload }),
    rollback: () => call<void>({ type: 'rollback' }),
    reset: (setup) => call<void>({ type: 'reset', setup }),
    discard: () => call<void>({ type: 'discard' }),
  };
}

/** A database of an API lab's engine: the hidden tests' statements, and the driver's (python-db.ts). */
type ServedDatabase = OwnApiDatabase & PythonDatabase;

/** `read`: rows as the driver reads them (python-db.ts DRIVER_READ), or as objects as the hidden tests do. */
type DatabaseCall =
  | { type: 'open' }
  | { type: 'exec' | 'inTransaction' | 'renew' | 'close'; db: number; sql?: string }
  | { type: 'query'; db: number; sql: string; params: unknown[]; read: 'driver' | 'objects' };

/**
 * Serves new databases from `open` to the API lab engine at the other end of `port`. `close` closes every one it
 * opened: the page has ended that engine, so they are emptied and kept for the next (pglite-databases.ts).
 */
export function serveDatabases(port: PortLike, open: () => Promise<PortDatabase>) {
  const opened = new Map<number, Promise<PortDatabase>>();
  answerOver<DatabaseCall>(port, async (call) => {
    if (call.type === 'open') {
      const id = opened.size + 1;
      opened.set(id, open());
      await opened.get(id);
      return id;
    }
    const db = await opened.get(call.db)!;
    if (call.type === 'query')
      return call.read === 'driver' ? db.query(call.sql, call.params, DRIVER_READ) : db.query(call.sql, call.params);
    if (call.type === 'exec') return db.exec(call.sql!);
    return call.type === 'close' ? db.close() : call.type === 'renew' ? db.renew() : db.inTransaction();
  });
  const closeOne = async (db: Promise<PortDatabase>) => (await db).close();
  return { close: async () => void (await Promise.allSettled([...opened.values()].map(closeOne))) };
}

/** New databases as the API lab engine's worker sees them, over `port`: each served by the database's worker. */
export function databasesOverPort(port: PortLike): OpenApiDatabase {
  const call = callerOver<DatabaseCall>(port);
  return async () => {
    const db = await call<number>({ type: 'open' });
    const served: ServedDatabase = {
      query: ((sql: string, params: unknown[], options?: { rowMode?: string }) =>
        call({
          type: 'query',
          db,
          sql,
          params,
          read: options?.rowMode === 'array' ? 'driver' : 'objects',
        })) as ServedDatabase['query'],
      exec: (sql: string) => call({ type: 'exec', db, sql }),
      inTransaction: () => call<boolean>({ type: 'inTransaction', db }),
      renew: () => call<void>({ type: 'renew', db }),
      close: () => call<void>({ type: 'close', db }),
    };
    return served;
  };
}

/** The calls a Python engine has sent its database's worker and not yet had answered. */
export interface CallsInFlight {
  /** The SQL of each call still unanswered, oldest first. */
  running(): string[];
  /** Resolves once every call sent so far is answered. */
  settled(): Promise<void>;
}

/**
 * `port`, with the calls sent over it and not yet answered kept track of: a statement the learner's code sent
 * (`pg_sleep(30)`, a huge scan) runs on in the database's worker after its test's time ran out, since PGlite cannot
 * cancel one, and every call sent after it waits behind it.
 */
export function trackedPort(port: PortLike): PortLike & CallsInFlight {
  const unanswered = new Map<number, { sql: string; answered: Promise<void>; answer: () => void }>();
  port.addEventListener('message', ({ data }) => {
    const id = (data as Reply).id;
    unanswered.get(id)?.answer();
    unanswered.delete(id);
  });
  return {
    postMessage(message) {
      const { id, sql } = message as { id: number; sql?: unknown };
      let answer = () => {};
      const answered = new Promise<void>((resolve) => (answer = resolve));
      unanswered.set(id, { sql: typeof sql === 'string' ? sql.trim() : '', answered, answer });
      port.postMessage(message);
    },
    addEventListener: (type, listener) => port.addEventListener(type, listener),
    start: () => port.start(),
    running: () => [...unanswered.values()].map((call) => call.sql).filter(Boolean),
    settled: async () => void (await Promise.all([...unanswered.values()].map((call) => call.answered))),
  };
}

/**
 * The engine's replies to the host, with each `setup` held while a call to the database is unanswered: the host
 * times set-up (a database reset) generously, and a reset sent then waits behind a learner's runaway statement. The
 * host is told `waiting`, with the statement, so the run's own limit keeps counting and stops it, and the page then
 * replaces the database's worker (engine-client.ts). Replies after a held one keep their order.
 */
export function holdSetupWhileBusy(server: ServerPort, database: () => CallsInFlight | undefined): ServerPort {
  /** Replies waiting behind a held set-up; undefined when none is held. */
  let held: WorkerReply[] | undefined;
  return {
    onRequest: (handle) => server.onRequest(handle),
    post(reply) {
      // At once when nothing is held: a `started` must reach the host before the learner's code runs, since a loop
      // that never yields would keep anything queued from being sent.
      if (held) return void held.push(reply);
      const calls = reply.type === 'setup' ? database() : undefined;
      const [statement] = calls?.running() ?? [];
      if (reply.type !== 'setup' || !calls || statement === undefined) return server.post(reply);
      server.post({ type: 'waiting', id: reply.id, statement: clip(statement) });
      const queue: WorkerReply[] = (held = [reply]);
      void calls.settled().then(() => {
        held = undefined;
        for (const next of queue) server.post(next);
      });
    },
  };
}
