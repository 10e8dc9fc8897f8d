/**
 * The code lab engine: QuickJS compiled to WebAssembly, in a worker. Learner code runs inside QuickJS, which has no
 * DOM, storage, network or timers, so it cannot reach this site's data; QuickJS stops it at the time limit, and the
 * page ends this worker if even that fails. TypeScript is stripped of its types by sucrase, loaded only when needed.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import { runCodeLab, type Transpile, TYPESCRIPT_TRANSFORM } from '../../lib/labs/code-lab.ts';
import type { RunRequest, WorkerReply } from './worker-protocol.ts';

const reply = (message: WorkerReply) => postMessage(message);
const engine = newQuickJSWASMModuleFromVariant(variant);
engine.then(
  () => reply({ type: 'ready' }),
  (error: Error) => reply({ type: 'failed', message: error.message }),
);

let transpiler: Promise<Transpile> | undefined;
const typescript = () =>
  (transpiler ??= import('sucrase').then(
    ({ transform }) =>
      (code: string) =>
        transform(code, TYPESCRIPT_TRANSFORM).code,
  ));

addEventListener('message', async ({ data }: MessageEvent<RunRequest>) => {
  if (data.lab.language === 'sql') return;
  try {
    const transpile = data.lab.language === 'typescript' ? await typescript() : undefined;
    const quickjs = await engine;
    reply({ type: 'started', id: data.id });
    reply({ type: 'result', id: data.id, run: runCodeLab(quickjs, data.lab, data.code, transpile) });
  } catch (error) {
    reply({ type: 'crashed', id: data.id, message: (error as Error).message });
  }
});
