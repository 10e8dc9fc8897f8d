/**
 * What a run records as it goes, per window of time: arrivals, completions and their latencies, errors and drops
 * by reason, and per part the busy and available server time and the longest queue. report.ts turns it into the
 * result. SHARED BY BUILD AND BROWSER CODE.
 */

/**
 * Why a request failed. All but the last two are errors; those two are drops (refused at the door). `no-store`: a
 * read answered without reaching any store of the data (a database, object storage, a service that `holds data`,
 * or a cache or CDN with one behind it).
 */
export const REASONS = [
  'timeout',
  'pool-exhausted',
  'instance-down',
  'failover',
  'no-store',
  'queue-full',
  'rate-limited',
] as const;
export type Reason = (typeof REASONS)[number];
export const DROP_REASONS: readonly Reason[] = ['queue-full', 'rate-limited'];

/** One station of a part that has several (a shard's primary, its replicas, a cache node): its own busy time. */
export interface StationMetrics {
  readonly label: string;
  readonly busy: Float64Array;
  readonly capacity: Float64Array;
}

/** Time-weighted and peak figures of one part (a station: instances, connections, workers, nodes). */
export class PartMetrics {
  /** Server-milliseconds busy, per window. */
  readonly busy: Float64Array;
  /** Server-milliseconds available (servers alive × time), per window. */
  readonly capacity: Float64Array;
  /** Requests-milliseconds spent waiting in line, per window: its time average is the mean line length. */
  readonly waiting: Float64Array;
  /** Longest queue seen, per window. */
  readonly depth: Float64Array;
  /** Queue length at the end of each window. */
  readonly depthAtEnd: Float64Array;
  /** Calls that reached it (messages for a queue), foreground and background. */
  calls = 0;
  /** Of those, writes (object storage bills them at its PUT price). */
  writes = 0;
  /** Foreground visits, and their total wait and service time in ms: where a request's time went. */
  visits = 0;
  /** Visits that had to wait for a server. */
  waited = 0;
  wait = 0;
  service = 0;
  /** Background work (a queue's messages): how many began, their total wait for a worker and their work, ms. */
  messages = 0;
  messageWait = 0;
  messageWork = 0;
  /** Failures that started here, by reason. */
  readonly failures = new Map<Reason, number>();
  /** A queue's messages out of sight after a failed delivery, at the end of each window (-1: no change in it). */
  readonly hiddenAtEnd: Float64Array;
  /** Its stations' own figures, when it has several, so one saturated shard is not averaged away. */
  readonly stations: StationMetrics[] = [];
  /** A queue's messages delivered again, and those moved to its dead-letter queue after its last try. */
  redelivered = 0;
  deadLettered = 0;

  constructor(windows: number) {
    this.busy = new Float64Array(windows);
    this.capacity = new Float64Array(windows);
    this.depth = new Float64Array(windows);
    this.waiting = new Float64Array(windows);
    this.depthAtEnd = new Float64Array(windows).fill(-1);
    this.hiddenAtEnd = new Float64Array(windows).fill(-1);
  }
}

export class Metrics {
  readonly windows: number;
  readonly arrivals: Float64Array;
  readonly completed: Float64Array;
  readonly latencies: number[][];
  readonly failures: Record<Reason, Float64Array>;
  /** Longest replication lag of a write committed in the window, ms. */
  readonly lag: Float64Array;
  readonly parts: PartMetrics[];
  /** Reads after their writer's write that saw older data. */
  staleReads = 0;
  /** Writes answered before any database committed them: handed to a queue or a cache, or stored nowhere. */
  uncommitted = 0;
  /** Background work (async calls, queued messages): done and failed. */
  backgroundDone = 0;
  backgroundFailed = 0;

  /** Window length and run length in ms. */
  readonly window: number;
  readonly duration: number;

  constructor(window: number, duration: number, partCount: number) {
    this.window = window;
    this.duration = duration;
    const windows = Math.max(1, Math.ceil(duration / window));
    this.windows = windows;
    this.arrivals = new Float64Array(windows);
    this.completed = new Float64Array(windows);
    this.latencies = Array.from({ length: windows }, () => []);
    this.failures = Object.fromEntries(REASONS.map((reason) => [reason, new Float64Array(windows)])) as Record<
      Reason,
      Float64Array
    >;
    this.lag = new Float64Array(windows);
    this.parts = Array.from({ length: partCount }, () => new PartMetrics(windows));
  }

  /** The window a time falls in (the last one for the end of the run). */
  windowOf(time: number): number {
    return Math.min(this.windows - 1, Math.max(0, Math.floor(time / this.window)));
  }

  /** Adds `value` × time over [from, to) to a per-window series, split at window edges. */
  integrate(series: Float64Array, from: number, to: number, value: number) {
    let start = from;
    while (start < to && value !== 0) {
      const index = this.windowOf(start);
      const edge = Math.min(to, (index + 1) * this.window);
      if (index === this.windows - 1) {
        series[index]! += value * (to - start);
        return;
      }
      series[index]! += value * (edge - start);
      start = edge;
    }
  }
}
