/**
 * The worker side of API labs written in Python, for the page's worker and Node's worker thread alike: runs of the
 * hidden requests against the learner's ASGI app, and the request panel's single requests (python-api.ts).
 */
import type { GradingDatabase, OpenApiDatabase, PanelSession } from './api-lab.ts';
import { announce, answerRequests } from './lab-servers.ts';
import { type PythonApiEngine, runPythonApiLab, sendPythonRequest } from './python-api.ts';
import type { ServerPort } from './worker-protocol.ts';

/** What a Python API lab needs, loaded once: Pyodide with the ASGI host (python-engine.ts), and new databases. */
export interface PythonApiLoaders {
  engine(): Promise<PythonApiEngine>;
  databases(): Promise<OpenApiDatabase>;
}

/** Answers runs of an API lab's hidden tests against a Python ASGI app, and the request panel's requests. */
export function servePythonApiLabs(port: ServerPort, loaders: PythonApiLoaders) {
  const loaded = Promise.all([loaders.engine(), loaders.databases()]);
  announce(port, loaded);
  const panel: PanelSession = { started: 0 };
  const grading: GradingDatabase = {};
  let panelLab = '';
  answerRequests(port, async (request) => {
    const { id, lab, code } = request;
    if (lab.language !== 'http' || lab.runtime !== 'python') return;
    const [engine, open] = await loaded;
    if (request.type === 'run') {
      const run = await runPythonApiLab(engine, open, grading, lab, code, {
        onSetup: () => port.post({ type: 'setup', id }),
        onStart: () => port.post({ type: 'started', id, limit: 'request' }),
      });
      port.post({ type: 'result', id, run });
    } else {
      const reset = request.reset || panelLab !== lab.id;
      panelLab = lab.id;
      port.post({ type: 'started', id, limit: 'request' });
      const exchange = await sendPythonRequest(engine, open, panel, lab, code, request.request, reset);
      port.post({ type: 'exchange', id, exchange });
    }
  });
}
