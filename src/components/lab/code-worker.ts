/**
 * The code lab engine: QuickJS compiled to WebAssembly, in a worker. Learner code runs inside QuickJS, which has no
 * DOM, storage, network or timers, so it cannot reach this site's data; QuickJS stops it at the time limit, and the
 * page ends this worker if even that fails. The harness and the Web APIs around the learner's code are the build's
 * bundle of src/lib/labs/engine/. TypeScript is stripped of its types by sucrase, and fast-check (for
 * model-based tests) comes as a script for the engine; both load only for the labs that need them.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import scripts from 'virtual:atlas-code-engine';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import { TYPESCRIPT_TRANSFORM, serveCodeLabs } from '../../lib/labs/code/index.ts';
import type { EngineRequest } from '../../lib/labs/shared/worker-protocol.ts';

serveCodeLabs(
  {
    post: (message) => postMessage(message),
    onRequest: (handle) => addEventListener('message', ({ data }: MessageEvent<EngineRequest>) => handle(data)),
  },
  () => newQuickJSWASMModuleFromVariant(variant),
  {
    scripts: () => Promise.resolve(scripts),
    typescript: () =>
      import('sucrase').then(
        ({ transform }) =>
          (code: string) =>
            transform(code, TYPESCRIPT_TRANSFORM).code,
      ),
    fastCheck: () => import('virtual:atlas-fast-check').then((module) => module.default),
  },
);
