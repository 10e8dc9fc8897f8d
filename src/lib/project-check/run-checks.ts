/**
 * Runs a contract's checks against a target (a learner's server through fetch-target.ts) with the request-test
 * engine of the API labs (src/lib/labs/api/api-test.ts): each check's `given` steps first, then its own, every response
 * held to the contract's rules. A check whose `given` steps fail is not run, and says which set-up failed, so one
 * fault reads as one failure. The checker's own steps (requests whose statuses are judged together, a restart) are
 * run here. Every run has values of its own (`${run}`, and `${uid}` per check) so it never meets an earlier run's
 * rows on a server that keeps its data.
 * IMPORTED IN BOTH NODE AND BROWSER CODE: no Node.
 */
import { type RequestTarget, runStep, sendConcurrent, type StepRun } from '../labs/api/index.ts';
import type { CheckResult } from '../labs/shared/lab-spec.ts';
import { signRequest } from './sign.ts';
import type {
  Contract,
  ContractCheck,
  RestartStep,
  TogetherStep,
  UpstreamCallsStep,
  UpstreamMode,
  UpstreamStep,
  WaitStep,
} from './contract.ts';

type CheckerStep = TogetherStep | RestartStep | WaitStep | UpstreamStep | UpstreamCallsStep;

/** The upstream stand-in a run plays (src/checker/upstream.ts), as the checks steer and read it. */
export interface UpstreamControl {
  /** A check starts: the stand-in answers again and its counts start from 0. */
  reset(): void;
  set(mode: UpstreamMode): void;
  /** Requests it has had since the last reset, to `path` when given. */
  calls(path?: string): number;
}

/** How a check ended: passed, failed, or not run because a set-up it needs failed. */
type CheckStatus = 'passed' | 'failed' | 'blocked';

export interface CheckOutcome {
  /** "2.3": milestone and check, 1-based. */
  number: string;
  milestone: number;
  check: ContractCheck;
  status: CheckStatus;
  result: CheckResult;
  ms: number;
}

export interface RunOptions {
  /** Only this milestone's checks (1-based), or every milestone's. */
  milestone?: number | undefined;
  /** Asks the learner to restart their server; resolves when they say it is back, or with why it cannot wait. */
  restart: (message: string) => Promise<string | undefined>;
  /** A check starts, or has ended: for progress shown as the run goes. */
  onCheck?: ((event: { number: string; check: ContractCheck; outcome?: CheckOutcome }) => void) | undefined;
  /** A fresh value for a run: unique enough that no earlier run's rows collide with this one's. */
  runId: string;
  /** The upstream stand-in, when the contract has one. */
  upstream?: UpstreamControl | undefined;
}

/** An upstream step run on the stand-in; what is wrong, if anything. */
function upstreamStep(step: UpstreamStep | UpstreamCallsStep, upstream: UpstreamControl | undefined) {
  if (!upstream) throw new Error('An upstream step needs the contract to have an upstream.');
  if ('upstream' in step) return void upstream.set(step.upstream);
  const calls = upstream.calls(step.path);
  const to = step.path ? ` to ${step.path}` : '';
  return calls === step.upstreamCalls
    ? undefined
    : `The provider had ${calls} request${calls === 1 ? '' : 's'}${to} in this check; ${step.upstreamCalls} expected. ${step.message}`;
}

/** Statuses as a sorted list, for comparing a set of answers with what the contract allows. */
const sorted = (statuses: number[]) => [...statuses].sort((a, b) => a - b);

/** Sends a `together` step's requests at once; each is judged as a step is, and their statuses together must match. */
async function together(target: RequestTarget, step: TogetherStep, run: StepRun): Promise<string | undefined> {
  const { concurrent, problem } = await sendConcurrent(target, step.together, run.now, run.captured);
  run.last = { concurrent };
  if (problem) return problem;
  const got = sorted(concurrent.exchanges.map((e) => e.response!.status));
  const wanted = sorted(step.statuses);
  return got.join() === wanted.join()
    ? undefined
    : `Sent at once, the requests were answered ${got.join(', ')}; exactly ${wanted.join(', ')} was expected. ${step.message}`;
}

/** Runs one check: its `given` steps, then its own; blocked when a `given` step fails. */
async function runCheck(
  target: RequestTarget,
  contract: Contract,
  check: ContractCheck,
  options: RunOptions,
  uid: string,
) {
  const run: StepRun = { captured: { run: options.runId, uid }, now: Date.now(), last: {} };
  options.upstream?.reset();
  const other = async (step: CheckerStep, at: StepRun) => {
    if ('restart' in step) return options.restart(step.restart);
    if ('upstream' in step || 'upstreamCalls' in step) return upstreamStep(step, options.upstream);
    if ('wait' in step) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(step.wait, 5) * 1000));
      return undefined;
    }
    return together(target, step, at);
  };
  for (const name of check.given) {
    for (const step of contract.given[name] ?? []) {
      const problem = await runStep<CheckerStep>(target, step, run, other);
      if (problem)
        return {
          status: 'blocked' as const,
          result: { name: check.name, passed: false, message: `Set-up "${name}" failed: ${problem}`, ...run.last },
        };
    }
  }
  for (const step of check.steps) {
    const problem = await runStep<CheckerStep>(target, step, run, other);
    if (problem)
      return { status: 'failed' as const, result: { name: check.name, passed: false, message: problem, ...run.last } };
  }
  return { status: 'passed' as const, result: { name: check.name, passed: true, ...run.last } };
}

const restarts = (check: ContractCheck) => check.steps.some((step) => 'restart' in step);

/**
 * Runs the contract's checks (or one milestone's); what each did, in the contract's order. Checks that ask for a
 * restart run last, so the learner is asked once the rest are done. Never throws for the server's faults.
 */
export async function runChecks(
  server: RequestTarget,
  contract: Contract,
  options: RunOptions,
): Promise<CheckOutcome[]> {
  // A step that asks for a signature gets it over its body as sent, as a webhook sender signs.
  const target: RequestTarget = {
    ...server,
    prepare: (request, step) => (step.sign ? signRequest(request, step.sign) : Promise.resolve(request)),
  };
  const chosen = contract.milestones.flatMap((milestone, m) =>
    options.milestone !== undefined && options.milestone !== m + 1
      ? []
      : milestone.checks.map((check, c) => ({ check, m: m + 1, c: c + 1 })),
  );
  const order = [...chosen.filter((x) => !restarts(x.check)), ...chosen.filter((x) => restarts(x.check))];
  const outcomes: CheckOutcome[] = [];
  for (const { check, m, c } of order) {
    const number = `${m}.${c}`;
    options.onCheck?.({ number, check });
    const started = Date.now();
    const { status, result } = await runCheck(target, contract, check, options, `${options.runId}-${m}-${c}`);
    const outcome = { number, milestone: m, check, status, result, ms: Date.now() - started };
    outcomes.push(outcome);
    options.onCheck?.({ number, check, outcome });
  }
  const index = (o: CheckOutcome) => chosen.findIndex((x) => x.check === o.check);
  return outcomes.sort((a, b) => index(a) - index(b));
}

/** The milestones every check of which passed (none unchecked, at least one check run). */
export function passedMilestones(contract: Contract, outcomes: readonly CheckOutcome[]): number[] {
  return contract.milestones.flatMap((milestone, i) => {
    const mine = outcomes.filter((o) => o.milestone === i + 1);
    const all = milestone.checks.length > 0 && mine.length === milestone.checks.length;
    return all && mine.every((o) => o.status === 'passed') ? [i + 1] : [];
  });
}
