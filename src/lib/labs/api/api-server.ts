/** Serves API labs on an engine's port: runs of the hidden tests and the request panel's single requests. */
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import type { Transpile } from '../code/index.ts';
import { announce, answerRequests } from '../shared/serve.ts';
import type { ServerPort } from '../shared/worker-protocol.ts';
import {
  type GradingDatabase,
  javascriptApi,
  type LoadApp,
  type OpenApiDatabase,
  type PanelSession,
  runApiLab,
  sendRequest,
} from './api-lab.ts';
import { type ApiRuntime, isApiLab } from './api-spec.ts';

/** What an API lab needs, loaded once: the engine and its script, sucrase for the learner's module, new databases. */
export interface ApiLoaders {
  engine(): Promise<QuickJSWASMModule>;
  /** The sandbox with the Web and Fetch APIs, bundled from src/lib/labs/engine/. */
  script(): Promise<string>;
  /** Sucrase with MODULE_TRANSFORM (src/lib/labs/api/api-lab.ts). */
  compile(): Promise<Transpile>;
  databases(): Promise<OpenApiDatabase>;
}

/** Answers runs of an API lab's hidden tests, and the request panel's single requests, in JavaScript. */
export function serveApiLabs(port: ServerPort, loaders: ApiLoaders) {
  let engine = loaders.engine();
  const loaded = Promise.all([engine, loaders.compile(), loaders.databases(), loaders.script()]);
  serveApi(port, 'javascript', loaded, async () => {
    const [, compile, open, script] = await loaded;
    const engines = { engine: await engine, script, compile, onBroken: () => (engine = loaders.engine()) };
    return { load: javascriptApi(engines), open };
  });
}

/**
 * Answers the API labs of `runtime` once `loaded` is: runs of the hidden tests, and the request panel's requests on
 * a database of its own, reset when asked or when another lab's panel used it. `language` gives the loader to use.
 */
export function serveApi(
  port: ServerPort,
  runtime: ApiRuntime,
  loaded: Promise<unknown>,
  language: (run: boolean) => Promise<{ load: LoadApp; open: OpenApiDatabase; ran?: () => void }>,
) {
  announce(port, loaded);
  const panel: PanelSession = { started: 0 };
  const grading: GradingDatabase = {};
  let panelLab = '';
  answerRequests(port, async (request) => {
    const { id, lab, code } = request;
    if (!isApiLab(lab) || lab.runtime !== runtime) return;
    const { load, open, ran } = await language(request.type === 'run');
    if (request.type === 'run') {
      const run = await runApiLab(load, open, grading, lab, code, {
        onSetup: () => port.post({ type: 'setup', id }),
        onStart: () => port.post({ type: 'started', id, limit: 'request' }),
      });
      port.post({ type: 'result', id, run });
      ran?.();
    } else {
      port.post({ type: 'setup', id });
      const reset = request.reset || panelLab !== lab.id;
      panelLab = lab.id;
      port.post({ type: 'started', id, limit: 'request' });
      const exchange = await sendRequest(load, open, panel, lab, code, request.request, reset);
      port.post({ type: 'exchange', id, exchange });
    }
  });
}
