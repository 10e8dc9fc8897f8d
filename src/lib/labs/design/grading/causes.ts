/**
 * Causes a run's figures cannot show but its design and scenario make plain, added to "where the time went" of a
 * failed scenario: a fan-out made one call after another inside a request, said with its arithmetic against the
 * client's timeout. Facts about the design, never the fix. SHARED BY BUILD AND BROWSER CODE.
 */
import { DEFAULT_HOP } from '../simulator/simulate.ts';
import { numberParam, type Design, type Part } from '../model/model.ts';
import type { Scenario } from '../simulator/scenario.ts';
import { number as count } from './goals.ts';

const seconds = (ms: number) =>
  ms < 10 ? `${ms.toFixed(1)} ms` : ms < 1000 ? `${count(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;

/** The time one call to `part` takes at the least: the hop and the part's own mean service time. */
function callTime(part: Part, write: boolean): number {
  if (part.kind === 'database') return DEFAULT_HOP + numberParam(part, write ? 'write' : 'read');
  if (part.kind === 'service' || part.kind === 'queue') return DEFAULT_HOP + numberParam(part, 'time');
  return DEFAULT_HOP;
}

/** A per-follower call the caller waits for, made for the scenario's biggest writer: its calls in a row. */
export function causeLines(design: Design, scenario: Scenario): string[] {
  const followers = Math.max(
    scenario.followers ?? 1,
    scenario.profile?.kind === 'celebrity' ? scenario.profile.followers : 1,
  );
  const traffic = design.parts.find((part) => part.kind === 'traffic');
  if (followers <= 1 || !traffic) return [];
  const timeout = numberParam(traffic, 'timeout');
  return design.calls.flatMap((call) => {
    const callee = design.parts.find((part) => part.name === call.to);
    if (!call.perFollower || call.mode === 'async' || !callee || callee.kind === 'queue') return [];
    const each = callTime(callee, call.for !== 'reads');
    const total = followers * each;
    if (total < timeout / 2) return [];
    return [
      `Each request by an account with ${count(followers)} followers makes ${count(followers)} calls from ${call.from} to ${call.to} one after another: at least ${count(followers)} × ${seconds(each)} = ${seconds(total)}, against the client's timeout of ${seconds(timeout)}.`,
    ];
  });
}
