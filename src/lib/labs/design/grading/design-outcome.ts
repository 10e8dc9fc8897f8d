/**
 * A design lab's run as the page and labs:check read it: each hidden scenario passed or not, what failed in words
 * (the scenario and where the time went, never the answer), and the figures over time for the charts and the table.
 * SHARED BY BUILD AND BROWSER CODE.
 */

/** One window of a scenario's run. */
export interface OutcomeRow {
  /** Seconds from the start, at the window's end. */
  t: number;
  /** Requests completed a second. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  /** Errors (timeouts, failures) and drops (refused at the door) a second. */
  errors: number;
  drops: number;
  /** The longest queue of any part in the window. */
  queue: number;
  /** Longest replication lag, ms. */
  lag: number;
  /** Monthly cost of what is running, $. */
  cost: number;
}

export interface ScenarioOutcome {
  /** The lab's id for the scenario (the one a wrong design `fails:`). */
  id: string;
  /** What the learner reads: "20k reads a second". */
  name: string;
  passed: boolean;
  /** Each goal missed, in words: the figure against the goal ("p99 1,240 ms, over the goal of 300 ms"). */
  failures: string[];
  /** Where the time went in a failed scenario, one fact a line: the parts, how busy, what failed where. */
  explanation: string[];
  /** Every goal, met or not, with what the runs achieved: "p99 84–97 ms on 3 runs (the goal: p99 under 200 ms)". */
  measures: string[];
  /** Faults that found nothing to act on in the design, said so a pass is not read as surviving them. */
  notes: string[];
  /** Each run of the scenario (one per seed of the lab) and whether it met every goal. */
  runs: { seed: number; passed: boolean }[];
  /** Faults and spikes, as marks on the charts. */
  marks: { at: number; label: string }[];
  /** Goal lines on the charts: the latency or the error rate to stay under. */
  limits: { p99?: number; errorRate?: number; cost?: number };
  rows: OutcomeRow[];
}

export interface DesignOutcome {
  passed: boolean;
  /** Problems in the design's text (line, message); the scenarios do not run until there are none. */
  problems: string[];
  scenarios: ScenarioOutcome[];
}

/** The sentence the status region reads after a run. */
export function outcomeSummary(outcome: DesignOutcome): string {
  if (outcome.problems.length > 0)
    return `Not run: your design has ${outcome.problems.length === 1 ? 'a problem' : `${outcome.problems.length} problems`} to fix first, listed under it.`;
  const failed = outcome.scenarios.filter((s) => !s.passed);
  const total = outcome.scenarios.length;
  if (failed.length === 0) return `Passed: your design meets all ${total} scenarios.`;
  return `Not yet: ${total - failed.length} of ${total} scenarios met. Failed: ${failed.map((s) => s.name).join(', ')}.`;
}
