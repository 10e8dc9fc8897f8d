/**
 * A lab engine in a Node worker thread (src/lib/labs-node/node-engines.ts starts it): the same servers as the
 * page's workers, so a run in Node is timed and stopped exactly as in the page.
 */
import { PGlite } from '@electric-sql/pglite';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { parentPort, workerData } from 'node:worker_threads';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import { type Options, transform } from 'sucrase';
import { MODULE_TRANSFORM, cappedEngine, serveApiLabs } from '../labs/api/index.ts';
import { TYPESCRIPT_TRANSFORM, serveCodeLabs } from '../labs/code/index.ts';
import { servePythonDbLabs, servePythonLabs, servePythonApiLabs, loadPythonEngine } from '../labs/python/index.ts';
import { serveSqlLabs } from '../labs/sql/index.ts';
import { serveDesignLabs } from '../labs/design/index.ts';
import { loadPythonApi, loadPythonDb } from './python-engine.ts';
import { pgliteDatabases } from '../labs/pglite-databases.ts';
import { clusterBlob } from '../labs/database/pglite-cluster.ts';
import { LAB_START_PARAMS } from '../labs/database/pglite-start-params.ts';
import type { EngineRequest, ServerPort } from '../labs/shared/worker-protocol.ts';
import { emptyClusterBytes } from './empty-cluster.ts';
import { apiEngineScript, codeEngineScripts, fastCheckScript } from './engine-scripts.ts';
import { trimmedBundle } from './engine-files.ts';
import { pyodideLockInfo, readPythonHarness } from './python-files.ts';

const port: ServerPort = {
  post: (message) => parentPort!.postMessage(message),
  onRequest: (handle) => parentPort!.on('message', (request: EngineRequest) => handle(request)),
};

/** A transpiler loader that answers at once: the page fetches sucrase on first use, Node has it imported already. */
const sucrase = (options: Options) => () => Promise.resolve((code: string) => transform(code, options).code);

/** Databases as the page has them, on the empty cluster and PGlite's trimmed files (src/components/lab/pglite-start.ts). */
const databases = () =>
  pgliteDatabases(
    (options) =>
      PGlite.create(
        options?.loadDataDir ? { ...options, fsBundle: trimmedBundle(), startParams: LAB_START_PARAMS } : options,
      ),
    () => clusterBlob(emptyClusterBytes),
  );

const { kind, interrupt } = workerData as { kind: string; interrupt?: SharedArrayBuffer };
const buffer = interrupt && new Int32Array(interrupt);
if (kind === 'api-python') {
  servePythonApiLabs(port, { engine: () => loadPythonApi(buffer), databases });
} else if (kind === 'python') {
  const { loadPyodide } = await import('pyodide');
  servePythonLabs(port, () =>
    loadPythonEngine(loadPyodide, { lockInfo: pyodideLockInfo() }, readPythonHarness(), { interrupt: buffer }),
  );
} else if (kind === 'sql') {
  serveSqlLabs(port, databases());
} else if (kind === 'design') {
  serveDesignLabs(port);
} else if (kind === 'python-db') {
  servePythonDbLabs(port, { python: () => loadPythonDb(buffer), databases });
} else if (kind === 'api') {
  serveApiLabs(port, {
    engine: () => cappedEngine(variant),
    script: apiEngineScript,
    compile: sucrase(MODULE_TRANSFORM),
    databases,
  });
} else {
  serveCodeLabs(port, () => newQuickJSWASMModuleFromVariant(variant), {
    scripts: codeEngineScripts,
    typescript: sucrase(TYPESCRIPT_TRANSFORM),
    fastCheck: fastCheckScript,
  });
}
