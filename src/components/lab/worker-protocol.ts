/** Messages between the lab page and its engine worker (engine-client.ts ↔ sql-worker.ts, code-worker.ts). */
import type { LabRun, LabSpec } from '../../lib/labs/lab-spec.ts';

export interface RunRequest {
  type: 'run';
  id: number;
  lab: LabSpec;
  code: string;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  /** The lab is set up and the learner's code starts now: the run's time limit counts from here. */
  | { type: 'started'; id: number }
  | { type: 'result'; id: number; run: LabRun }
  | { type: 'crashed'; id: number; message: string };
