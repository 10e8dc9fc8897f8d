/** The python kind's one public entry: what the rest of the site uses of it. */
export { servePythonApiLabs } from './python-api-server.ts';
export { installPythonDb, type PYTHON_DB_FILES } from './python-db-lab.ts';
export {
  backendOverPort,
  type CallsInFlight,
  databasesOverPort,
  holdSetupWhileBusy,
  serveBackend,
  serveDatabases,
  trackedPort,
} from './python-db-port.ts';
export { defineApiModules, pythonApiEngine } from './python-engine.ts';
export { loadPythonEngine, type PythonHarness, type SnapshotStore } from './python-interpreter.ts';
export { localBackend, type PythonDatabase } from './python-db.ts';
export { servePythonDbEngine, servePythonDbLabs, servePythonLabs } from './python-server.ts';
export {
  pythonDbKind,
  type PythonDbLabSpec,
  type PythonFields,
  pythonKind,
  type PythonLabSpec,
} from './python-spec.ts';
export { PYTHON_RUN_WORDS, type PythonRunWords } from './python-words.ts';
