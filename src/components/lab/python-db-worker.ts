/**
 * The Python database lab engine: Pyodide with the asyncpg-shaped driver (src/lib/labs/python/asyncpg/), in a worker.
 * The database is not here: the page's first message is a MessagePort to the database's own worker
 * (python-db-database-worker.ts), which answers the driver and resets the database before each test, so ending this
 * worker after a runaway loop leaves PGlite loaded for the next one.
 */
import { loadPyodide } from 'pyodide';
import { indexURL, lockInfo } from 'virtual:atlas-pyodide';
import init from '../../lib/labs/python/asyncpg/__init__.py?raw';
import codecs from '../../lib/labs/python/asyncpg/_codecs.py?raw';
import exceptions from '../../lib/labs/python/asyncpg/exceptions.py?raw';
import record from '../../lib/labs/python/asyncpg/record.py?raw';
import transaction from '../../lib/labs/python/asyncpg/transaction.py?raw';
import runner from '../../lib/labs/python/atlas_db_lab.py?raw';
import { servePythonDbEngine } from '../../lib/labs/lab-servers.ts';
import { installPythonDb, type PYTHON_DB_FILES } from '../../lib/labs/python-db-lab.ts';
import { backendOverPort } from '../../lib/labs/python-db-port.ts';
import type { EngineRequest } from '../../lib/labs/worker-protocol.ts';

const SOURCES: Record<(typeof PYTHON_DB_FILES)[number], string> = {
  'asyncpg/__init__.py': init,
  'asyncpg/_codecs.py': codecs,
  'asyncpg/exceptions.py': exceptions,
  'asyncpg/record.py': record,
  'asyncpg/transaction.py': transaction,
  'atlas_db_lab.py': runner,
};

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
    const python = await loadPyodide({ indexURL, lockFileContents: JSON.stringify({ info: lockInfo, packages: {} }) });
    installPythonDb(python, (file) => SOURCES[file]);
    return python;
  },
  async () => backendOverPort(await database),
);
