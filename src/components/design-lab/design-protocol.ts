/** What the design lab's page and its simulator worker (design-worker.ts) say to each other. */
import type { ScenarioOutcome } from '../../lib/labs/design-outcome.ts';

/** Run every scenario on this design text; `run` numbers the request so a reply is never taken for another's. */
export interface DesignRunRequest {
  run: number;
  text: string;
  scenarios: unknown[];
}

export type DesignRunReply =
  | { run: number; index: number; outcome: ScenarioOutcome }
  | { run: number; done: true }
  | { run: number; error: string };
