/**
 * A design lab checked as labs:check and the unit tests check it: the model design must meet every hidden scenario,
 * each wrong design must fail the scenario it names (`fails:`), for the reason it would in production, and the
 * starter must fail at least one: a starter that already passes is the answer, and the lab teaches nothing.
 */
import { runDesignLab } from './design-grade.ts';
import type { DesignOutcome } from './design-outcome.ts';
import { FACT_NOTE, MEASURED_FAILS } from './design-measured.ts';
import type { ApiModelSpec } from './api-model.ts';

/** A design not run because it changed a lab's facts, and for nothing else. */
export const stoppedAtFacts = (outcome: DesignOutcome) =>
  outcome.scenarios.length === 0 &&
  outcome.problems.length > 0 &&
  outcome.problems.every((problem) => problem.endsWith(FACT_NOTE));

export interface DesignLabFields {
  solution: string;
  starter: string;
  measured?: string[] | undefined;
  scenarios?: unknown[] | undefined;
  wrongAnswers: { why: string; code: string; fails?: string | undefined }[];
  /** The API-and-data-model step: its needs and its model answer. */
  apiModel?: (ApiModelSpec & { model: string }) | undefined;
}

export interface WrongDesignCheck {
  why: string;
  fails: string;
  outcome: DesignOutcome;
  /** The wrong design failed the scenario it names. */
  right: boolean;
}

export function checkDesignLab(lab: DesignLabFields) {
  const scenarios = lab.scenarios ?? [];
  const model = runDesignLab(lab, lab.solution);
  const starter = runDesignLab(lab, lab.starter);
  const wrong = lab.wrongAnswers.map((answer): WrongDesignCheck => {
    const fails = answer.fails ?? '';
    const outcome = runDesignLab(lab, answer.code, [fails]);
    if (fails === MEASURED_FAILS) return { why: answer.why, fails, outcome, right: stoppedAtFacts(outcome) };
    const named = outcome.scenarios.find((s) => s.id === fails);
    return { why: answer.why, fails, outcome, right: named !== undefined && !named.passed };
  });
  return {
    model,
    starter,
    wrong,
    passed:
      model.passed && model.scenarios.length === scenarios.length && !starter.passed && wrong.every((w) => w.right),
  };
}

/** The lines labs:check prints for a design lab: what a learner would read for each run. */
export function describeDesignCheck(check: ReturnType<typeof checkDesignLab>): string[] {
  const lines = [`  model design: ${check.model.passed ? 'meets every scenario' : 'FAILS'}`];
  for (const problem of check.model.problems) lines.push(`      problem: ${problem}`);
  for (const s of check.model.scenarios)
    lines.push(`      ${s.passed ? 'pass' : 'FAIL'} ${s.name}${s.passed ? '' : ` — ${s.failures.join('; ')}`}`);
  const failed = check.starter.scenarios.filter((s) => !s.passed).map((s) => s.id);
  lines.push(
    `  starter: ${failed.length > 0 ? `fails ${failed.join(', ')}` : 'MEETS EVERY SCENARIO: it gives the answer away'}`,
  );
  for (const w of check.wrong) {
    const verdict = w.fails === MEASURED_FAILS ? 'is stopped at a measured number' : `fails "${w.fails}"`;
    lines.push(`  wrong design (${w.why}): ${w.right ? verdict : `DOES NOT FAIL "${w.fails}"`}`);
    for (const problem of w.outcome.problems) lines.push(`      problem: ${problem}`);
    for (const s of w.outcome.scenarios)
      for (const line of [...s.failures, ...s.explanation]) lines.push(`      ${line}`);
  }
  return lines;
}
