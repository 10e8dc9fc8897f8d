/**
 * The Python database lab engine: Pyodide with the asyncpg-shaped driver (src/lib/labs/python/asyncpg/), in a worker.
 * The database is not here: the page's first message is a MessagePort to the database's own worker
 * (python-db-database-worker.ts), which answers the driver and resets the database before each test, so ending this
 * worker after a runaway loop leaves PGlite loaded for the next one.
 */
import { loadPyodide } from 'pyodide';
import { indexURL, lockInfo } from 'virtual:atlas-pyodide';
import { servePythonDbEngine } from '../../lib/labs/lab-servers.ts';
import { installPythonDb } from '../../lib/labs/python-db-lab.ts';
import { backendOverPort } from '../../lib/labs/python-db-port.ts';
import { pythonGlobals } from '../../lib/labs/python-lab.ts';
import type { EngineRequest } from '../../lib/labs/worker-protocol.ts';
import { DRIVER_SOURCES } from './python-driver.ts';

type Message = EngineRequest | { type: 'database-port'; port: MessagePort };

let deliver: ((request: EngineRequest) => void) | undefined;
let received: (port: MessagePort) => void;
const database = new Promise<MessagePort>((resolve) => (received = resolve));
addEventListener('message', ({ data }: MessageEvent<Message>) => {
  if (data.type === 'database-port') received(data.port);
  else deliver?.(data);
});

servePythonDbEngine(
  { post: (message) => postMessage(message), onRequest: (handle) => (deliver = handle) },
  async () => {
    // The `js` module holds timers and nothing that reaches the page, this site's storage or the network.
    const python = await loadPyodide({
      indexURL,
      lockFileContents: JSON.stringify({ info: lockInfo, packages: {} }),
      jsglobals: pythonGlobals(),
    });
    installPythonDb(python, (file) => DRIVER_SOURCES[file]);
    return python;
  },
  async () => backendOverPort(await database),
);
