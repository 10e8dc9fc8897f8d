/**
 * Build time and tests only: the lab engines in Node (PGlite, QuickJS, sucrase for TypeScript, fast-check), each in
 * a worker thread run by the same host as the page's workers (src/lib/labs/shared/engine-host.ts), so a run here has the
 * page's time limit: a wrong answer with pg_sleep or an endless loop is stopped, and `labs:check` and the unit tests
 * never hang. Used by the labs unit tests and `npm run labs:check`.
 */
import { Worker } from 'node:worker_threads';
import { type EngineClient, startEngine } from '../labs/shared/engine-host.ts';
import type { LabWorker } from '../labs/shared/lab-kind.ts';
import type { HttpExchange, HttpRequestData, LabRun } from '../labs/shared/lab-spec.ts';
import type { ApiRunWords, ApiRuntime } from '../labs/api/index.ts';
import type { CodeRunWords } from '../labs/code/index.ts';
import type { PythonRunWords } from '../labs/python/index.ts';
import { kindOf, type LabFields, type LabSpec, toLabSpec } from '../labs/lab-kinds.ts';
import type { WorkerReply } from '../labs/shared/worker-protocol.ts';

export interface LabEngines {
  /** Runs `code` on the lab; an API lab's code is Python when `runtime` says so. */
  /**
   * `words`: what the lab's tests say, in a language other than English (the dictionary's `apiRun`, `codeRun` or
   * `pythonRun`, as the lab's kind reads).
   */
  run(
    id: string,
    lab: LabFields,
    code: string,
    runtime?: ApiRuntime,
    words?: ApiRunWords | CodeRunWords | PythonRunWords,
  ): Promise<LabRun>;
  /** API labs: one request from the request panel (its database set up afresh when `reset`). */
  send(
    id: string,
    lab: LabFields,
    code: string,
    request: HttpRequestData,
    reset: boolean,
    runtime?: ApiRuntime,
  ): Promise<HttpExchange>;
  /** Ends the workers (without waiting for their threads to exit). */
  close(): void;
}

/** Which worker runs a lab, as its kind says (shared/lab-kind.ts `LabWorker`): the same workers as the page's. */
const engineOf = (spec: LabSpec): LabWorker => kindOf(spec).worker(spec);

const spawn = (kind: LabWorker) => () => {
  // Python's runs are stopped at the limit through shared memory, as in a cross-origin isolated page.
  const interrupt = ['python', 'python-db', 'api-python'].includes(kind) ? new SharedArrayBuffer(4) : undefined;
  // A browser's worker has about a megabyte of native stack (V8's default); Node gives its threads four. The same
  // stack here means learner recursion overflows QuickJS's own limit first, as in the page, and not the host's.
  const worker = new Worker(new URL('./lab-worker.ts', import.meta.url), {
    workerData: { kind, interrupt },
    resourceLimits: { stackSizeMb: 1 },
  });
  return {
    ...(interrupt && { interrupt: () => Atomics.store(new Int32Array(interrupt), 0, 2) }),
    post: (request: unknown) => worker.postMessage(request),
    onReply: (handle: (reply: WorkerReply) => void) => worker.on('message', handle),
    onError: (handle: (message: string) => void) => {
      worker.on('error', (error: Error) => handle(error.message));
      worker.on('exit', (code) => code !== 0 && handle(`the engine's worker exited with code ${code}`));
    },
    terminate: () => void worker.terminate(),
  };
};

/** One worker per kind of lab, started on first use; runs are sent one at a time, as the page does. */
export function startLabEngines(): LabEngines {
  const clients = new Map<LabWorker, EngineClient>();
  let queue: Promise<unknown> = Promise.resolve();
  const clientFor = (spec: LabSpec) => {
    const kind = engineOf(spec);
    let client = clients.get(kind);
    if (!client) {
      // The host keeps one lab per client only for the stop message's wording; the lab of each run is sent with it.
      client = startEngine(spec, spawn(kind), kindOf(spec).words);
      clients.set(kind, client);
    }
    return client;
  };
  const panels = new Map<string, EngineClient>();
  const startPanelClient = (spec: LabSpec) => {
    let client = panels.get(`${spec.id} ${engineOf(spec)}`);
    if (!client) {
      client = startEngine(spec, spawn(engineOf(spec)), kindOf(spec).words);
      panels.set(`${spec.id} ${engineOf(spec)}`, client);
    }
    return client;
  };
  return {
    run(id, lab, code, runtime, words) {
      const spec: LabSpec = { ...toLabSpec(id, lab, runtime), ...(words && { words }) } as LabSpec;
      const done = queue.then(() => clientFor(spec).runLab(spec, code));
      queue = done.catch(() => {});
      return done;
    },
    send(id, lab, code, request, reset, runtime) {
      const spec = toLabSpec(id, lab, runtime);
      // The client of the kind serves the lab it was started with; a panel request names its lab in the message.
      const done = queue.then(() => startPanelClient(spec).send(code, request, reset));
      queue = done.catch(() => {});
      return done;
    },
    close() {
      for (const client of [...clients.values(), ...panels.values()]) client.close();
    },
  };
}
