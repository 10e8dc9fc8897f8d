/**
 * A design lab's run: the learner's design through each hidden scenario on the simulator (src/lib/labs/design/), graded
 * by the scenario's goals, and turned into what the page shows (design-outcome.ts). The same function runs in the
 * page, in labs:check and in the unit tests. SHARED BY BUILD AND BROWSER CODE.
 */
import { goalText, observedText } from './goals.ts';
import { gradeScenario } from './grade.ts';
import { type Design } from '../model/model.ts';
import { parseDesign } from '../model/parse.ts';
import type { PartKind } from '../model/parts.ts';
import type { Fault, Scenario } from '../simulator/scenario.ts';
import type { ScenarioVerdict } from './grade.ts';
import type { LabRun } from '../../shared/lab-run.ts';
import type { DesignOutcome, ScenarioOutcome } from './design-outcome.ts';
import { designProblems, type MeasuredSource } from './design-measured.ts';

/**
 * What a run needs of a lab: its hidden scenarios, the starter and list its measured numbers are read from, and its
 * model design (what its faults' parts are).
 */
export interface DesignLabSource extends MeasuredSource {
  scenarios?: readonly unknown[] | undefined;
  solution?: string | undefined;
}

/** A hidden scenario as a lab's frontmatter holds it: the simulator's scenario with the id wrong designs name. */
export type LabScenario = Scenario & { id: string };

/** The kind of each part the lab's own designs name, the model's first: what a fault's part is. */
function partKinds(lab: DesignLabSource): Map<string, PartKind> {
  const kinds = new Map<string, PartKind>();
  for (const text of [lab.solution ?? '', lab.starter])
    for (const part of parseDesign(text).design?.parts ?? [])
      if (!kinds.has(part.name)) kinds.set(part.name, part.kind);
  return kinds;
}

/**
 * The lab's hidden scenarios, each fault that names a part given that part's kind (`of`) and the names of the lab's
 * other parts of that kind (`claimed`): a design that calls its database "postgres" where the lab says "db" still has
 * its primary fail, and a second database that is the lab's "posts" does not (simulator/faults.ts). The page and every
 * run take the scenarios from here.
 */
export function aimFaults(lab: DesignLabSource): LabScenario[] {
  const kinds = partKinds(lab);
  const aim = (fault: Fault): Fault => {
    if (!('part' in fault) || fault.of || !kinds.has(fault.part)) return fault;
    const of = kinds.get(fault.part)!;
    const claimed = [...kinds].filter(([name, kind]) => kind === of && name !== fault.part).map(([name]) => name);
    return { ...fault, of, claimed };
  };
  return ((lab.scenarios ?? []) as LabScenario[]).map((scenario) =>
    scenario.faults ? { ...scenario, faults: scenario.faults.map(aim) } : scenario,
  );
}

/** Each fault of the lab's scenarios that names a part neither its model design nor its starter has. */
export function unaimedFaults(lab: DesignLabSource): string[] {
  const kinds = partKinds(lab);
  return ((lab.scenarios ?? []) as LabScenario[]).flatMap((scenario) =>
    (scenario.faults ?? []).flatMap((fault) =>
      'part' in fault && !kinds.has(fault.part)
        ? [`scenario "${scenario.id}": its ${fault.kind} names the part "${fault.part}", which the model design lacks`]
        : [],
    ),
  );
}

/**
 * The seeds every lab run uses, the same in the page and in the tests, so a design gives the same result everywhere.
 * A scenario is run once per seed and met only when every run meets it: a design at the edge of a goal fails there,
 * rather than passing on one lucky draw, and the page shows the spread.
 */
export const LAB_SEEDS: readonly number[] = [1, 2, 3];

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

/** Each goal, met or not, with what the runs gave: the spread over the seeds against the goal's words. */
function measuresOf(verdicts: readonly ScenarioVerdict[]): string[] {
  const runs = verdicts.length === 1 ? 'on 1 run' : `on ${verdicts.length} runs`;
  return verdicts[0]!.goals.map((first, index) => {
    const values = verdicts.map((verdict) => verdict.goals[index]!.observed);
    return `${observedText(first.goal, values)} ${runs} (the goal: ${goalText(first.goal)})`;
  });
}

/** A scenario met on some runs and missed on others: said, since the edge of a goal is where the draw decides. */
function closeCall(verdicts: readonly ScenarioVerdict[]): string[] {
  const met = verdicts.filter((v) => v.passed).length;
  if (met === 0 || met === verdicts.length) return [];
  return [
    `Met on ${met} of ${verdicts.length} runs with different random draws, missed on ${verdicts.length - met}: a design this close to a goal fails, as it would on some days in production.`,
  ];
}

function outcomeOf(
  scenario: LabScenario,
  verdicts: readonly ScenarioVerdict[],
  seeds: readonly number[],
): ScenarioOutcome {
  const p99 = scenario.goals?.find((g) => g.kind === 'p99');
  const cost = scenario.goals?.find((g) => g.kind === 'cost');
  // The run shown is the first that failed, or the first: its failures, explanation and charts.
  const verdict = verdicts.find((v) => !v.passed) ?? verdicts[0]!;
  const { result } = verdict;
  // The verdict's message is the failed goals, then "Where the time went:" and one fact a line.
  const where = verdict.message.split('\n').slice(1);
  return {
    id: scenario.id,
    name: scenario.name,
    passed: verdicts.every((v) => v.passed),
    failures: [...verdict.goals.filter((g) => !g.passed).map((g) => g.text), ...closeCall(verdicts)],
    explanation: where.map((line) => line.replace(/^- /, '')).filter((line) => line !== 'Where the time went:'),
    measures: measuresOf(verdicts),
    notes: [...result.notes],
    runs: verdicts.map((v, i) => ({ seed: seeds[i]!, passed: v.passed })),
    marks: marksOf(scenario),
    limits: {
      ...(p99 && 'under' in p99 ? { p99: p99.under } : {}),
      ...(cost && 'under' in cost ? { cost: cost.under } : {}),
    },
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

/** One scenario run and graded on each of `seeds` (the lab's by default); met only when every run meets it. */
export function runScenario(design: Design, scenario: LabScenario, seeds = LAB_SEEDS): ScenarioOutcome {
  const { id: _id, ...plain } = scenario;
  return outcomeOf(
    scenario,
    seeds.map((seed) => gradeScenario(design, plain, { seed })),
    seeds,
  );
}

/**
 * The learner's design text through every scenario, in order; `only` runs just the scenarios with those ids (a
 * wrong design in the tests runs the one it names). Problems in the text stop the run before any scenario.
 */
export function runDesignLab(lab: DesignLabSource, text: string, only?: readonly string[]): DesignOutcome {
  const { design, problems } = designProblems(lab, text);
  if (!design) return { passed: false, problems, scenarios: [] };
  const outcomes = aimFaults(lab)
    .filter((s) => !only || only.includes(s.id))
    .map((s) => runScenario(design, s));
  return { passed: outcomes.every((s) => s.passed), problems: [], scenarios: outcomes };
}

/** A design's outcome as every kind's run reads (shared/lab-run.ts): one check per scenario, the text's problems as the error. */
export function designLabRun(outcome: DesignOutcome): LabRun {
  const checks = outcome.scenarios.map((s) => ({ name: s.name, passed: s.passed, message: s.failures.join('; ') }));
  const error = outcome.problems.length > 0 ? { message: outcome.problems.join('\n') } : undefined;
  return { passed: outcome.passed, checks, ...(error ? { error } : {}) };
}
