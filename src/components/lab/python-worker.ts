/**
 * The Python lab engine: Pyodide (CPython compiled to WebAssembly), in a worker, loaded from a folder of the build
 * when a learner starts a Python lab (src/lib/labs-node/python-files.ts copies it there). The harness is three
 * Python files bundled as text (src/lib/labs/python/). The host's first message is the interrupt buffer: shared
 * memory it writes to at the time limit, which stops the learner's code without ending the worker
 * (pyodide.setInterruptBuffer), where the page is cross-origin isolated; elsewhere none, and the host ends the worker.
 */
import { loadPyodide } from 'pyodide';
import guard from '../../lib/labs/python/guard.py?raw';
import helpers from '../../lib/labs/python/helpers.py?raw';
import runner from '../../lib/labs/python/runner.py?raw';
import { servePythonLabs, loadPythonEngine } from '../../lib/labs/python/index.ts';
import { pythonWorkerMessages } from './python-messages.ts';
import { downloadPython } from './pyodide-download.ts';
import { snapshotStore } from './python-snapshot-store.ts';

const messages = pythonWorkerMessages();
servePythonLabs(messages.port, async () => {
  const files = await downloadPython(messages.port);
  return loadPythonEngine(
    loadPyodide,
    files,
    { guard, helpers, runner },
    { interrupt: await messages.interrupt, store: snapshotStore(files.indexURL) },
  );
});
