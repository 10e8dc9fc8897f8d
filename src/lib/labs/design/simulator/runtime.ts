/**
 * What the simulator keeps for each part while it runs: how it handles a request, its stations, and how the
 * faults of a scenario act on it. SHARED BY BUILD AND BROWSER CODE.
 */
import type { Done, Handler, Job, Sim } from './engine.ts';
import type { Member, Station, Ticket } from './station.ts';
import { numberParam, type Part } from '../model/model.ts';

export interface Runtime {
  readonly handler: Handler;
  /** Its stations: instances, nodes, workers; a database's primaries and replicas. */
  readonly stations: readonly Station[];
  /** Members a lost zone or a dying instance may take: for a database its replicas, never its primaries. */
  readonly killable: readonly [Station, Member][];
  /** A database's primaries (those in `zone`, if given) fail; a replica is promoted after the failover time. */
  failover?(zone?: string): void;
  /** A cache loses every key. */
  flush?(): void;
  /** Cache hits and misses so far. */
  hits?: () => [number, number];
}

/** A key's rank spread over n buckets (shards, cache nodes) by a multiplicative hash, so ranks next to each other
 * do not land together. */
export const bucketOf = (key: number, n: number) => (Math.imul(key + 1, 0x9e3779b1) >>> 0) % n;

/** A part's time per call: its mean in ms, and its `spread` as a fraction (1: exponential, 0: always the mean). */
export interface ServiceTime {
  mean: number;
  spread: number;
}

/** The service time of a part's `time` (or another mean parameter) and its `spread`. */
export const serviceTimeOf = (part: Part, mean = 'time'): ServiceTime => ({
  mean: numberParam(part, mean),
  spread: numberParam(part, 'spread') / 100,
});

/**
 * Gets a server of `station`, holds it for a service time (`time`: exponential unless its spread says less), then
 * runs `after` while still holding it (a thread waits for its downstream calls), and frees it when `after` answers.
 */
export function serve(
  sim: Sim,
  station: Station,
  job: Job,
  service: ServiceTime,
  stats: { service: number; messageWork: number },
  after: (done: Done, ticket: Ticket) => void,
  done: Done,
) {
  station.acquire(job, done, (ticket) => {
    const time = sim.random.serviceTime(service.mean, service.spread);
    job.floor += time;
    if (job.background) stats.messageWork += time;
    else stats.service += time;
    sim.clock.at(sim.clock.now + time, () => {
      if (ticket.killed) return;
      after((failure) => {
        if (ticket.killed) return;
        station.release(ticket);
        done(failure);
      }, ticket);
    });
  });
}

/** Every member of every station, with its station. */
export const membersOf = (stations: readonly Station[]): [Station, Member][] =>
  stations.flatMap((station) => station.members.map((member): [Station, Member] => [station, member]));
