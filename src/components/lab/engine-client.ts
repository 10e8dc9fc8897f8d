/**
 * The page's side of a lab engine: a module worker (sql-worker.ts with PGlite, code-worker.ts with QuickJS,
 * api-worker.ts with both, python-worker.ts with Pyodide; python-db-worker.ts and python-api-worker.ts with Pyodide,
 * and PGlite in a database worker of their own)
 * started on first use, timed and restarted by the engine host shared with Node (src/lib/labs/shared/engine-host.ts).
 */
import type { StopWords } from '../../lib/labs/shared/stop-words.ts';
import { type EngineClient, startEngine as startHost } from '../../lib/labs/shared/engine-host.ts';
import { kindOf, type LabSpec } from '../../lib/labs/lab-kinds.ts';
import type { LabWorker } from '../../lib/labs/shared/lab-kind.ts';
import type { WorkerReply } from '../../lib/labs/shared/worker-protocol.ts';
import { keepEngine } from './engine-cached.ts';

export type { EngineClient };

/**
 * The Python worker's interrupt: shared memory the host writes 2 (SIGINT) to at the time limit. Only a cross-origin
 * isolated page (COOP and COEP, sent by _headers and the service worker) may share memory with a worker.
 */
function interruptFor(worker: Worker) {
  const buffer = globalThis.crossOriginIsolated ? new SharedArrayBuffer(4) : undefined;
  worker.postMessage({ type: 'interrupt-buffer', buffer });
  return buffer && { interrupt: () => void Atomics.store(new Int32Array(buffer), 0, 2) };
}

/** How long the database's worker has to answer a ping before the page takes it for stuck in a statement. */
const PING_MS = 1000;
const newDatabase = () =>
  new Worker(new URL('./python-db-database-worker.ts', import.meta.url), {
    type: 'module',
    name: 'lab-python-database',
  });

/**
 * The database's worker if it answers at once, else a new one: a statement it runs for an ended engine (pg_sleep, a
 * huge scan) holds it, and PGlite cannot cancel a statement, so only ending the worker stops it.
 */
const answering = (current: Worker) =>
  new Promise<Worker>((resolve) => {
    const stuck = setTimeout(() => (current.terminate(), resolve(newDatabase())), PING_MS);
    current.addEventListener('message', () => (clearTimeout(stuck), resolve(current)), { once: true });
    current.postMessage({ type: 'ping' });
  });

let database: Promise<Worker> | undefined;
/**
 * A Python engine with a database (Pyodide in `engine`), joined by a new channel to the page's one database worker,
 * which a restarted engine finds as it was (src/lib/labs/python/python-db-port.ts): `serve` says what it asks of it.
 */
function withDatabase(engine: Worker, serve: 'driver' | 'databases') {
  database = database ? database.then(answering) : Promise.resolve(newDatabase());
  void database.then((db) => {
    const channel = new MessageChannel();
    db.postMessage({ type: 'engine-port', port: channel.port1, serve }, [channel.port1]);
    engine.postMessage({ type: 'database-port', port: channel.port2 }, [channel.port2]);
  });
  return engine;
}

/** Engines started before "Start the lab" (on the learner's intent), waiting for the workbench to take them. */
const warmed = new Map<string, EngineClient>();
const keyOf = (lab: LabSpec) => `${lab.id} ${lab.language} ${lab.language === 'http' ? lab.runtime : ''}`;

/** Starts the engine for `lab` now, once: the learner is about to start it. */
export function warmEngine(lab: LabSpec, stop: StopWords) {
  if (!warmed.has(keyOf(lab))) warmed.set(keyOf(lab), startNew(lab, stop));
}

/** The engine for `lab`: the one started on intent, or a new one; once ready, the service worker is asked to keep it. */
export function startEngine(lab: LabSpec, stop: StopWords): EngineClient {
  const engine = warmed.get(keyOf(lab)) ?? startNew(lab, stop);
  warmed.delete(keyOf(lab));
  engine.ready.then(
    () => void keepEngine(lab),
    () => undefined, // an engine that did not start has nothing to keep
  );
  return engine;
}

/**
 * Each worker, by the name its kind gives it (shared/lab-kind.ts `LabWorker`). Each `new URL` is written out whole so
 * the bundler finds the worker's module; Python's get the interrupt, and its database ones a database worker beside.
 * A design lab's page streams each scenario from the simulator's own worker (src/components/design-lab/design-run.ts).
 */
const WORKERS: Record<Exclude<LabWorker, 'design'>, () => Worker> = {
  sql: () => new Worker(new URL('./sql-worker.ts', import.meta.url), { type: 'module', name: 'lab-sql' }),
  code: () => new Worker(new URL('./code-worker.ts', import.meta.url), { type: 'module', name: 'lab-code' }),
  api: () => new Worker(new URL('./api-worker.ts', import.meta.url), { type: 'module', name: 'lab-api' }),
  python: () => new Worker(new URL('./python-worker.ts', import.meta.url), { type: 'module', name: 'lab-python' }),
  'python-db': () =>
    withDatabase(
      new Worker(new URL('./python-db-worker.ts', import.meta.url), { type: 'module', name: 'lab-python-db' }),
      'driver',
    ),
  'api-python': () =>
    withDatabase(
      new Worker(new URL('./python-api-worker.ts', import.meta.url), { type: 'module', name: 'lab-api-python' }),
      'databases',
    ),
};

/** `stop`: what a stopped or failed run says, in the page's language. */
const startNew = (lab: LabSpec, stop: StopWords): EngineClient => {
  const kind = kindOf(lab);
  return startHost(
    lab,
    () => {
      const name = kind.worker(lab);
      if (name === 'design') throw new Error(`${lab.id}: a design lab's page runs its own simulator worker`);
      const worker = WORKERS[name]();
      return {
        ...(kind.engines(lab).includes('pyodide') && interruptFor(worker)),
        post: (request) => worker.postMessage(request),
        onReply: (handle) => worker.addEventListener('message', ({ data }: MessageEvent<WorkerReply>) => handle(data)),
        onError: (handle) => worker.addEventListener('error', (event) => handle(event.message)),
        terminate: () => worker.terminate(),
      };
    },
    kind.words,
    stop,
  );
};
