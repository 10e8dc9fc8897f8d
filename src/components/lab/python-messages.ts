/**
 * What the page tells a Python engine's worker besides its run requests: the interrupt buffer (shared memory the host
 * writes to at the time limit, where the page is cross-origin isolated; undefined elsewhere) and, for a database lab,
 * the port to the database's worker (engine-client.ts).
 */
import type { EngineRequest, ServerPort } from '../../lib/labs/worker-protocol.ts';

type Message =
  | EngineRequest
  | { type: 'interrupt-buffer'; buffer: SharedArrayBuffer | undefined }
  | { type: 'database-port'; port: MessagePort };

export function pythonWorkerMessages() {
  let deliver: ((request: EngineRequest) => void) | undefined;
  let onPort: ((port: MessagePort) => void) | undefined;
  let received: (buffer: Int32Array | undefined) => void;
  const interrupt = new Promise<Int32Array | undefined>((resolve) => (received = resolve));
  addEventListener('message', ({ data }: MessageEvent<Message>) => {
    if (data.type === 'interrupt-buffer') received(data.buffer && new Int32Array(data.buffer));
    else if (data.type === 'database-port') onPort?.(data.port);
    else deliver?.(data);
  });
  const port: ServerPort = { post: (message) => postMessage(message), onRequest: (handle) => (deliver = handle) };
  return { port, interrupt, onPort: (handle: (port: MessagePort) => void) => (onPort = handle) };
}
