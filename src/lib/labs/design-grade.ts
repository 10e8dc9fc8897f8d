/**
 * A design lab's run: the learner's design through each hidden scenario on the simulator (src/lib/design/), graded
 * by the scenario's goals, and turned into what the page shows (design-outcome.ts). The same function runs in the
 * page, in labs:check and in the unit tests. SHARED BY BUILD AND BROWSER CODE.
 */
import { gradeScenario, type Design, type Scenario } from '../design/index.ts';
import type { ScenarioVerdict } from '../design/index.ts';
import type { DesignOutcome, ScenarioOutcome } from './design-outcome.ts';
import { designProblems, type MeasuredSource } from './design-measured.ts';

/** What a run needs of a lab: its hidden scenarios, and the starter and list its measured numbers are read from. */
export interface DesignLabSource extends MeasuredSource {
  scenarios?: readonly unknown[] | undefined;
}

/** A hidden scenario as a lab's frontmatter holds it: the simulator's scenario with the id wrong designs name. */
export type LabScenario = Scenario & { id: string };

/** The seed every lab run uses: the same design gives the same result, in the page and in the tests. */
const LAB_SEED = 1;

const FAULT_LABEL: Record<string, string> = {
  'instance-dies': 'an instance dies',
  failover: 'the primary fails',
  'cache-flush': 'the cache is flushed',
  'zone-lost': 'a zone is lost',
};

/** Where faults and spikes happen, as marks on the charts. */
function marksOf(scenario: Scenario) {
  const marks = (scenario.faults ?? []).map((f) => ({ at: f.at, label: FAULT_LABEL[f.kind] ?? f.kind }));
  const profile = scenario.profile;
  if (profile?.kind === 'spike')
    marks.push({ at: profile.at, label: profile.factor === 0 ? 'the traffic stops' : 'the spike starts' });
  if (profile?.kind === 'celebrity') marks.push({ at: profile.at, label: 'a celebrity posts' });
  return marks;
}

function outcomeOf(scenario: LabScenario, verdict: ScenarioVerdict): ScenarioOutcome {
  const p99 = scenario.goals?.find((g) => g.kind === 'p99');
  const { result } = verdict;
  // The verdict's message is the failed goals, then "Where the time went:" and one fact a line.
  const where = verdict.message.split('\n').slice(1);
  return {
    id: scenario.id,
    name: scenario.name,
    passed: verdict.passed,
    failures: verdict.goals.filter((g) => !g.passed).map((g) => g.text),
    explanation: where.map((line) => line.replace(/^- /, '')).filter((line) => line !== 'Where the time went:'),
    marks: marksOf(scenario),
    limits: p99 && 'under' in p99 ? { p99: p99.under } : {},
    rows: result.windows.map((w) => ({
      t: w.at + result.window,
      throughput: w.throughput,
      p50: w.p50,
      p95: w.p95,
      p99: w.p99,
      errors: w.errors / result.window,
      drops: w.drops / result.window,
      queue: w.queue,
      lag: w.lag,
      cost: result.cost.total,
    })),
  };
}

/** One scenario run and graded. */
export function runScenario(design: Design, scenario: LabScenario): ScenarioOutcome {
  const { id: _id, ...plain } = scenario;
  return outcomeOf(scenario, gradeScenario(design, plain, { seed: LAB_SEED }));
}

/**
 * The learner's design text through every scenario, in order; `only` runs just the scenarios with those ids (a
 * wrong design in the tests runs the one it names). Problems in the text stop the run before any scenario.
 */
export function runDesignLab(lab: DesignLabSource, text: string, only?: readonly string[]): DesignOutcome {
  const { design, problems } = designProblems(lab, text);
  if (!design) return { passed: false, problems, scenarios: [] };
  const outcomes = ((lab.scenarios ?? []) as LabScenario[])
    .filter((s) => !only || only.includes(s.id))
    .map((s) => runScenario(design, s));
  return { passed: outcomes.every((s) => s.passed), problems: [], scenarios: outcomes };
}
