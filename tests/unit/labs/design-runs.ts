/**
 * Design lab runs in a worker thread of their own (./design-runs-worker.ts), as labs:check and the page run them:
 * the same outcomes as calling the grading in the test's process, without Istanbul's counters in the simulator.
 */
import { Worker } from 'node:worker_threads';
import type { DesignOutcome, ScenarioOutcome } from '../../../src/lib/labs/design/index.ts';
import type { DesignLabSource, LabScenario } from '../../../src/lib/labs/design/grading/design-grade.ts';
import type { DesignRun } from './design-runs-worker.ts';

export function designRuns() {
  const worker = new Worker(new URL('./design-runs-worker.ts', import.meta.url));
  const waiting = new Map<number, { resolve: (outcome: never) => void; reject: (error: Error) => void }>();
  let next = 0;
  worker.on('message', ({ id, outcome, error }: { id: number; outcome?: never; error?: string }) => {
    const call = waiting.get(id)!;
    waiting.delete(id);
    if (error === undefined) call.resolve(outcome!);
    else call.reject(new Error(error));
  });
  worker.on('error', (error: Error) => {
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  });
  const ask = <T>(request: DesignRun) =>
    new Promise<T>((resolve, reject) => {
      next += 1;
      waiting.set(next, { resolve, reject });
      worker.postMessage({ ...request, id: next });
    });
  return {
    /** `runDesignLab(lab, code, only)`. */
    lab: (lab: DesignLabSource, code: string, only?: readonly string[]) =>
      ask<DesignOutcome>({ run: 'lab', lab, code, ...(only ? { only } : {}) }),
    /** `runScenario(parseDesign(code).design, scenario, seeds)`. */
    scenario: (code: string, scenario: LabScenario, seeds?: readonly number[]) =>
      ask<ScenarioOutcome>({ run: 'scenario', code, scenario, ...(seeds ? { seeds } : {}) }),
    close: () => worker.terminate(),
  };
}
