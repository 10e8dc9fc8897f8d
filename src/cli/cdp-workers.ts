/**
 * A page's workers, seen from `npm run measure`: the page's CDP session auto-attaches to each worker the page starts
 * and reads its own performance marks (where a lab engine's start spends its time, pglite-start.ts). Playwright's
 * CDPSession cannot address a child session, so the workers are attached unflattened and spoken to through
 * Target.sendMessageToTarget.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

interface Attached {
  sessionId: string;
  targetInfo: { type: string; url: string };
}

/** A worker's performance mark: its name and its time since the epoch, in ms (comparable with the page's). */
export interface WorkerMark {
  name: string;
  at: number;
}

/** Sends CDP commands to one attached worker, resolving with each command's result (or rejecting with its error). */
function workerChannel(cdp: CDPSession, sessionId: string) {
  let id = 0;
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id!);
    if (reply.error) waiting.reject(new Error(reply.error.message));
    else waiting.resolve(reply.result);
  });
  return (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      pending.set(++id, { resolve, reject });
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
}

/** The performance marks a worker made, read in the worker itself, on the epoch's clock. */
async function marksOf(send: ReturnType<typeof workerChannel>): Promise<WorkerMark[]> {
  const expression = `JSON.stringify(performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: performance.timeOrigin + m.startTime })))`;
  const result = (await send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: string } };
  return JSON.parse(result.result.value) as WorkerMark[];
}

/** Attaches to each worker `page` starts from now on; `marks()` gives each live worker's performance marks, by its URL. */
export async function watchWorkers(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  /** Each live worker by its URL: its session and its channel (a worker started again takes its URL over). */
  const workers = new Map<string, { sessionId: string; send: ReturnType<typeof workerChannel> }>();
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }: Attached) => {
    if (targetInfo.type === 'worker') workers.set(targetInfo.url, { sessionId, send: workerChannel(cdp, sessionId) });
  });
  // A worker the page ended (an engine replaced, a language picked again) has no session left to ask.
  cdp.on('Target.detachedFromTarget', ({ sessionId }: { sessionId: string }) => {
    for (const [url, worker] of workers) if (worker.sessionId === sessionId) workers.delete(url);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    /** The marks of each worker still alive; one that ends while it is asked is left out, not a crash. */
    marks: async () => {
      const entries = await Promise.all(
        [...workers].map(async ([url, { send }]) => [url, await marksOf(send).catch(() => undefined)] as const),
      );
      return new Map(entries.filter((entry): entry is [string, WorkerMark[]] => entry[1] !== undefined));
    },
    detach: () => cdp.detach(),
  };
}
