/** Serves Python labs on an engine's port: code labs on Pyodide, and database labs beside a database. */
import { announce, answerRequests } from '../shared/serve.ts';
import type { ServerPort } from '../shared/worker-protocol.ts';
import { runPythonDbLab } from './python-db-lab.ts';
import { localBackend, type PythonDbBackend, type PythonDbDatabase } from './python-db.ts';
import type { PythonEngine } from './python-interpreter.ts';
import { runPythonLab } from './python-lab.ts';
import { isPythonDbLab, pythonKind } from './python-spec.ts';

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
    if (type !== 'run' || !pythonKind.owns(lab)) return;
    const run = await runPythonLab(await engine, lab, code, { onStart: () => port.post({ type: 'started', id }) });
    port.post({ type: 'result', id, run });
  });
}
