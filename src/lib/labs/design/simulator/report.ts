/**
 * The result of a run, built from what it recorded: per window and in total, throughput, latency percentiles,
 * errors and drops by reason, queues, replication lag; per part its utilisation, its queue and where requests' time
 * went; the monthly cost. Plain data, so it crosses to and from a worker. SHARED BY BUILD AND BROWSER CODE.
 */
import type { CostLine } from './cost.ts';
import { DROP_REASONS, REASONS, type Metrics, type Reason } from './metrics.ts';
import type { Part } from '../model/model.ts';

export interface WindowRow {
  /** Start of the window, s. */
  readonly at: number;
  readonly arrivals: number;
  /** Requests completed a second. */
  readonly throughput: number;
  /** Latency percentiles of the requests that ended in the window, ms (timeouts count at their timeout). */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly errors: number;
  readonly drops: number;
  readonly reasons: Readonly<Record<Reason, number>>;
  /** The longest line in any part in the window. */
  readonly queue: number;
  /** The longest replication lag of a write committed in the window, ms. */
  readonly lag: number;
}

export interface PartReport {
  readonly name: string;
  readonly kind: Part['kind'];
  /** Busy servers over servers alive, 0–1, per window ([] for a part with no servers). */
  readonly utilisation: readonly number[];
  readonly peakUtilisation: number;
  /** The longest line per window, and what was waiting or in progress at its end. */
  readonly queue: readonly number[];
  readonly backlog: readonly number[];
  /** Calls it received a second, on average. */
  readonly rate: number;
  /** Mean wait for a server and mean service time per visit of a request, ms. */
  readonly wait: number;
  readonly service: number;
  /** Share of visits that had to wait for a server, 0–1 (Erlang C's probability of waiting). */
  readonly waited: number;
  /** Share of its server time spent on its own work, 0–1, over the run: the rest of its busy time it waited for its
   * calls. A part busy at 100 % whose own work is 5 % is held up by the parts it calls. */
  readonly work: number;
  /** Mean wait of background work (a queue's messages) for a worker, ms; 0 for a part that has none. */
  readonly messageWait: number;
  /** Time-average number waiting in line, and of busy servers, over the run. */
  readonly meanQueue: number;
  readonly meanBusy: number;
  /** Share of all the waiting and service time requests spent here, 0–1: where the time went. */
  readonly share: number;
  readonly failures: Partial<Record<Reason, number>>;
  /** Share of reads a cache answered, 0–1. */
  readonly hitRatio?: number;
  /** Each station's peak utilisation, for a part with several (shards' primaries and replicas, cache nodes). */
  readonly stations: readonly { readonly label: string; readonly peakUtilisation: number }[];
  /** A queue's messages delivered again after a failed delivery, and those moved to its dead-letter queue. */
  readonly redelivered: number;
  readonly deadLettered: number;
}

export interface Totals {
  readonly arrivals: number;
  readonly completed: number;
  readonly errors: number;
  readonly drops: number;
  /** Requests still in progress when the run ended. arrivals = completed + errors + drops + inFlight. */
  readonly inFlight: number;
  readonly reasons: Readonly<Record<Reason, number>>;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  /** (errors + drops) / arrivals, in %. */
  readonly errorRate: number;
  /** Reads after their writer's write that returned older data. */
  readonly staleReads: number;
  /** Writes answered before any database committed them. */
  readonly uncommitted: number;
  /** Async work and queue messages done, and failed. */
  readonly backgroundDone: number;
  readonly backgroundFailed: number;
  /** The smallest (latency − service and wire time on its own path) of any request, ms: never negative. */
  readonly minSlack: number;
}

export interface SimResult {
  readonly scenario: string;
  readonly seed: number;
  /**
   * Fraction of the requests simulated (1: all). Totals count the simulated requests; the windows' counts and
   * rates, the parts' rates and lines are scaled back to the full traffic.
   */
  readonly sample: number;
  /** Seconds simulated and seconds per window. */
  readonly duration: number;
  readonly window: number;
  readonly totals: Totals;
  readonly windows: readonly WindowRow[];
  readonly parts: readonly PartReport[];
  readonly cost: { readonly total: number; readonly parts: readonly CostLine[] };
  /** Faults of the scenario that could not act on this design. */
  readonly notes: readonly string[];
}

/** The p-th percentile (0–1) of sorted values, nearest rank; 0 when there are none. */
function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const sum = (values: Float64Array) => values.reduce((total, value) => total + value, 0);

const sortedOf = (values: readonly number[]) => Float64Array.from(values).sort();

const reasonsAt = (metrics: Metrics, window: number) =>
  Object.fromEntries(REASONS.map((reason) => [reason, metrics.failures[reason][window]!])) as Record<Reason, number>;

