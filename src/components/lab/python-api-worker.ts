/**
 * The engine of an API lab answered in Python: Pyodide with the asyncpg-shaped driver and the ASGI host
 * (src/lib/labs/python/), and PGlite for the app's database, in one worker that starts when the learner picks Python
 * on an API lab. A run the engine cannot stop (a loop that never awaits) ends this worker at the host's limit.
 */
import { PGlite } from '@electric-sql/pglite';
import { loadPyodide } from 'pyodide';
import cluster from 'virtual:atlas-empty-cluster';
import { indexURL, lockInfo } from 'virtual:atlas-pyodide';
import asgiHost from '../../lib/labs/python/asgi_host.py?raw';
import asgiJson from '../../lib/labs/python/asgi_json.py?raw';
import { pgliteDatabases } from '../../lib/labs/pglite-databases.ts';
import { clusterBlob, fetchCluster } from '../../lib/labs/pglite-cluster.ts';
import { servePythonApiLabs } from '../../lib/labs/python-api-server.ts';
import { installPythonDb } from '../../lib/labs/python-db-lab.ts';
import { pythonApiEngine } from '../../lib/labs/python-engine.ts';
import type { EngineRequest } from '../../lib/labs/worker-protocol.ts';
import { DRIVER_SOURCES } from './python-driver.ts';

servePythonApiLabs(
  {
    post: (message) => postMessage(message),
    onRequest: (handle) => addEventListener('message', ({ data }: MessageEvent<EngineRequest>) => handle(data)),
  },
  {
    engine: async () => {
      const python = await loadPyodide({
        indexURL,
        lockFileContents: JSON.stringify({ info: lockInfo, packages: {} }),
      });
      installPythonDb(python, (file) => DRIVER_SOURCES[file]);
      return pythonApiEngine(python, { asgi_host: asgiHost, asgi_json: asgiJson });
    },
    databases: () =>
      pgliteDatabases(
        (options) => PGlite.create(options),
        () => clusterBlob(fetchCluster(cluster)),
      ),
  },
);
