/**
 * A scenario's faults, applied to the running parts at their time. SHARED BY BUILD AND BROWSER CODE.
 */
import type { Sim } from './engine.ts';
import type { Part } from './model.ts';
import type { Runtime } from './runtime.ts';
import type { Fault } from './scenario.ts';

/** What part a fault names must be, and why. */
const NEEDS: Partial<Record<Fault['kind'], (runtime: Runtime) => boolean>> = {
  'instance-dies': (runtime) => runtime.killable.length > 0,
  failover: (runtime) => runtime.failover !== undefined,
  'cache-flush': (runtime) => runtime.flush !== undefined,
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
 * service), changes nothing: a design with no cache loses no cache. Returns a note for each such fault.
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
      const index = parts.findIndex((part) => part.name === fault.part);
      runtime = runtimes[index];
      if (!runtime || !NEEDS[fault.kind]!(runtime)) {
        notes.push(`${fault.kind} at ${fault.at} s: no ${fault.part} it can act on in this design`);
        continue;
      }
    }
    sim.clock.at(fault.at * 1000, () => apply(fault, runtimes, runtime));
  }
  return notes;
}