const split = (reasons: Record<Reason, number>) => {
  let errors = 0;
  let drops = 0;
  for (const reason of REASONS) {
    if (DROP_REASONS.includes(reason)) drops += reasons[reason];
    else errors += reasons[reason];
  }
  return { errors, drops };
};

export function windowRows(metrics: Metrics): WindowRow[] {
  return Array.from({ length: metrics.windows }, (_, window) => {
    const sorted = sortedOf(metrics.latencies[window]!);
    const reasons = reasonsAt(metrics, window);
    const seconds = Math.min(metrics.window, metrics.duration - window * metrics.window) / 1000;
    return {
      at: (window * metrics.window) / 1000,
      arrivals: metrics.arrivals[window]!,
      throughput: metrics.completed[window]! / seconds,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      ...split(reasons),
      reasons,
      queue: Math.max(0, ...metrics.parts.map((part) => part.depth[window]!)),
      lag: metrics.lag[window]!,
    };
  });
}

export function totals(metrics: Metrics, inFlight: number, minSlack: number): Totals {
  const sorted = sortedOf(metrics.latencies.flat());
  const reasons = Object.fromEntries(
    REASONS.map((reason) => [reason, metrics.failures[reason].reduce((sum, value) => sum + value, 0)]),
  ) as Record<Reason, number>;
  const arrivals = metrics.arrivals.reduce((sum, value) => sum + value, 0);
  const { errors, drops } = split(reasons);
  return {
    arrivals,
    completed: metrics.completed.reduce((sum, value) => sum + value, 0),
    errors,
    drops,
    inFlight,
    reasons,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    mean: sorted.length === 0 ? 0 : sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    errorRate: arrivals === 0 ? 0 : (100 * (errors + drops)) / arrivals,
    staleReads: metrics.staleReads,
    uncommitted: metrics.uncommitted,
    backgroundDone: metrics.backgroundDone,
    backgroundFailed: metrics.backgroundFailed,
    minSlack: minSlack === Infinity ? 0 : minSlack,
  };
}

/** What was waiting or in progress at the end of each window, with a queue's messages out of sight until their
 * visibility timeout ends (carried over windows in which that did not change). */
function withHidden(depthAtEnd: Float64Array, hiddenAtEnd: Float64Array): number[] {
  let hidden = 0;
  return Array.from(depthAtEnd, (value, window) => {
    if (hiddenAtEnd[window]! >= 0) hidden = hiddenAtEnd[window]!;
    return Math.max(0, value) + hidden;
  });
}

/** Busy over available server time, per window: 1 where work ran with nothing alive to count it against. */
const shares = (busy: Float64Array, capacity: Float64Array) =>
  Array.from(capacity, (available, window) => (available > 0 ? busy[window]! / available : busy[window]! > 0 ? 1 : 0));

export function partReports(
  metrics: Metrics,
  parts: readonly Part[],
  hits: (index: number) => [number, number] | undefined,
) {
  const spent = metrics.parts.reduce((sum, part) => sum + part.wait + part.service, 0);
  return parts.map((part, index): PartReport => {
    const stats = metrics.parts[index]!;
    const utilisation = shares(stats.busy, stats.capacity);
    const hit = hits(index);
    const stations = stats.stations.map((station) => ({
      label: station.label,
      peakUtilisation: Math.max(0, ...shares(station.busy, station.capacity)),
    }));
    return {
      name: part.name,
      kind: part.kind,
      utilisation: stats.capacity.some((value) => value > 0) ? utilisation : [],
      // The busiest station's peak: a part is as full as its fullest shard.
      peakUtilisation: Math.max(0, ...utilisation, ...stations.map((station) => station.peakUtilisation)),
      queue: Array.from(stats.depth),
      backlog: withHidden(stats.depthAtEnd, stats.hiddenAtEnd),
      stations,
      redelivered: stats.redelivered,
      deadLettered: stats.deadLettered,
      rate: stats.calls / (metrics.duration / 1000),
      wait: stats.visits > 0 ? stats.wait / stats.visits : 0,
      service: stats.visits > 0 ? stats.service / stats.visits : 0,
      work: sum(stats.capacity) > 0 ? (stats.service + stats.messageWork) / sum(stats.capacity) : 0,
      messageWait: stats.messages > 0 ? stats.messageWait / stats.messages : 0,
      waited: stats.visits > 0 ? stats.waited / stats.visits : 0,
      meanQueue: sum(stats.waiting) / metrics.duration,
      meanBusy: sum(stats.busy) / metrics.duration,
      share: spent > 0 ? (stats.wait + stats.service) / spent : 0,
      failures: Object.fromEntries(stats.failures),
      ...(hit && hit[0] + hit[1] > 0 ? { hitRatio: hit[0] / (hit[0] + hit[1]) } : {}),
    };
  });
}
