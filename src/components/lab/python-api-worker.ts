/**
 * The engine of an API lab answered in Python: the code labs' Python engine (python-lab.ts: memory limit, guard,
 * runner, interrupt buffer) with the asyncpg-shaped driver and the ASGI host (src/lib/labs/python/), and PGlite for
 * the app's database, in one worker that starts when the learner picks Python on an API lab. A request that runs
 * past its limit is interrupted (where the page is cross-origin isolated); one the engine cannot stop ends this
 * worker at the host's limit.
 */
import { PGlite } from '@electric-sql/pglite';
import { loadPyodide } from 'pyodide';
import cluster from 'virtual:atlas-empty-cluster';
import { indexURL, lockInfo } from 'virtual:atlas-pyodide';
import asgiHost from '../../lib/labs/python/asgi_host.py?raw';
import asgiJson from '../../lib/labs/python/asgi_json.py?raw';
import guard from '../../lib/labs/python/guard.py?raw';
import helpers from '../../lib/labs/python/helpers.py?raw';
import runner from '../../lib/labs/python/runner.py?raw';
import { pgliteDatabases } from '../../lib/labs/pglite-databases.ts';
import { clusterBlob, fetchCluster } from '../../lib/labs/pglite-cluster.ts';
import { servePythonApiLabs } from '../../lib/labs/python-api-server.ts';
import { installPythonDb } from '../../lib/labs/python-db-lab.ts';
import { defineApiModules, pythonApiEngine } from '../../lib/labs/python-engine.ts';
import { loadPythonEngine } from '../../lib/labs/python-lab.ts';
import { DRIVER_SOURCES } from './python-driver.ts';
import { pythonWorkerMessages } from './python-messages.ts';

const messages = pythonWorkerMessages();
servePythonApiLabs(messages.port, {
  engine: async () => {
    const prepare = (py: Parameters<typeof installPythonDb>[0]) => {
      installPythonDb(py, (file) => DRIVER_SOURCES[file]);
      defineApiModules(py, { asgi_host: asgiHost, asgi_json: asgiJson });
    };
    const harness = { guard, helpers, runner };
    return pythonApiEngine(
      await loadPythonEngine(loadPyodide, { indexURL, lockInfo }, harness, await messages.interrupt, prepare),
    );
  },
  databases: () =>
    pgliteDatabases(
      (options) => PGlite.create(options),
      () => clusterBlob(fetchCluster(cluster)),
    ),
});
