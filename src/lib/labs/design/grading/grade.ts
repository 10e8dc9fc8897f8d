/**
 * Grading a design: each scenario is simulated and each of its goals gets a verdict. A failure names the scenario,
 * the number observed against the goal, and where the time went (the parts requests spent their time in, how busy
 * they were, how long their lines grew, what failed where): what an engineer reads on a dashboard, never the fix.
 * SHARED BY BUILD AND BROWSER CODE.
 */
import type { Design } from '../model/model.ts';
import type { SimResult } from '../simulator/report.ts';
import type { Goal, Scenario } from '../simulator/scenario.ts';
import { simulate, type SimOptions } from '../simulator/simulate.ts';
import { causeLines } from './causes.ts';
import { whereTimeWent } from './explain.ts';
import { backlogVerdict, goalText, number } from './goals.ts';

export interface GoalVerdict {
  readonly goal: Goal;
  readonly passed: boolean;
  /** The number the run gave for this goal (ms, %, $, reads, messages). */
  readonly observed: number;
  /** "p99 1,240 ms, over the goal of 300 ms" */
  readonly text: string;
}

export interface ScenarioVerdict {
  readonly scenario: string;
  readonly passed: boolean;
  readonly goals: readonly GoalVerdict[];
  /** For a failed scenario: which goals broke and where the time went; empty when it passed. */
  readonly message: string;
  readonly result: SimResult;
}

function queueLeft(result: SimResult, by: number): number {
  const window = Math.min(result.windows.length - 1, Math.max(0, Math.ceil(by / result.window) - 1));
  return result.parts
    .filter((part) => part.kind === 'queue')
    .reduce((sum, part) => sum + (part.backlog[window] ?? 0), 0);
}

/** The verdict on one goal of a run. */
export function judge(goal: Goal, result: SimResult, design: Design): GoalVerdict {
  const { totals } = result;
  const under = (observed: number, limit: number, unit: string, name: string, digits = 0) => ({
    goal,
    passed: observed < limit,
    observed,
    text: `${name} ${number(observed, digits)}${unit}, ${observed < limit ? 'under' : 'over'} the goal of ${number(limit, digits)}${unit}`,
  });
  switch (goal.kind) {
    case 'p50':
    case 'p95':
    case 'p99':
      return under(totals[goal.kind], goal.under, ' ms', goal.kind);
    case 'error-rate':
      return errorRate(goal.under, result);
    case 'cost':
      return { ...under(result.cost.total, goal.under, ' a month', 'cost $'), text: costText(result, goal.under) };
    case 'backlog-settles':
      return backlogVerdict(design, result);
    case 'read-your-writes':
      return {
        goal,
        passed: totals.staleReads === 0,
        observed: totals.staleReads,
        text: `${number(totals.staleReads)} reads after their writer's write returned older data (the goal: ${goalText(goal)})`,
      };
    case 'queue-drained': {
      const left = queueLeft(result, goal.by);
      const failed = totals.backgroundFailed;
      const lost = failed > 0 ? `, and ${number(failed)} failed on the way` : '';
      return {
        goal,
        passed: left === 0 && failed === 0,
        observed: left + failed,
        text: `${number(left)} messages still queued or in work at ${number(goal.by)} s${lost} (the goal: ${goalText(goal)})`,
      };
    }
  }
}

/**
 * Errors and drops, of the requests and, apart, of the background work (async calls, queue messages): a job that
 * fails where nobody waits for it is as lost as a request that fails. Both must be under the goal.
 */
function errorRate(limit: number, result: SimResult): GoalVerdict {
  const { totals } = result;
  const jobs = totals.backgroundDone + totals.backgroundFailed;
  const background = jobs === 0 ? 0 : (100 * totals.backgroundFailed) / jobs;
  const observed = Math.max(totals.errorRate, background);
  const passed = observed < limit;
  const jobsText =
    totals.backgroundFailed > 0
      ? ` and ${number(background, 2)} % of background jobs (${number(totals.backgroundFailed)} of ${number(jobs)} failed)`
      : '';
  return {
    goal: { kind: 'error-rate', under: limit },
    passed,
    observed,
    text: `errors and drops ${number(totals.errorRate, 2)} % of requests${jobsText}, ${passed ? 'under' : 'over'} the goal of ${number(limit, 2)} %`,
  };
}

/** The standing rules judged from a run's numbers (goals.ts), where they apply: only runs with a queue. */
function standing(design: Design, scenario: Scenario, result: SimResult): GoalVerdict[] {
  const written = scenario.goals?.some((goal) => goal.kind === 'backlog-settles');
  return !written && design.parts.some((part) => part.kind === 'queue') ? [backlogVerdict(design, result)] : [];
}

function costText(result: SimResult, limit: number) {
  const total = result.cost.total;
  // The bill's largest lines, so a learner sees where the money goes without redoing the sum.
  const lines = [...result.cost.parts]
    .filter((line) => line.monthly > 0)
    .sort((a, b) => b.monthly - a.monthly)
    .slice(0, 4)
    .map((line) => `${line.part} $${number(line.monthly)}: ${line.detail}`);
  const bill = lines.length > 0 ? ` (${lines.join('; ')})` : '';
  return `cost $${number(total)} a month${bill}, ${total < limit ? 'under' : 'over'} the budget of $${number(limit)}`;
}

/** Simulates one scenario and judges each of its goals. */
export function gradeScenario(design: Design, scenario: Scenario, options: SimOptions = {}): ScenarioVerdict {
  const result = simulate(design, scenario, options);
  const goals = [
    ...(scenario.goals ?? []).map((goal) => judge(goal, result, design)),
    ...standing(design, scenario, result),
  ];
  const failed = goals.filter((verdict) => !verdict.passed);
  const message =
    failed.length === 0
      ? ''
      : [
          `Scenario "${scenario.name}": ${failed.map((verdict) => verdict.text).join('; ')}.`,
          whereTimeWent(result),
          ...causeLines(design, scenario).map((line) => `- ${line}`),
        ]
          .filter(Boolean)
          .join('\n');
  return { scenario: scenario.name, passed: failed.length === 0, goals, message, result };
}

/** Grades every scenario (same seed for each); the design passes when every goal of every scenario holds. */
export function gradeScenarios(design: Design, scenarios: readonly Scenario[], options: SimOptions = {}) {
  const verdicts = scenarios.map((scenario) => gradeScenario(design, scenario, options));
  return { passed: verdicts.every((verdict) => verdict.passed), verdicts };
}
