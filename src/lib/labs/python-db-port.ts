/**
 * A Python database lab's database in a worker of its own (the page): the Python engine's worker holds one end of a
 * MessageChannel and asks the database's worker, which holds the other, to answer the driver, roll back, and reset
 * before each test. A Python worker ended after a runaway loop loses only its end: the page gives the next one a new
 * channel to the same database worker, so PGlite is not loaded again.
 */
import type { DriverMode } from './python-db.ts';
import type { PythonDbBackend } from './python-db.ts';

/** A MessagePort, in the page or in Node (worker_threads' ports are event targets too). */
export interface PortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
}

type Call =
  | { type: 'answer'; mode: DriverMode; sql: string; payload: string }
  | { type: 'rollback' }
  | { type: 'reset'; setup: string }
  | { type: 'discard' };
type Request = Call & { id: number };
type Reply = { id: number; value?: string; failed?: string };

/** Serves `backend` to the engine at the other end of `port` (the database's worker). */
export function serveBackend(port: PortLike, backend: PythonDbBackend) {
  const perform = (call: Call): Promise<string | void> => {
    if (call.type === 'answer') return backend.answer(call.mode, call.sql, call.payload);
    if (call.type === 'reset') return backend.reset(call.setup);
    return call.type === 'rollback' ? backend.rollback() : backend.discard();
  };
  port.addEventListener('message', ({ data }) => {
    const { id, ...call } = data as Request;
    perform(call).then(
      (value) => port.postMessage({ id, ...(typeof value === 'string' && { value }) } satisfies Reply),
      (error: unknown) => port.postMessage({ id, failed: (error as Error).message ?? String(error) } satisfies Reply),
    );
  });
  port.start();
}

/** The backend as the engine's worker sees it, over `port`: each call answered by the database's worker. */
export function backendOverPort(port: PortLike): PythonDbBackend {
  let next = 0;
  const pending = new Map<number, (reply: Reply) => void>();
  port.addEventListener('message', ({ data }) => {
    const reply = data as Reply;
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  port.start();
  const call = (message: Call) =>
    new Promise<string>((resolve, reject) => {
      const id = ++next;
      pending.set(id, (reply) =>
        reply.failed === undefined ? resolve(reply.value ?? '') : reject(new Error(reply.failed)),
      );
      port.postMessage({ ...message, id });
    });
  return {
    answer: (mode, sql, payload) => call({ type: 'answer', mode, sql, payload }),
    rollback: async () => void (await call({ type: 'rollback' })),
    reset: async (setup) => void (await call({ type: 'reset', setup })),
    discard: async () => void (await call({ type: 'discard' })),
  };
}
