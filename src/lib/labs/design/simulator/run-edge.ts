/**
 * The parts in front of and beside the services, as the simulator runs them: load balancer, CDN, rate limiter and
 * object storage. None of them queues: the first three add their latency or turn requests away, storage answers
 * after its time to first byte. SHARED BY BUILD AND BROWSER CODE.
 */
import { runCalls, type Handler, type Sim } from './engine.ts';
import { choiceParam, numberParam, type Part } from '../model/model.ts';
import type { Runtime } from './runtime.ts';

const plain = (handler: Handler): Runtime => ({ handler, stations: [], killable: [] });

/** Waits `time` ms, then runs `next`. */
const after = (sim: Sim, time: number, next: () => void) => sim.clock.at(sim.clock.now + time, next);

export function runBalancer(sim: Sim, index: number, part: Part): Runtime {
  const time = numberParam(part, 'time');
  return plain((job, done) =>
    after(sim, time, () => {
      job.floor += time;
      runCalls(sim, index, job, done);
    }),
  );
}

/** Serves `hits` % of reads at the edge; the rest, and every write, go on to its calls. */
export function runCdn(sim: Sim, index: number, part: Part): Runtime {
  const time = numberParam(part, 'time');
  const hits = numberParam(part, 'hits') / 100;
  return plain((job, done) =>
    after(sim, time, () => {
      job.floor += time;
      if (job.read && sim.random.next() < hits) {
        job.stored = sim.backed[index]!;
        return done();
      }
      runCalls(sim, index, job, done);
    }),
  );
}

/** A token bucket of `burst` tokens refilled at `rate` a second, one for all or one per key. */
export function runLimiter(sim: Sim, index: number, part: Part): Runtime {
  const perMs = numberParam(part, 'rate') / 1000;
  const burst = numberParam(part, 'burst');
  const perKey = choiceParam(part, 'scope') === 'key';
  const buckets = new Map<number, { tokens: number; at: number }>();
  const stats = sim.metrics.parts[index]!;
  return plain((job, done) => {
    const id = perKey ? job.key : -1;
    const now = sim.clock.now;
    const bucket = buckets.get(id) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    buckets.set(id, bucket);
    if (bucket.tokens < 1) {
      stats.failures.set('rate-limited', (stats.failures.get('rate-limited') ?? 0) + 1);
      return done('rate-limited');
    }
    bucket.tokens -= 1;
    runCalls(sim, index, job, done);
  });
}

/** Object storage: no limit we could reach; each request takes an exponential time of mean `time` ms. */
export function runStorage(sim: Sim, index: number, part: Part): Runtime {
  const mean = numberParam(part, 'time');
  const stats = sim.metrics.parts[index]!;
  return plain((job, done) => {
    const time = sim.random.exponential(mean);
    job.floor += time;
    job.stored = true;
    if (!job.background) {
      stats.visits += 1;
      stats.service += time;
    }
    after(sim, time, () => runCalls(sim, index, job, done));
  });
}
