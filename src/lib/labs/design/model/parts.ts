/**
 * The parts a design is made of and every parameter they take: its unit, its valid range and its default. One table,
 * read by the parser, the validator, the formatter, the simulator and the page's form; docs/design-simulator.md says
 * where each default comes from. SHARED BY BUILD AND BROWSER CODE.
 */

/** A unit a parameter is written in. The value is kept in this unit; the parser converts from its aliases. */
export type Unit = 'ms' | 's' | 'req/s' | '%' | 'GB' | 'KB' | '$/month' | '';

/** A numeric parameter: kept in `unit`, valid from `min` to `max` inclusive. */
export interface NumberSpec {
  readonly type: 'number';
  readonly unit: Unit;
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** Whole numbers only (instances, connections, workers…). */
  readonly integer?: boolean;
  /** What the parameter means, in a few words, for a form label and a screen reader. */
  readonly label: string;
}

/** A parameter that takes one word from a list. */
export interface ChoiceSpec {
  readonly type: 'choice';
  readonly choices: readonly string[];
  readonly default: string;
  readonly label: string;
}

export type ParamSpec = NumberSpec | ChoiceSpec;

/** The kinds of part, in the order a request usually meets them. */
export const PART_KINDS = [
  'traffic',
  'cdn',
  'limiter',
  'lb',
  'service',
  'cache',
  'database',
  'queue',
  'storage',
] as const;
export type PartKind = (typeof PART_KINDS)[number];

/**
 * Managed services that span every zone (a load balancer, a CDN, a rate limiter, object storage): the simulator runs
 * them with no members to lose, so no zone loss takes them, and a `zones` line on one changes nothing.
 */
export const ZONE_SPANNING_KINDS: readonly PartKind[] = ['lb', 'cdn', 'limiter', 'storage'];

const num = (unit: Unit, min: number, max: number, def: number, label: string, integer = false): NumberSpec => ({
  type: 'number',
  unit,
  min,
  max,
  default: def,
  label,
  ...(integer ? { integer } : {}),
});
const int = (min: number, max: number, def: number, label: string) => num('', min, max, def, label, true);
const choice = (choices: readonly string[], def: string, label: string): ChoiceSpec => ({
  type: 'choice',
  choices,
  default: def,
  label,
});
const cost = (def: number, label: string) => num('$/month', 0, 1_000_000, def, label);
/**
 * How much a part's times vary around their mean: the standard deviation as a share of it. A fact of the work, not a
 * design choice (design-measured.ts holds it): 100 % is exponential, 0 % every call takes the mean.
 */
const spread = () =>
  num(
    '%',
    0,
    100,
    100,
    'how much the time varies: its standard deviation as a share of the mean (100 %: exponential; 0 %: always the mean)',
  );

/** The parameters of the parts a request passes through. Prices: on-demand, us-east-1, November 2026 (docs/design-simulator.md). */
const requestPathParams = () => ({
  traffic: {
    rate: num('req/s', 0, 1_000_000, 1000, 'requests a second'),
    reads: num('%', 0, 100, 90, 'share of requests that are reads'),
    keys: int(1, 1_000_000, 100_000, 'distinct keys requested'),
    skew: num('', 0, 3, 0, 'Zipf exponent of key popularity (0: uniform)'),
    timeout: num('ms', 1, 120_000, 1000, 'client timeout'),
    size: num('KB', 0.1, 100_000, 10, 'response size'),
    reread: num('%', 0, 100, 0, 'share of writes the writer reads back'),
  },
  cdn: {
    hits: num('%', 0, 100, 80, 'share of reads served at the edge'),
    time: num('ms', 0, 10_000, 20, 'latency of an edge hit'),
  },
  limiter: {
    rate: num('req/s', 1, 1_000_000, 1000, 'requests let through a second'),
    burst: int(1, 1_000_000, 100, 'requests let through at once'),
    scope: choice(['global', 'key'], 'global', 'one bucket for all, or one per key'),
  },
  lb: {
    time: num('ms', 0, 1000, 0.5, 'latency added'),
    cost: cost(16.43, 'monthly price'),
  },
  service: {
    instances: int(1, 1000, 2, 'instances'),
    concurrency: int(1, 10_000, 50, 'requests in progress per instance'),
    time: num('ms', 0.001, 60_000, 10, 'mean service time per call'),
    spread: spread(),
    queue: int(0, 1_000_000, 1000, 'requests waiting per instance'),
    holds: choice(['nothing', 'data'], 'nothing', 'data its answers come from, in its own memory (a model, an index)'),
    cost: cost(59.57, 'monthly price per instance'),
  },
});

/** The parameters of the parts that hold data. */
const dataParams = () => ({
  cache: {
    nodes: int(1, 100, 1, 'nodes (keys spread by hash)'),
    size: num('GB', 0.001, 10_000, 1, 'memory for items, all nodes'),
    item: num('KB', 0.01, 10_000, 1, 'size of an item'),
    ttl: num('s', 0, 86_400 * 30, 300, 'time to live (0: none)'),
    invalidate: choice(['delete', 'update', 'ttl'], 'delete', 'what a write does to a cached key'),
    coalesce: choice(['off', 'on'], 'off', 'misses of a key being fetched wait for that fetch'),
    time: num('ms', 0.001, 1000, 0.05, 'mean time per operation'),
    spread: spread(),
    cost: cost(99.28, 'monthly price per node'),
  },
  database: {
    pool: int(1, 10_000, 100, 'connections per node'),
    read: num('ms', 0.001, 60_000, 2, 'mean time of a read query'),
    write: num('ms', 0.001, 60_000, 5, 'mean time of a write query'),
    spread: spread(),
    replicas: int(0, 15, 0, 'read replicas per shard'),
    'reads-from': choice(['primary', 'replicas'], 'primary', 'where reads go'),
    lag: num('ms', 0, 600_000, 20, 'replication delay'),
    apply: num('ms', 0.001, 1000, 0.2, 'time a replica takes to apply a write'),
    wait: num('ms', 1, 120_000, 1000, 'longest wait for a connection'),
    failover: num('s', 1, 3600, 60, 'time to promote a replica'),
    shards: int(1, 1024, 1, 'shards by key'),
    cost: cost(175.2, 'monthly price per node'),
  },
  queue: {
    capacity: int(1, 100_000_000, 100_000, 'messages it can hold'),
    workers: int(1, 10_000, 4, 'workers'),
    time: num('ms', 0.001, 600_000, 20, 'mean time a worker spends per message'),
    spread: spread(),
    enqueue: num('ms', 0, 10_000, 5, 'time to enqueue'),
    visibility: num('s', 0.1, 43_200, 30, 'visibility timeout: a message whose work failed comes back after it'),
    tries: int(1, 1000, 5, 'deliveries before a message goes to the dead-letter queue'),
    cost: cost(59.57, 'monthly price per worker'),
  },
  storage: {
    time: num('ms', 0.1, 10_000, 30, 'mean time to first byte'),
    size: num('GB', 0, 10_000_000, 100, 'data stored'),
  },
});

/**
 * Every parameter of every kind of part, built once by the helpers above. Marked pure: a script that loads this
 * module for another of its names (the design lab's page, for the estimates) leaves the table to the run's chunk.
 */
const paramTable = (): Record<PartKind, Record<string, ParamSpec>> => ({ ...requestPathParams(), ...dataParams() });
export const PARAMS = /* @__PURE__ */ paramTable();

export const isPartKind = (word: string): word is PartKind => (PART_KINDS as readonly string[]).includes(word);
