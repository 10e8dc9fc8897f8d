/**
 * Requests arriving: a Poisson process whose rate follows the scenario's profile (drawn at the peak rate and
 * thinned, Lewis and Shedler's method), reads and writes in the traffic part's proportion, keys by Zipf popularity.
 * Each request ends once: completed, failed or still in flight at the end. SHARED BY BUILD AND BROWSER CODE.
 */
import { runCalls, type Job, type Sim } from './engine.ts';
import type { Reason } from './metrics.ts';
import { numberParam, type Part } from '../model/model.ts';
import { zipfSampler } from './random.ts';
import { HOT_KEY_SKEW, peakFactor, rateFactor, type Profile, type Scenario } from './scenario.ts';

/** How long after its write completes a writer reads it back, ms (an assumption: docs/design-simulator.md). */
const REREAD_DELAY = 100;

export interface Tally {
  inFlight: number;
  /** The smallest latency minus the service and wire time on the request's own path: never below 0. */
  minSlack: number;
}

/** Records how a request ended; true when it completed. */
function record(sim: Sim, tally: Tally, job: Job, failure: Reason | undefined): boolean {
  const { metrics } = sim;
  const now = sim.clock.now;
  const ended = failure ?? (now > job.deadline ? 'timeout' : undefined);
  if (ended === 'timeout') metrics.latencies[metrics.windowOf(job.deadline)]!.push(job.deadline - job.start);
  if (ended) {
    metrics.failures[ended][metrics.windowOf(ended === 'timeout' ? job.deadline : now)]! += 1;
    return false;
  }
  // An answer that no store of the data gave is made up: the read fails, whatever its speed.
  if (job.read && !job.stored) {
    metrics.failures['no-store'][metrics.windowOf(now)]! += 1;
    return false;
  }
  const window = metrics.windowOf(now);
  metrics.completed[window]! += 1;
  metrics.latencies[window]!.push(now - job.start);
  tally.minSlack = Math.min(tally.minSlack, now - job.start - job.floor);
  if (job.mustSee > 0 && job.version < job.mustSee) metrics.staleReads += 1;
  return true;
}

/** A celebrity's posts: from `at`, `posts` a second, each written once per follower by the calls made per follower. */
function schedulePosts(
  sim: Sim,
  profile: Extract<Profile, { kind: 'celebrity' }>,
  duration: number,
  post: (fanout: number) => void,
) {
  const every = 1000 / (profile.posts ?? 1);
  for (let time = profile.at * 1000; time < duration; time += every) sim.clock.at(time, () => post(profile.followers));
}

export function startTraffic(sim: Sim, index: number, part: Part, scenario: Scenario): Tally {
  const { clock, random, metrics } = sim;
  const profile = scenario.profile ?? { kind: 'steady' };
  const duration = scenario.duration * 1000;
  const perMs = ((scenario.rate ?? numberParam(part, 'rate')) * peakFactor(profile)) / 1000;
  const reads = (scenario.reads ?? numberParam(part, 'reads')) / 100;
  const skew = profile.kind === 'hot-key' ? (profile.skew ?? HOT_KEY_SKEW) : numberParam(part, 'skew');
  const drawKey = zipfSampler(numberParam(part, 'keys'), skew, random);
  const timeout = numberParam(part, 'timeout');
  const reread = numberParam(part, 'reread') / 100;
  const followers = scenario.followers ?? 1;
  const tally: Tally = { inFlight: 0, minSlack: Infinity };

  const finish = (job: Job, failure: Reason | undefined) => {
    tally.inFlight -= 1;
    if (!record(sim, tally, job, failure)) return;
    // The writer reads back what it was told is saved: the version it committed, or, when nothing committed before
    // the answer (a write handed to a queue, or stored nowhere), a version at least as new as the answer.
    if (!job.read && job.version === 0) sim.metrics.uncommitted += 1;
    if (!job.read && reread > 0 && random.next() < reread) {
      const mustSee = job.version > 0 ? job.version : clock.now;
      clock.at(clock.now + REREAD_DELAY, () => start(true, job.key, 1, mustSee));
    }
  };
  const start = (read: boolean, key: number, fanout: number, mustSee: number) => {
    const now = clock.now;
    if (now >= duration) return;
    const job: Job = {
      read,
      key,
      fanout,
      start: now,
      deadline: now + timeout,
      background: false,
      mustSee,
      version: 0,
      floor: 0,
      stored: false,
      queued: false,
    };
    metrics.arrivals[metrics.windowOf(now)]! += 1;
    tally.inFlight += 1;
    runCalls(sim, index, job, (failure) => finish(job, failure));
  };
  const peak = peakFactor(profile);
  const arriveAfter = (time: number) => {
    let next = time;
    do next += random.exponential(1 / perMs);
    while (next < duration && random.next() * peak > rateFactor(profile, next / 1000, scenario.duration));
    if (next >= duration) return;
    clock.at(next, () => {
      start(random.next() < reads, drawKey(), followers, 0);
      arriveAfter(next);
    });
  };
  if (perMs > 0) arriveAfter(0);
  if (profile.kind === 'celebrity') schedulePosts(sim, profile, duration, (fanout) => start(false, 0, fanout, 0));
  return tally;
}
