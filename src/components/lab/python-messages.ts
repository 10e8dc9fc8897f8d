/**
 * What the page tells a Python engine's worker besides its run requests: the interrupt buffer (shared memory the host
 * writes to at the time limit, where the page is cross-origin isolated; undefined elsewhere) and, for a lab with a
 * database, the port to the database's worker (engine-client.ts), which may come after the engine starts loading,
 * with its unanswered calls kept track of.
 */
import { type CallsInFlight, holdSetupWhileBusy, trackedPort } from '../../lib/labs/python/index.ts';
import type { EngineRequest, ServerPort } from '../../lib/labs/shared/worker-protocol.ts';

type Message =
  | EngineRequest
  | { type: 'interrupt-buffer'; buffer: SharedArrayBuffer | undefined }
  | { type: 'database-port'; port: MessagePort };

export function pythonWorkerMessages() {
  let deliver: ((request: EngineRequest) => void) | undefined;
  let received: (buffer: Int32Array | undefined) => void;
  let joined: (port: MessagePort) => void;
  const interrupt = new Promise<Int32Array | undefined>((resolve) => (received = resolve));
  const database = new Promise<MessagePort>((resolve) => (joined = resolve));
  addEventListener('message', ({ data }: MessageEvent<Message>) => {
    if (data.type === 'interrupt-buffer') received(data.buffer && new Int32Array(data.buffer));
    else if (data.type === 'database-port') joined(data.port);
    else deliver?.(data);
  });
  let calls: CallsInFlight | undefined;
  const tracked = database.then((port) => (calls = trackedPort(port)));
  const replies: ServerPort = { post: (message) => postMessage(message), onRequest: (handle) => (deliver = handle) };
  // Set-up held while the database still runs a learner's statement: the run's limit stops it (python-db-port.ts).
  return { port: holdSetupWhileBusy(replies, () => calls), interrupt, database: tracked };
}
