/**
 * The Python database lab engine: the code labs' Python engine (python-lab.ts: memory limit, guard, runner, interrupt
 * buffer) with the asyncpg-shaped driver (src/lib/labs/python/asyncpg/), in a worker. The database is not here: the
 * page's messages are the interrupt buffer and a MessagePort to the database's own worker
 * (python-db-database-worker.ts), which answers the driver and resets the database before each test, so ending this
 * worker after a runaway loop leaves PGlite loaded for the next one.
 */
import { loadPyodide } from 'pyodide';
import guard from '../../lib/labs/python/guard.py?raw';
import helpers from '../../lib/labs/python/helpers.py?raw';
import runner from '../../lib/labs/python/runner.py?raw';
import {
  servePythonDbEngine,
  installPythonDb,
  backendOverPort,
  loadPythonEngine,
} from '../../lib/labs/python/index.ts';
import { DRIVER_SOURCES } from './python-driver.ts';
import { pythonWorkerMessages } from './python-messages.ts';
import { downloadPython } from './pyodide-download.ts';
import { snapshotStore } from './python-snapshot-store.ts';

const messages = pythonWorkerMessages();

servePythonDbEngine(
  messages.port,
  async () => {
    const files = await downloadPython(messages.port);
    return loadPythonEngine(
      loadPyodide,
      files,
      { guard, helpers, runner },
      {
        interrupt: await messages.interrupt,
        prepare: (py) => installPythonDb(py, (file) => DRIVER_SOURCES[file]),
        store: snapshotStore(files.indexURL),
      },
    );
  },
  async () => backendOverPort(await messages.database),
);
