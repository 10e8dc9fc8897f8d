/**
 * The worker side of the lab engines, for the page's workers and Node's worker threads alike: answers each run
 * request with the runner's result, saying when the learner's code starts so the host can time it.
 */
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { runCodeLab, type Transpile, usesFastCheck } from './code-lab.ts';
import { type OpenDatabase, runSqlLab } from './sql-lab.ts';
import type { ServerPort } from './worker-protocol.ts';

/** Tells the host the engine is ready, or why it could not load. */
function announce(port: ServerPort, engine: Promise<unknown>) {
  engine.then(
    () => port.post({ type: 'ready' }),
    (error: Error) => port.post({ type: 'failed', message: error.message }),
  );
}

export function serveSqlLabs(port: ServerPort, databases: Promise<OpenDatabase>) {
  announce(port, databases);
  port.onRequest(async ({ id, lab, code }) => {
    if (lab.language !== 'sql') return;
    try {
      const run = await runSqlLab(await databases, lab, code, {
        onSetup: () => port.post({ type: 'setup', id }),
        onStart: () => port.post({ type: 'started', id }),
      });
      port.post({ type: 'result', id, run });
    } catch (error) {
      port.post({ type: 'crashed', id, message: (error as Error).message });
    }
  });
}

/** What a code lab may need besides the engine, loaded on first use: the TypeScript transpiler, fast-check. */
export interface CodeLoaders {
  typescript(): Promise<Transpile>;
  fastCheck(): Promise<string>;
}

/** `load` makes the engine: once at the start, and again after a run the engine could not free. */
export function serveCodeLabs(port: ServerPort, load: () => Promise<QuickJSWASMModule>, loaders: CodeLoaders) {
  let engine = load();
  announce(port, engine);
  let typescript: Promise<Transpile> | undefined;
  let fastCheck: Promise<string> | undefined;
  port.onRequest(async ({ id, lab, code }) => {
    if (lab.language === 'sql') return;
    try {
      const transpile = lab.language === 'typescript' ? await (typescript ??= loaders.typescript()) : undefined;
      const fc = usesFastCheck(lab.tests) ? await (fastCheck ??= loaders.fastCheck()) : undefined;
      const quickjs = await engine;
      port.post({ type: 'started', id });
      const onBroken = () => {
        engine = load();
      };
      port.post({ type: 'result', id, run: runCodeLab(quickjs, lab, code, { transpile, fastCheck: fc, onBroken }) });
    } catch (error) {
      port.post({ type: 'crashed', id, message: (error as Error).message });
    }
  });
}
