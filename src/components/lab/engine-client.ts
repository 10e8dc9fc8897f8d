/**
 * The page's side of a lab engine: a worker (sql-worker.ts with PGlite, or code-worker.ts with QuickJS) started on
 * first use, asked to run one answer at a time. A run that outlives RUN_LIMIT_MS (plus a grace for the engine's own
 * stop) ends the worker, so nothing a learner writes can freeze the page; the next run starts a fresh one.
 */
import { type LabRun, type LabSpec, RUN_LIMIT_MS } from '../../lib/labs/lab-spec';
import type { WorkerReply } from './worker-protocol';

/** Time an engine gets past the limit to stop a run itself (QuickJS interrupts at the limit) before the worker is ended. */
const GRACE_MS = 1500;

export interface EngineClient {
  /** Resolves once the engine has loaded; rejects with the reason it could not. */
  ready: Promise<void>;
  run(code: string): Promise<LabRun>;
}

const newWorker = (language: LabSpec['language']) =>
  language === 'sql'
    ? new Worker(new URL('./sql-worker.ts', import.meta.url), { type: 'module', name: 'lab-sql' })
    : new Worker(new URL('./code-worker.ts', import.meta.url), { type: 'module', name: 'lab-code' });

export function startEngine(lab: LabSpec): EngineClient {
  let worker: Worker;
  let ready: Promise<void>;
  let next = 0;
  const pending = new Map<number, (reply: WorkerReply) => void>();

  const boot = () => {
    worker = newWorker(lab.language);
    ready = new Promise<void>((resolve, reject) => {
      worker.addEventListener('message', ({ data }: MessageEvent<WorkerReply>) => {
        if (data.type === 'ready') resolve();
        else if (data.type === 'failed') reject(new Error(data.message));
        else pending.get(data.id)?.(data);
      });
      worker.addEventListener('error', (event) => reject(new Error(event.message || 'the engine could not load')));
    });
  };
  boot();

  const stopped = (): LabRun => ({
    passed: false,
    checks: [],
    error: {
      code: 'Stopped',
      message: `Stopped after ${RUN_LIMIT_MS / 1000} seconds: your ${lab.language === 'sql' ? 'statements were' : 'code was'} still running, so the engine was restarted. Look for work that never ends (a recursive query without a stopping condition, a loop whose condition stays true).`,
    },
  });

  return {
    get ready() {
      return ready;
    },
    async run(code) {
      await ready;
      const id = ++next;
      return new Promise<LabRun>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          worker.terminate();
          boot();
          resolve(stopped());
        }, RUN_LIMIT_MS + GRACE_MS);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          pending.delete(id);
          if (reply.type === 'result') resolve(reply.run);
          else resolve({ passed: false, checks: [], error: { message: `The engine failed: ${reply.type === 'crashed' ? reply.message : 'unknown'}` } });
        });
        worker.postMessage({ type: 'run', id, lab, code });
      });
    },
  };
}
