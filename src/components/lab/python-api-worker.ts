/**
 * The engine of an API lab answered in Python: the code labs' Python engine (python-lab.ts: memory limit, guard,
 * runner, interrupt buffer) with the asyncpg-shaped driver and the ASGI host (src/lib/labs/python/), in a worker that
 * starts when the learner picks Python on an API lab. The app's databases are not here: they are opened over a
 * MessagePort in the database's own worker (python-db-database-worker.ts), so ending this worker for a request the
 * interrupt could not stop (or on a page without cross-origin isolation, for any stop) leaves PGlite loaded.
 */
import { loadPyodide } from 'pyodide';
import asgiHost from '../../lib/labs/python/asgi_host.py?raw';
import asgiJson from '../../lib/labs/python/asgi_json.py?raw';
import guard from '../../lib/labs/python/guard.py?raw';
import helpers from '../../lib/labs/python/helpers.py?raw';
import runner from '../../lib/labs/python/runner.py?raw';
import {
  servePythonApiLabs,
  installPythonDb,
  databasesOverPort,
  defineApiModules,
  pythonApiEngine,
  loadPythonEngine,
} from '../../lib/labs/python/index.ts';
import { DRIVER_SOURCES } from './python-driver.ts';
import { pythonWorkerMessages } from './python-messages.ts';
import { downloadPython } from './pyodide-download.ts';
import { snapshotStore } from './python-snapshot-store.ts';

const messages = pythonWorkerMessages();
servePythonApiLabs(messages.port, {
  engine: async () => {
    const prepare = (py: Parameters<typeof installPythonDb>[0]) => {
      installPythonDb(py, (file) => DRIVER_SOURCES[file]);
      defineApiModules(py, { asgi_host: asgiHost, asgi_json: asgiJson });
    };
    const harness = { guard, helpers, runner };
    const files = await downloadPython(messages.port);
    const interrupt = await messages.interrupt;
    return pythonApiEngine(
      await loadPythonEngine(loadPyodide, files, harness, { interrupt, prepare, store: snapshotStore(files.indexURL) }),
    );
  },
  databases: async () => {
    const open = databasesOverPort(await messages.database);
    // Ready means PostgreSQL too: one database opened and closed (kept for the first run) waits for PGlite's start.
    await (await open()).close();
    return open;
  },
});
