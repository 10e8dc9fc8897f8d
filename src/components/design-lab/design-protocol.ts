/** What the design lab's page (design-lab.ts, design-run.ts) and its simulator worker (design-worker.ts) share. */
import type { ApiModelSpec, ScenarioOutcome, DesignEstimate } from '../../lib/labs/design/index.ts';

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

/** What the page hands the script (DesignWorkbench.astro). */
export interface DesignPageSpec {
  id: string;
  starter: string;
  task: string;
  estimates: DesignEstimate[];
  /** What the API-and-data-model step checks: the routes and tables the task needs. */
  apiModel: ApiModelSpec;
  scenarios: unknown[];
  /** The lab's facts for parts the starter lacks (design-measured.ts); the starter's own are marked in it. */
  measured?: string[] | undefined;
}
