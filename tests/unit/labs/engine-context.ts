/**
 * Runs code in QuickJS as the labs do: one of the engine's scripts (bundled from src/lib/labs/engine/ as the build
 * bundles it), the host's Web APIs lent across the bridge, then the inside of an async function, its promise and
 * the host's WebCrypto calls driven to the end. The differential tests run the same code in Node to compare.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import { type EngineEntry, engineScript } from '../../../src/lib/labs-node/engine-scripts.ts';
import { WebBridge } from '../../../src/lib/labs/shared/web-bridge.ts';

/** What the code gave: its value as JSON, or the error it threw (the name of its constructor, its name and message). */
export type Outcome = { value: unknown } | { error: { type: string; name: string; message: string } };

let engine: Promise<QuickJSWASMModule> | undefined;

/** Runs `body`, the inside of an async function, after the script `entry`; resolves with what it returned or threw. */
export async function inEngine(entry: EngineEntry, body: string): Promise<Outcome> {
  const [quickjs, script] = await Promise.all([
    (engine ??= newQuickJSWASMModuleFromVariant(variant)),
    engineScript(entry),
  ]);
  const runtime = quickjs.newRuntime();
  const ctx = runtime.newContext();
  const web = new WebBridge(ctx);
  try {
    web.lend();
    ctx.unwrapResult(ctx.evalCode(script, `${entry}.js`)).dispose();
    const code = `globalThis.out = undefined;
      (async () => { ${body} })().then(
        (value) => { out = JSON.stringify({ value }); },
        (e) => { out = JSON.stringify({ error: { type: e?.constructor?.name, name: e?.name, message: e?.message } }); });`;
    ctx.unwrapResult(ctx.evalCode(code, 'test.js')).dispose();
    for (;;) {
      ctx.unwrapResult(runtime.executePendingJobs(-1));
      if (web.running.size === 0) break;
      await Promise.race(web.running);
    }
    const handle = ctx.getProp(ctx.global, 'out');
    const out = ctx.dump(handle) as string | undefined;
    handle.dispose();
    if (out === undefined) throw new Error('the promise never settled');
    return JSON.parse(out) as Outcome;
  } finally {
    await web.close();
    ctx.dispose();
    runtime.dispose();
  }
}

/** The same body run by Node's own implementations. */
export async function inNode(body: string): Promise<Outcome> {
  // The body the lab engine runs, run by Node for comparison: evaluating text is the point.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fn = new Function(`return (async () => { ${body} })();`) as () => Promise<unknown>;
  try {
    return JSON.parse(JSON.stringify({ value: await fn() })) as Outcome;
  } catch (error) {
    const e = error as Error;
    return { error: { type: e.constructor.name, name: e.name, message: e.message } };
  }
}
