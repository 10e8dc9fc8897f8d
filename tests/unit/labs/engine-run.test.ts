/**
 * The job loop code and API labs share (engine-run.ts) counts promise jobs: an endless chain is caught by its count
 * even with time to spare, and a long chain that ends runs to its end across batches.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import { describe, expect, it } from 'vitest';
import { EngineRun } from '../../../src/lib/labs/shared/engine-run.ts';

/** Far past what the chains below take on a busy machine: only the count may stop them. */
const AMPLE_MS = 600_000;

async function runChain(code: string) {
  const run = new EngineRun(await newQuickJSWASMModuleFromVariant(variant), AMPLE_MS);
  try {
    run.ctx.unwrapResult(run.ctx.evalCode(code, 'chain.js')).dispose();
    const end = await run.runJobs();
    const handle = run.ctx.getProp(run.ctx.global, 'done');
    const done: unknown = run.ctx.dump(handle);
    handle.dispose();
    return { end, done };
  } finally {
    await run.dispose(undefined);
  }
}

describe('the shared job loop', () => {
  it('calls a promise chain that never ends endless once it queued over a million jobs', async () => {
    const { end } = await runChain('const f = () => Promise.resolve().then(f); f();');
    expect(end).toBe('endless');
  }, 300_000);

  it('runs a chain of more jobs than one batch to its end', async () => {
    const { end, done } = await runChain(
      'let n = 0; const f = () => (++n < 120000 ? Promise.resolve().then(f) : (globalThis.done = n)); f();',
    );
    expect(end).toBeUndefined();
    expect(done).toBe(120000);
  }, 300_000);
});
