/** Serves JavaScript and TypeScript code labs on an engine's port, in QuickJS. */
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { announce, answerRequests } from '../shared/serve.ts';
import type { ServerPort } from '../shared/worker-protocol.ts';
import { type CodeEngineScripts, runCodeLab, type Transpile, usesFastCheck } from './code-lab.ts';
import { codeKind } from './code-spec.ts';

/** What a code lab needs besides the engine: its scripts; loaded on first use, the TypeScript transpiler, fast-check. */
export interface CodeLoaders {
  scripts(): Promise<CodeEngineScripts>;
  typescript(): Promise<Transpile>;
  fastCheck(): Promise<string>;
}

/** `load` makes the engine: once at the start, and again after a run the engine could not free. */
export function serveCodeLabs(port: ServerPort, load: () => Promise<QuickJSWASMModule>, loaders: CodeLoaders) {
  let engine = load();
  const scripts = loaders.scripts();
  announce(port, Promise.all([engine, scripts]));
  let typescript: Promise<Transpile> | undefined;
  let fastCheck: Promise<string> | undefined;
  answerRequests(port, async ({ type, id, lab, code }) => {
    if (type !== 'run' || !codeKind.owns(lab)) return;
    const transpile = lab.language === 'typescript' ? await (typescript ??= loaders.typescript()) : undefined;
    const fc = usesFastCheck(lab.tests) ? await (fastCheck ??= loaders.fastCheck()) : undefined;
    const quickjs = await engine;
    port.post({ type: 'started', id });
    const onBroken = () => {
      engine = load();
    };
    const options = { scripts: await scripts, transpile, fastCheck: fc, onBroken };
    port.post({ type: 'result', id, run: await runCodeLab(quickjs, lab, code, options) });
  });
}
