/**
 * What a simulation runs: a traffic profile, faults, a duration and goals. Times in a scenario are in seconds from
 * its start. SHARED BY BUILD AND BROWSER CODE.
 */
import type { PartKind } from '../model/parts.ts';

/** How the request rate moves over the run. */
export type Profile =
  | { readonly kind: 'steady' }
  /** A day's rise and fall, compressed into the run: the rate climbs to `peak` × at the middle and falls back. */
  | { readonly kind: 'daily-peak'; readonly peak: number }
  /** The rate is `factor` × (10 by default) from `at` for `duration` seconds. */
  | { readonly kind: 'spike'; readonly factor?: number; readonly at: number; readonly duration: number }
  /** Keys drawn with Zipf exponent `skew` (1.1 by default): a few keys take most requests. */
  | { readonly kind: 'hot-key'; readonly skew?: number }
  /** From `at`, `posts` writes a second (1 by default) by writers with `followers` followers each. */
  | { readonly kind: 'celebrity'; readonly followers: number; readonly at: number; readonly posts?: number };

/** What a fault that names a part knows of it from the lab's design. */
interface Aim {
  readonly of?: PartKind;
  readonly claimed?: readonly string[];
}

/**
 * Something that breaks during the run, at `at` seconds. A fault that names a part may also carry `of`, the kind of
 * part the lab's own design gives that name, and `claimed`, the names it gives the other parts of that kind (the
 * grading fills both in, design-grade.ts `aimFaults`): in a design that names its parts otherwise, the fault strikes
 * its parts of that kind that the lab gives no other role, or all of that kind when each has one (simulator/faults.ts),
 * so renaming a part never escapes a fault.
 */
export type Fault =
  /** `count` members (1 by default) of a service, cache, queue (workers) or database (replicas) stop. */
  | ({
      readonly kind: 'instance-dies';
      readonly part: string;
      readonly at: number;
      readonly count?: number;
    } & Aim)
  /** A database's primaries fail: writes and primary reads fail until a replica is promoted (its `failover` time). */
  | ({ readonly kind: 'failover'; readonly part: string; readonly at: number } & Aim)
  /** A cache loses every key. */
  | ({ readonly kind: 'cache-flush'; readonly part: string; readonly at: number } & Aim)
  /** Every member of every part in the zone stops. */
  | { readonly kind: 'zone-lost'; readonly zone: string; readonly at: number };

/** A number a scenario is held to. */
export type Goal =
  | { readonly kind: 'p99'; readonly under: number }
  | { readonly kind: 'p95'; readonly under: number }
  | { readonly kind: 'p50'; readonly under: number }
  /** Errors and drops over arrivals, in %. */
  | { readonly kind: 'error-rate'; readonly under: number }
  /** Monthly cost in $. */
  | { readonly kind: 'cost'; readonly under: number }
  /** No read after its writer's write sees older data. */
  | { readonly kind: 'read-your-writes' }
  /** Every queue empty (nothing waiting or being worked on) `by` seconds into the run, and no message failed. */
  | { readonly kind: 'queue-drained'; readonly by: number }
  /** No queue's backlog still growing when the run ends. Standing: goals.ts judges it on every run with a queue. */
  | { readonly kind: 'backlog-settles' };

export interface Scenario {
  /** Names it to the learner: "20k reads a second", "primary failover". */
  readonly name: string;
  /** Seconds simulated. */
  readonly duration: number;
  /** Requests a second, replacing the traffic part's `rate`. */
  readonly rate?: number;
  /** Share of reads in %, replacing the traffic part's `reads`. */
  readonly reads?: number;
  /** Followers of an ordinary writer (1 by default): how many times a `per follower` call is made. */
  readonly followers?: number;
  readonly profile?: Profile;
  readonly faults?: readonly Fault[];
  readonly goals?: readonly Goal[];
  /** Seconds per row of the report (1 by default; more for long runs, at most 600 rows). */
  readonly window?: number;
}

/** The Zipf exponent of a hot-key profile that gives none. */
export const HOT_KEY_SKEW = 1.1;

/** The rate factor of a profile at time `t` seconds of a run lasting `duration`. */
export function rateFactor(profile: Profile, t: number, duration: number): number {
  if (profile.kind === 'daily-peak') return 1 + (profile.peak - 1) * Math.sin((Math.PI * t) / duration) ** 2;
  if (profile.kind === 'spike' && t >= profile.at && t < profile.at + profile.duration) return profile.factor ?? 10;
  return 1;
}

/** The highest rate factor of a profile: the arrival process draws at that rate and thins. */
export function peakFactor(profile: Profile): number {
  if (profile.kind === 'daily-peak') return Math.max(1, profile.peak);
  if (profile.kind === 'spike') return Math.max(1, profile.factor ?? 10);
  return 1;
}
