/**
 * The worker side of API labs written in Python, for the page's worker and Node's worker thread alike: runs of the
 * hidden requests against the learner's ASGI app, and the request panel's single requests (python-api.ts).
 */
import { type OpenApiDatabase, serveApi } from '../api/index.ts';
import { type PythonApiEngine, pythonApi } from './python-api.ts';
import type { ServerPort } from '../shared/worker-protocol.ts';

/** What a Python API lab needs, loaded once: Pyodide with the ASGI host (python-engine.ts), and new databases. */
export interface PythonApiLoaders {
  engine(): Promise<PythonApiEngine>;
  databases(): Promise<OpenApiDatabase>;
}

/** Answers runs of an API lab's hidden tests against a Python ASGI app, and the request panel's requests. */
export function servePythonApiLabs(port: ServerPort, loaders: PythonApiLoaders) {
  const loaded = Promise.all([loaders.engine(), loaders.databases()]);
  serveApi(port, 'python', loaded, async (run) => {
    const [engine, open] = await loaded;
    // Each run of the hidden tests on an interpreter no earlier run or request touched (python-interpreter.ts).
    if (run) await engine.fresh();
    return { load: pythonApi(engine), open, ran: () => engine.spare() };
  });
}
