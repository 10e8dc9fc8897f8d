/**
 * The API lab engine, in a worker: QuickJS runs the learner's handler (no DOM, storage, network or timers in it),
 * PGlite is the database its `env.db` talks to, and sucrase turns the module (JavaScript or TypeScript) into code
 * the engine runs; the sandbox with the Web and Fetch APIs is the build's bundle of src/lib/labs/engine/. All three load when the learner starts an API lab, never before.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import script from 'virtual:atlas-api-engine';
import { MODULE_TRANSFORM, cappedEngine, serveApiLabs } from '../../lib/labs/api/index.ts';
import type { EngineRequest, WorkerReply } from '../../lib/labs/shared/worker-protocol.ts';
import { pageDatabases } from './pglite-start.ts';

const post = (message: WorkerReply) => postMessage(message);
serveApiLabs(
  {
    post,
    onRequest: (handle) => addEventListener('message', ({ data }: MessageEvent<EngineRequest>) => handle(data)),
  },
  {
    engine: () => cappedEngine(variant),
    script: () => Promise.resolve(script),
    compile: () =>
      import('sucrase').then(
        ({ transform }) =>
          (code: string) =>
            transform(code, MODULE_TRANSFORM).code,
      ),
    databases: () => pageDatabases(post),
  },
);
