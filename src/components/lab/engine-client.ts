/**
 * The page's side of a lab engine: a module worker (sql-worker.ts with PGlite, code-worker.ts with QuickJS, or api-worker.ts with both)
 * started on first use, timed and restarted by the engine host shared with Node (src/lib/labs/engine-host.ts).
 */
import { type EngineClient, startEngine as startHost } from '../../lib/labs/engine-host.ts';
import type { LabSpec } from '../../lib/labs/lab-spec.ts';
import type { WorkerReply } from '../../lib/labs/worker-protocol.ts';

export type { EngineClient };

const newWorker = (language: LabSpec['language']) =>
  language === 'sql'
    ? new Worker(new URL('./sql-worker.ts', import.meta.url), { type: 'module', name: 'lab-sql' })
    : language === 'http'
      ? new Worker(new URL('./api-worker.ts', import.meta.url), { type: 'module', name: 'lab-api' })
      : new Worker(new URL('./code-worker.ts', import.meta.url), { type: 'module', name: 'lab-code' });

export const startEngine = (lab: LabSpec): EngineClient =>
  startHost(lab, () => {
    const worker = newWorker(lab.language);
    return {
      post: (request) => worker.postMessage(request),
      onReply: (handle) => worker.addEventListener('message', ({ data }: MessageEvent<WorkerReply>) => handle(data)),
      onError: (handle) => worker.addEventListener('error', (event) => handle(event.message)),
      terminate: () => worker.terminate(),
    };
  });
