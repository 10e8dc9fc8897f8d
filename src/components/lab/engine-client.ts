/**
 * The page's side of a lab engine: a worker (sql-worker.ts with PGlite, or code-worker.ts with QuickJS) started on
 * first use, asked to run one answer at a time. A run that outlives RUN_LIMIT_MS (plus a grace for the engine's own
 * stop) ends the worker, so nothing a learner writes can freeze the page; the next run starts a fresh one.
 */
import { type LabRun, type LabSpec, RUN_LIMIT_MS, stoppedMessage } from '../../lib/labs/lab-spec.ts';
import type { WorkerReply } from './worker-protocol.ts';

/** Time an engine gets past the limit to stop a run itself (QuickJS interrupts at the limit) before the worker is ended. */
const GRACE_MS = 1500;
/** Time a worker gets to set a run up (a fresh database, the reference result) before the learner's code starts. */
const SETUP_LIMIT_MS = 60_000;

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
      message: `${stoppedMessage(lab.language === 'sql' ? 'statements' : 'code')} The engine was restarted.`,
    },
  });
  /** A fresh worker: after a stop, or when the engine failed (a learner's statement may have left it unusable). */
  const restart = () => {
    worker.terminate();
    boot();
  };

  return {
    get ready() {
      return ready;
    },
    async run(code) {
      await ready;
      const id = ++next;
      return new Promise<LabRun>((resolve) => {
        const stop = () => {
          pending.delete(id);
          restart();
          resolve(stopped());
        };
        // The limit counts from when the learner's code starts, not the lab's own set-up (the reference result, the
        // TypeScript transpiler); a worker that never starts it is stopped after SETUP_LIMIT_MS.
        let timer = setTimeout(stop, SETUP_LIMIT_MS);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          if (reply.type === 'started') {
            timer = setTimeout(stop, RUN_LIMIT_MS + GRACE_MS);
            return;
          }
          pending.delete(id);
          if (reply.type === 'result') return resolve(reply.run);
          restart();
          resolve({
            passed: false,
            checks: [],
            error: {
              message: `The engine failed (${reply.type === 'crashed' ? reply.message : 'no answer'}), so it was restarted with a fresh database. Run again.`,
            },
          });
        });
        worker.postMessage({ type: 'run', id, lab, code });
      });
    },
  };
}
