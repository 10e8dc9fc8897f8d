/**
 * The worker side of the lab engines, for the page's workers and Node's worker threads alike: answers each run
 * request with the runner's result, saying when the learner's code starts so the host can time it.
 */
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import {
  type LoadApp,
  type GradingDatabase,
  javascriptApi,
  type OpenApiDatabase,
  type PanelSession,
  runApiLab,
  sendRequest,
} from './api-lab.ts';
import { type CodeEngineScripts, runCodeLab, type Transpile, usesFastCheck } from './code-lab.ts';
import { runPythonDbLab } from './python-db-lab.ts';
import { localBackend, type PythonDbBackend, type PythonDbDatabase } from './python-db.ts';
import { type ApiRuntime, isPythonDbLab } from './lab-spec.ts';
import type { PythonEngine } from './python-interpreter.ts';
import { runPythonLab } from './python-lab.ts';
import { runSqlLab } from './sql-lab.ts';
import type { OpenDatabase } from './sql-session.ts';
import type { EngineRequest, ServerPort } from './worker-protocol.ts';

/** Tells the host the engine is ready, or why it could not load. */
function announce(port: ServerPort, engine: Promise<unknown>) {
  engine.then(
    () => port.post({ type: 'ready' }),
    (error: Error) => port.post({ type: 'failed', message: error.message }),
  );
}

/** Answers each request as it arrives; one that fails is answered `crashed`, with the reason. */
function answerRequests(port: ServerPort, answer: (request: EngineRequest) => Promise<void>) {
  port.onRequest((request) => {
    answer(request).catch((error: unknown) =>
      port.post({ type: 'crashed', id: request.id, message: (error as Error).message }),
    );
  });
}

export function serveSqlLabs(port: ServerPort, databases: Promise<OpenDatabase>) {
  announce(port, databases);
  answerRequests(port, async ({ type, id, lab, code }) => {
    if (type !== 'run' || lab.language !== 'sql') return;
    const run = await runSqlLab(await databases, lab, code, {
      onSetup: () => port.post({ type: 'setup', id }),
      onStart: () => port.post({ type: 'started', id }),
    });
    port.post({ type: 'result', id, run });
  });
}

/** What a code lab needs besides the engine: its scripts; loaded on first use, the TypeScript transpiler, fast-check. */
export interface CodeLoaders {
  scripts(): Promise<CodeEngineScripts>;
  typescript(): Promise<Transpile>;
  fastCheck(): Promise<string>;
}

/** `load` makes the engine: once at the start, and again after a run the engine could not free. */
export function serveCodeLabs(port: ServerPort, load: () => Promise<QuickJSWASMModule>, loaders: CodeLoaders) {
  let engine = load();
  const scripts = loaders.scripts();
  announce(port, Promise.all([engine, scripts]));
  let typescript: Promise<Transpile> | undefined;
  let fastCheck: Promise<string> | undefined;
  answerRequests(port, async ({ type, id, lab, code }) => {
    if (type !== 'run' || (lab.language !== 'javascript' && lab.language !== 'typescript')) return;
    const transpile = lab.language === 'typescript' ? await (typescript ??= loaders.typescript()) : undefined;
    const fc = usesFastCheck(lab.tests) ? await (fastCheck ??= loaders.fastCheck()) : undefined;
    const quickjs = await engine;
    port.post({ type: 'started', id });
    const onBroken = () => {
      engine = load();
    };
    const options = { scripts: await scripts, transpile, fastCheck: fc, onBroken };
    port.post({ type: 'result', id, run: await runCodeLab(quickjs, lab, code, options) });
  });
}

/** What an API lab needs, loaded once: the engine and its script, sucrase for the learner's module, new databases. */
export interface ApiLoaders {
  engine(): Promise<QuickJSWASMModule>;
  /** The sandbox with the Web and Fetch APIs, bundled from src/lib/labs/engine/. */
  script(): Promise<string>;
  /** Sucrase with MODULE_TRANSFORM (src/lib/labs/api-lab.ts). */
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
    if (lab.language !== 'http' || lab.runtime !== runtime) return;
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

/** What a Python database lab needs, loaded once: the Python engine with the driver installed, and the database's side. */
export interface PythonDbLoaders {
  python(): Promise<PythonEngine>;
  databases(): Promise<() => Promise<PythonDbDatabase>>;
}

/** Answers runs of Python database labs (Node): one interpreter, and the database in the same thread. */
export function servePythonDbLabs(port: ServerPort, loaders: PythonDbLoaders) {
  const opened = loaders.databases();
  servePythonDbEngine(
    port,
    () => loaders.python(),
    () => Promise.resolve(localBackend(async () => (await opened)())),
  );
}

/** Answers runs of Python database labs on `backend`, wherever the database lives (the page: its own worker). */
export function servePythonDbEngine(
  port: ServerPort,
  python: () => Promise<PythonEngine>,
  backend: () => Promise<PythonDbBackend>,
) {
  const loaded = Promise.all([python(), backend()]);
  announce(port, loaded);
  answerRequests(port, async ({ type, id, lab, code }) => {
    if (type !== 'run' || !isPythonDbLab(lab)) return;
    const [engine, database] = await loaded;
    const run = await runPythonDbLab(engine, database, lab, code, {
      onSetup: () => port.post({ type: 'setup', id }),
      onStart: () => port.post({ type: 'started', id }),
    });
    port.post({ type: 'result', id, run });
  });
}

/**
 * Answers runs of Python code labs. `load` makes the engine (python-interpreter.ts) once: each run gets an
 * interpreter of its own from it; a run the interpreter could not survive (the host ends the worker) starts a new worker.
 */
export function servePythonLabs(port: ServerPort, load: () => Promise<PythonEngine>) {
  const engine = load();
  announce(port, engine);
  answerRequests(port, async ({ type, id, lab, code }) => {
    if (type !== 'run' || lab.language !== 'python' || isPythonDbLab(lab)) return;
    const run = await runPythonLab(await engine, lab, code, { onStart: () => port.post({ type: 'started', id }) });
    port.post({ type: 'result', id, run });
  });
}
