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
 * The parts a fault strikes: the part it names (its index `named`, −1 when the design has none of that name); in a
 * design without that name, its parts of the kind the lab's design gives it (`of`) that do not bear the name of
 * another part of the lab (`claimed`), or, when each does, all of that kind (the design gave that part's role to one
 * of them). Only those the fault can act on (a cache flush on a cache).
 */
function targetsOf(
  fault: Exclude<Fault, { kind: 'zone-lost' }>,
  named: number,
  parts: readonly Part[],
  runtimes: readonly Runtime[],
) {
  const ofKind = parts.flatMap((part, i) => (fault.of && part.kind === fault.of ? [i] : []));
  const unclaimed = ofKind.filter((i) => !fault.claimed?.includes(parts[i]!.name));
  const indexes = named >= 0 ? [named] : unclaimed.length > 0 ? unclaimed : ofKind;
  return indexes.filter((i) => runtimes[i] && NEEDS[fault.kind]!(runtimes[i]));
}

/**
 * Schedules each fault. A fault with nothing to strike (a cache flush in a design with no cache) changes nothing: a
 * design with no cache loses no cache. Returns a note, a sentence for the learner, for each such fault, for a fault
 * that struck parts by their kind because none had the name the lab gives, and for a primary failure with no replica
 * to promote.
 */
export function scheduleFaults(
  sim: Sim,
  faults: readonly Fault[],
  parts: readonly Part[],
  runtimes: readonly Runtime[],
) {
  const notes: string[] = [];
  for (const fault of faults) {
    if (fault.kind === 'zone-lost') {
      sim.clock.at(fault.at * 1000, () => apply(fault, runtimes, undefined));
      continue;
    }
    const named = index(parts, fault.part);
    const targets = targetsOf(fault, named, parts, runtimes);
    const what = `The ${FAULT_WORDS[fault.kind]} at ${fault.at} s`;
    if (targets.length === 0) {
      notes.push(
        `${what} needs ${NEEDS_WORDS[fault.kind]} named "${fault.part}"${fault.of ? ` (or any ${fault.of})` : ''}, and your design has none: this scenario did not test it.`,
      );
      continue;
    }
    if (named < 0)
      notes.push(
        `${what} strikes the part the lab calls "${fault.part}", a ${fault.of}; your design has none of that name, so it struck ${targets.length === 1 ? 'its' : 'every'} ${fault.of}: ${targets.map((i) => `"${parts[i]!.name}"`).join(', ')}.`,
      );
    for (const i of targets) {
      const part = parts[i]!;
      if (fault.kind === 'failover' && part.kind === 'database' && numberParam(part, 'replicas') === 0)
        notes.push(
          `The primary failure at ${fault.at} s finds no replica of "${part.name}" to promote: its primary stays down to the end of the run.`,
        );
      sim.clock.at(fault.at * 1000, () => apply(fault, runtimes, runtimes[i]));
    }
  }
  return notes;
}
