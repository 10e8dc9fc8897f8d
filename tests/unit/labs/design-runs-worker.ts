/**
 * The design lab runs of tests/unit/labs/labs-design.test.ts, in a worker thread (./design-runs.ts starts it). Node
 * loads the simulator here by its own loader, as labs:check and the page's worker do, so Istanbul, which instruments
 * what Vite transforms, does not count its loops: under coverage the same runs took twice the CPU. The simulator's
 * own unit tests (tests/unit/design/) are what the coverage figure counts for it.
 */
import { parentPort } from 'node:worker_threads';
import { parseDesign } from '../../../src/lib/labs/design/index.ts';
import {
  type DesignLabSource,
  type LabScenario,
  runDesignLab,
  runScenario,
} from '../../../src/lib/labs/design/grading/design-grade.ts';

/** One run: `runDesignLab`'s arguments, or `runScenario`'s with the design as text. */
export type DesignRun =
  | { run: 'lab'; lab: DesignLabSource; code: string; only?: readonly string[] }
  | { run: 'scenario'; code: string; scenario: LabScenario; seeds?: readonly number[] };
type DesignRunRequest = DesignRun & { id: number };

parentPort!.on('message', (request: DesignRunRequest) => {
  try {
    const outcome =
      request.run === 'lab'
        ? runDesignLab(request.lab, request.code, request.only)
        : runScenario(parseDesign(request.code).design!, request.scenario, request.seeds);
    parentPort!.postMessage({ id: request.id, outcome });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.stack : String(error) });
  }
});
