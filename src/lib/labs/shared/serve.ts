/**
 * The worker side of every lab engine, for the page's workers and Node's worker threads alike: each kind's server
 * (sql/sql-server.ts, code/code-server.ts, api/api-server.ts, python/python-server.ts) answers run requests with its
 * runner's result, saying when the learner's code starts so the host can time it.
 */
import type { EngineRequest, ServerPort } from './worker-protocol.ts';

/** Tells the host the engine is ready, or why it could not load. */
export function announce(port: ServerPort, engine: Promise<unknown>) {
  engine.then(
    () => port.post({ type: 'ready' }),
    (error: Error) => port.post({ type: 'failed', message: error.message }),
  );
}

/** Answers each request as it arrives; one that fails is answered `crashed`, with the reason. */
export function answerRequests(port: ServerPort, answer: (request: EngineRequest) => Promise<void>) {
  port.onRequest((request) => {
    answer(request).catch((error: unknown) =>
      port.post({ type: 'crashed', id: request.id, message: (error as Error).message }),
    );
  });
}
