/**
 * The goals a design is held to, in words: one source for what the lab page states and what a verdict quotes, so a
 * page can never promise one number and grade another. Also the standing rules, which hold on every scenario
 * whatever its goals, and the one of them judged from a run's numbers (a queue's backlog still growing at the end).
 * SHARED BY BUILD AND BROWSER CODE.
 */
import { numberParam, type Design } from '../model/model.ts';
import type { SimResult } from '../simulator/report.ts';
import type { Goal, Scenario } from '../simulator/scenario.ts';

/** A figure as the messages write it: 1,234; 0.05 with `digits` 2. */
export const number = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** A goal as the page states it: "p99 under 300 ms". */
export function goalText(goal: Goal): string {
  switch (goal.kind) {
    case 'p50':
    case 'p95':
    case 'p99':
      return `${goal.kind} under ${number(goal.under)} ms`;
    case 'error-rate':
      return `errors and drops under ${number(goal.under, 2)} %, of the requests and of the background jobs`;
    case 'cost':
      return `cost under $${number(goal.under)} a month`;
    case 'read-your-writes':
      return 'a writer who reads back right after a write sees that write';
    case 'queue-drained':
      return `every queue empty by ${number(goal.by)} s, with no message failed`;
    case 'backlog-settles':
      return 'no queue backlog still growing when the scenario ends';
  }
}

/** A goal's observed figure in the goal's own unit and name: "p99 84 ms", "errors and drops 0.02 %". */
export function observedText(goal: Goal, values: readonly number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const digits = goal.kind === 'error-rate' ? 2 : 0;
  const span = low === high ? number(low, digits) : `${number(low, digits)}–${number(high, digits)}`;
  switch (goal.kind) {
    case 'p50':
    case 'p95':
    case 'p99':
      return `${goal.kind} ${span} ms`;
    case 'error-rate':
      return `errors and drops ${span} %`;
    case 'cost':
      return `cost $${span} a month`;
    case 'read-your-writes':
      return `${span} stale read-backs`;
    case 'queue-drained':
      return `${span} messages left or failed at ${number(goal.by)} s`;
    case 'backlog-settles':
      return `${span} queues still growing`;
  }
}

/**
 * The traffic a scenario runs, as its page states it: the rate, how long, and how its profile moves the rate ("500
 * requests a second over 10 s, rising to 1,000 a second at mid-run and back"). The rate is left out when the
 * scenario keeps the design's own, or when `named`: its name already gives it.
 */
export function trafficText(scenario: Pick<Scenario, 'rate' | 'profile' | 'duration'>, named = false): string {
  const { rate, profile, duration } = scenario;
  const base = named || rate === undefined ? '' : `${number(rate)} requests a second `;
  const times = (factor: number) =>
    rate === undefined ? `${number(factor)}× the rate` : `${number(rate * factor)} a second`;
  if (profile?.kind === 'daily-peak')
    return `${base}over ${duration} s, rising to ${times(profile.peak)} at mid-run and back`;
  if (profile?.kind !== 'spike') return `${base}for ${duration} s`;
  const factor = profile.factor ?? 10;
  const end = profile.at + profile.duration;
  if (factor === 0 && end >= duration) return `${base}for the first ${profile.at} s of ${duration}, then none`;
  return `${base}over ${duration} s, ${factor === 0 ? 'none' : times(factor)} from ${profile.at} s to ${end} s`;
}

/** What every scenario holds a design to, beside its own goals: stated on every design lab's page. */
export const STANDING_RULES: readonly string[] = [
  'A read must reach a store of the data: a database, object storage, a service the lab says holds its data, or a cache or CDN with one of those behind it. An answer made up anywhere else is an error.',
  'A writer reads back its write 100 ms after the answer, when the traffic says some do. A write that has committed nowhere by then, because it went only to a queue or to no store, reads back older data.',
  'Background jobs and queue messages count: one that fails or is lost counts against the error goal like a request.',
  'A queue whose backlog is still growing when the scenario ends fails it, whatever the latency: that line never clears. Growing means it rose at every step of the last quarter of the run, by more than its workers take in one round (and more than 10 messages).',
  'A service, cache, database or queue with no `zones` line runs in zone a, and losing zone a takes it. A load balancer, CDN, rate limiter or object storage spans every zone: no zone loss takes it.',
];

/** Points at the end of the run a growing backlog is judged on: the last quarter, at least three steps. */
const tailOf = (values: readonly number[]) => values.slice(-(Math.max(3, Math.ceil(values.length / 4)) + 1));

/**
 * The standing backlog rule on one run: for each queue, its backlog at the end of each window over the last quarter
 * of the run; it fails when that rose at every step, by more than the queue has workers (a line a round of work
 * cannot clear). Runs too short to judge (under four windows) pass.
 */
export function backlogVerdict(design: Design, result: SimResult) {
  const goal: Goal = { kind: 'backlog-settles' };
  const growing = result.parts.flatMap((report) => {
    const part = design.parts.find((each) => each.name === report.name);
    if (report.kind !== 'queue' || !part || report.backlog.length < 4) return [];
    const tail = tailOf(report.backlog);
    const rising = tail.every((value, i) => i === 0 || value > tail[i - 1]!);
    const growth = tail.at(-1)! - tail[0]!;
    if (!rising || growth <= Math.max(10, numberParam(part, 'workers'))) return [];
    const perSecond = growth / ((tail.length - 1) * result.window);
    return [
      `queue ${report.name}'s backlog was still growing at the end, by ${number(perSecond)} messages a second to ${number(tail.at(-1)!)}`,
    ];
  });
  return {
    goal,
    passed: growing.length === 0,
    observed: growing.length,
    text: growing.length === 0 ? `${goalText(goal)}: none` : `${growing.join('; ')} (the rule: ${goalText(goal)})`,
  };
}
