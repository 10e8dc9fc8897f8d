/**
 * A cache as the simulator runs it: nodes holding keys in LRU order with a time to live, each key on the node its
 * hash names. Hit ratios are not assumed: they come from the keys requested, the memory and the TTL. A read that
 * misses makes the cache's calls and stores what it read; a write goes on through the cache's calls, then deletes
 * the key, updates it, or leaves it to expire (`invalidate`). With `coalesce on`, concurrent misses of a key make one
 * fetch. SHARED BY BUILD AND BROWSER CODE.
 */
import { runCalls, type Done, type Job, type Sim } from './engine.ts';
import { choiceParam, numberParam, type Part } from '../model/model.ts';
import { bucketOf, membersOf, serve, serviceTimeOf, type Runtime } from './runtime.ts';
import { CacheStore } from './cache-store.ts';
import { Station } from './station.ts';

/**
 * Fills the cache as it stands after running a while: keys in popularity order, each there with its steady-state
 * chance under its TTL (λT/(1+λT) for a key read λ times a ms and fetched again at the first read after it expires),
 * stored at times spread over the last TTL, until the nodes are full; the most requested are the most recently used.
 * Starting from that state rather than from every key fresh keeps a short run's hit ratio at the long-run one.
 */
function warm(store: CacheStore, nodes: number, keys: number, sim: Sim, readsPerMs: (key: number) => number) {
  const chosen: number[] = [];
  const counts = new Int32Array(nodes);
  for (let key = 0; key < keys && chosen.length < store.room * nodes; key += 1) {
    const node = bucketOf(key, nodes);
    if (counts[node]! >= store.room) continue;
    const reads = readsPerMs(key) * store.ttl;
    if (store.ttl > 0 && sim.random.next() * (1 + reads) >= reads) continue;
    counts[node]! += 1;
    chosen.push(key);
  }
  for (let index = chosen.length - 1; index >= 0; index -= 1) {
    const key = chosen[index]!;
    store.set(bucketOf(key, nodes), key, 0, -sim.random.next() * store.ttl);
  }
}

/** One station per node: Redis runs commands one at a time, so a node is a single server. */
const nodeStations = (sim: Sim, index: number, part: Part, nodes: number) =>
  Array.from(
    { length: nodes },
    (_, node) =>
      new Station(sim, sim.metrics.parts[index]!, {
        members: 1,
        slots: 1,
        zones: part.zones.length > 0 ? [part.zones[node % part.zones.length]!] : [],
        capacity: Infinity,
        waitLimit: Infinity,
        waitReason: 'timeout',
        downReason: 'instance-down',
        ...(nodes > 1 ? { label: `node ${node + 1}` } : {}),
      }),
  );

/**
 * Reads through the cache: a hit answers with the stored version; a miss makes the cache's calls and stores what
 * they read. With `coalesce`, reads that miss a key already being fetched wait for that fetch (single flight).
 */
function reader(sim: Sim, index: number, store: CacheStore, coalesce: boolean) {
  const pending = new Map<number, [Job, Done][]>();
  const counts = { hits: 0, misses: 0 };
  const lookup = (job: Job, node: number, answer: Done) => {
    const version = store.get(node, job.key, sim.clock.now);
    if (version !== undefined) {
      counts.hits += 1;
      job.version = version;
      job.stored = sim.backed[index]!;
      return answer();
    }
    counts.misses += 1;
    const fetching = coalesce ? pending.get(job.key) : undefined;
    if (fetching) return void fetching.push([job, answer]);
    if (coalesce) pending.set(job.key, []);
    runCalls(sim, index, job, (failure) => {
      if (!failure) store.set(node, job.key, job.version, sim.clock.now);
      const waiting = pending.get(job.key) ?? [];
      pending.delete(job.key);
      answer(failure);
      for (const [other, done] of waiting) {
        other.version = job.version;
        other.stored = job.stored;
        done(failure);
      }
    });
  };
  return {
    lookup,
    get hits() {
      return counts.hits;
    },
    get misses() {
      return counts.misses;
    },
  };
}

export function runCache(
  sim: Sim,
  index: number,
  part: Part,
  keys: number,
  readsPerMs: (key: number) => number,
): Runtime {
  const nodes = numberParam(part, 'nodes');
  const room = Math.floor((numberParam(part, 'size') * 1e6) / numberParam(part, 'item') / nodes);
  const store = new CacheStore(keys, nodes, room, numberParam(part, 'ttl') * 1000);
  warm(store, nodes, keys, sim, readsPerMs);
  const stations = nodeStations(sim, index, part, nodes);
  const mean = serviceTimeOf(part);
  const invalidate = choiceParam(part, 'invalidate');
  const stats = sim.metrics.parts[index]!;
  const reads = reader(sim, index, store, choiceParam(part, 'coalesce') === 'on');
  return {
    handler: (job, done) => {
      const node = bucketOf(job.key, nodes);
      // A cache node that is down is a miss the client goes round, not an error.
      if (!stations[node]!.members[0]!.alive) return runCalls(sim, index, job, done);
      // The node is held for its own operation only: on a miss the caller goes on to the database itself.
      serve(
        sim,
        stations[node]!,
        job,
        mean,
        stats,
        (answer) => answer(),
        (failure) => {
          if (failure) return done(failure);
          if (job.read) return reads.lookup(job, node, done);
          runCalls(sim, index, job, (failed) => {
            if (!failed && invalidate === 'delete') store.delete(node, job.key);
            // A write that the parts behind handed to a queue, answered before anything committed it, leaves the
            // cache holding the value it was given, as a write-behind cache does: that is what the writer and its
            // readers see from here. A write that went nowhere else is kept nowhere: the cache holds the old data.
            if (!failed && invalidate === 'update') {
              if (job.version === 0 && job.queued) job.version = sim.clock.now;
              store.set(node, job.key, job.version, sim.clock.now);
            }
            done(failed);
          });
        },
      );
    },
    stations,
    killable: membersOf(stations),
    flush: () => store.clear(),
    hits: () => [reads.hits, reads.misses],
  };
}
