/**
 * What a code lab's run (code-run.ts) and an API lab's request (api-request.ts) share: a new QuickJS runtime with a
 * memory cap, a stack limit and an interrupt at the limit; the handles it keeps, all freed when it ends; the Web
 * APIs (web-bridge.ts); and the loop that runs its promise jobs, which counts them, so an endless promise chain is
 * caught the same way in both.
 */
import {
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
  shouldInterruptAfterDeadline,
} from 'quickjs-emscripten-core';
import type { RunError } from './lab-spec.ts';
import { WebBridge } from './web-bridge.ts';

/** Promise jobs run between checks, and the most a run may queue: far above what a lab's tests or a handler need. */
const JOB_BATCH = 50_000;
const MAX_JOBS = 1_000_000;
/**
 * The most one API request may queue. Its engine's memory is capped (api-engine.ts), and an endless chain runs it out
 * at about 230,000 jobs; QuickJS drops that out-of-memory rejection silently, so the count must trip first.
 */
export const REQUEST_MAX_JOBS = 100_000;

/** What the learner reads when their code queued more promise jobs than a run may. */
export const ENDLESS: RunError = {
  code: 'InternalError',
  message:
    'Work your code left running failed: it queued promise jobs one after another, far more than any task needs, and would never have stopped. Look for a promise chain or recursion that never ends.',
};

/** Something the run frees when it ends: a handle, or a promise handed to the engine. */
type Freed = { readonly alive: boolean; dispose(): void };

export class EngineRun {
  readonly runtime: QuickJSRuntime;
  readonly ctx: QuickJSContext;
  /** URL parsing and WebCrypto, from the host. */
  readonly web: WebBridge;
  private readonly deadline: number;
  private readonly handles: QuickJSHandle[] = [];

  private readonly maxJobs: number;

  constructor(engine: QuickJSWASMModule, limitMs: number, maxJobs = MAX_JOBS) {
    this.maxJobs = maxJobs;
    this.deadline = Date.now() + limitMs;
    this.runtime = engine.newRuntime();
    this.runtime.setMemoryLimit(64 * 1024 * 1024);
    // QuickJS's own stack check must trip before the host's native stack (about 1 MB in a browser's worker) does,
    // or deep recursion kills the run instead of reporting a stack overflow: 256 KB is about 1,300 frames.
    this.runtime.setMaxStackSize(256 * 1024);
    this.runtime.setInterruptHandler(shouldInterruptAfterDeadline(this.deadline));
    this.ctx = this.runtime.newContext();
    this.web = new WebBridge(this.ctx);
  }

  timedOut(): boolean {
    return Date.now() >= this.deadline;
  }

  /** Keeps a handle for disposal when the run ends. */
  keep<T extends QuickJSHandle>(handle: T): T {
    this.handles.push(handle);
    return handle;
  }

  /**
   * Runs the engine's jobs until none is left and nothing the host runs for it (WebCrypto, `waiting`) can queue
   * more, `settled` says it is done, or time is up: the error a job threw (the caller disposes it), 'endless', or
   * undefined (the caller asks `timedOut` which).
   */
  async runJobs(
    settled: () => boolean = () => false,
    waiting: () => Promise<unknown>[] = () => [],
  ): Promise<QuickJSHandle | 'endless' | undefined> {
    let ran = 0;
    for (;;) {
      // In batches: an endless promise chain that runs out of memory rejects a promise no one handles, and QuickJS
      // drops that silently; counting the jobs catches the chain first.
      const jobs = this.runtime.executePendingJobs(JOB_BATCH);
      if (jobs.error) return jobs.error;
      ran += jobs.value;
      if (ran > this.maxJobs) return 'endless';
      if (jobs.value === JOB_BATCH) continue;
      const running = [...waiting(), ...this.web.running];
      if (settled() || running.length === 0 || this.timedOut()) return undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const wake = new Promise((woken) => (timer = setTimeout(woken, this.deadline - Date.now())));
      await Promise.race([...running, wake]);
      clearTimeout(timer);
    }
  }

  /** Frees `also`, then the run's handles, context and runtime; `onBroken` when QuickJS could not. */
  async dispose(onBroken: (() => void) | undefined, also: Iterable<Freed> = []): Promise<void> {
    await this.web.close();
    try {
      for (const freed of also) if (freed.alive) freed.dispose();
      for (const handle of this.handles.reverse()) if (handle.alive) handle.dispose();
      this.ctx.dispose();
      this.runtime.dispose();
    } catch {
      onBroken?.();
    }
  }
}
