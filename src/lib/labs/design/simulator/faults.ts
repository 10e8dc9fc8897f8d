/**
 * A scenario's faults, applied to the running parts at their time. SHARED BY BUILD AND BROWSER CODE.
 */
import type { Sim } from './engine.ts';
import { numberParam, type Part } from '../model/model.ts';
import type { Runtime } from './runtime.ts';
import type { Fault } from './scenario.ts';

/** What part a fault names must be, and why. */
const NEEDS: Partial<Record<Fault['kind'], (runtime: Runtime) => boolean>> = {
  'instance-dies': (runtime) => runtime.killable.length > 0,
  failover: (runtime) => runtime.failover !== undefined,
  'cache-flush': (runtime) => runtime.flush !== undefined,
};

const index = (parts: readonly Part[], name: string) => parts.findIndex((part) => part.name === name);

const FAULT_WORDS: Record<Fault['kind'], string> = {
  'instance-dies': 'instance failure',
  failover: 'primary failure',
  'cache-flush': 'cache flush',
  'zone-lost': 'zone loss',
};
const NEEDS_WORDS: Record<Fault['kind'], string> = {
  'instance-dies': 'a service, cache, queue or replicated database',
  failover: 'a database',
  'cache-flush': 'a cache',
  'zone-lost': 'a part',
};

function apply(fault: Fault, runtimes: readonly Runtime[], runtime: Runtime | undefined) {
  if (fault.kind === 'instance-dies') {
    const alive = runtime!.killable.filter(([, member]) => member.alive).slice(0, fault.count ?? 1);
    for (const [station, member] of alive) station.kill(member, 'instance-down');
  } else if (fault.kind === 'failover') runtime!.failover!();
  else if (fault.kind === 'cache-flush') runtime!.flush!();
  else {
    for (const each of runtimes) {
      for (const station of each.stations) {
        for (const member of station.members) if (member.zone === fault.zone) station.kill(member, 'instance-down');
      }
      each.failover?.(fault.zone);
    }
  }
}

/**
 * Schedules each fault. A fault naming a part the design lacks, or one it cannot act on (a cache flush on a
 * service), changes nothing: a design with no cache loses no cache. Returns a note, a sentence for the learner, for
 * each such fault and for a primary failure with no replica to promote.
 */
export function scheduleFaults(
  sim: Sim,
  faults: readonly Fault[],
  parts: readonly Part[],
  runtimes: readonly Runtime[],
) {
  const notes: string[] = [];
  for (const fault of faults) {
    let runtime: Runtime | undefined;
    if (fault.kind !== 'zone-lost') {
      runtime = runtimes[index(parts, fault.part)];
      if (!runtime || !NEEDS[fault.kind]!(runtime)) {
        notes.push(
          `The ${FAULT_WORDS[fault.kind]} at ${fault.at} s needs ${NEEDS_WORDS[fault.kind]} named "${fault.part}", and your design has none: this scenario did not test it.`,
        );
        continue;
      }
      const part = parts[index(parts, fault.part)]!;
      if (fault.kind === 'failover' && part.kind === 'database' && numberParam(part, 'replicas') === 0)
        notes.push(
          `The primary failure at ${fault.at} s finds no replica of "${fault.part}" to promote: its primary stays down to the end of the run.`,
        );
    }
    sim.clock.at(fault.at * 1000, () => apply(fault, runtimes, runtime));
  }
  return notes;
}
