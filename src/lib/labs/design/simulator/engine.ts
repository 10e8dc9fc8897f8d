/**
 * The simulator's shared state and how a part calls the parts after it. A request is a Job; each part handles it
 * and answers through a callback (Done), with the reason when it failed. SHARED BY BUILD AND BROWSER CODE.
 */
import type { EventQueue } from './event-queue.ts';
import type { Metrics, Reason } from './metrics.ts';
import type { CallFor } from '../model/model.ts';
import type { Random } from './random.ts';

export interface Job {
  readonly read: boolean;
  /** The key it reads or writes: a rank, 0 the most popular. */
  readonly key: number;
  /** How many times a `per follower` call is made for it. */
  readonly fanout: number;
  readonly start: number;
  /** When its client gives up (ms); Infinity for background work. */
  readonly deadline: number;
  readonly background: boolean;
  /** For a writer reading back its write: that write's commit time, which the read must see. 0 otherwise. */
  readonly mustSee: number;
  /** What a read saw, or when a write committed: the commit time of that version of the key (0: the initial data). */
  version: number;
  /** Service and wire time on its own path, ms: its latency can never be below it. */
  floor: number;
  /** It reached a store of the data: a database or object storage, or a hit in a cache or CDN with one behind it. */
  stored: boolean;
  /** A write a queue took, to be done by its workers after the writer is answered. */
  queued: boolean;
}

/** Answers a call: no argument when it succeeded, the reason when it failed. */
export type Done = (failure?: Reason) => void;

/** Handles a job that arrived at a part; `copies` > 1 only for a batch of messages sent to a queue. */
export type Handler = (job: Job, done: Done, copies: number) => void;

export interface RunCall {
  readonly to: number;
  readonly for: CallFor;
  readonly async: boolean;
  /** Probability the call is made, 0–1. */
  readonly share: number;
  readonly perFollower: boolean;
  /** The callee serves it as a read, whatever the request (`to read`). */
  readonly toRead: boolean;
  /** The callee is a queue: a per-follower call sends one batch of messages rather than one call each. */
  readonly batch: boolean;
}

export interface Sim {
  readonly clock: EventQueue;
  readonly random: Random;
  readonly metrics: Metrics;
  /** Round trip of one call on the network, ms. */
  readonly hop: number;
  readonly handlers: Handler[];
  readonly calls: RunCall[][];
  /** Per part: a database or object storage is reached through its calls for reads (what it holds came from one). */
  readonly backed: readonly boolean[];
}

/** Counts a job's arrival at a part: its calls, and of them its writes. */
function countCall(sim: Sim, job: Job, to: number, copies: number) {
  const part = sim.metrics.parts[to]!;
  part.calls += copies;
  if (!job.read) part.writes += copies;
}

/** Sends a job to a part after a network round trip. */
function call(sim: Sim, job: Job, to: number, copies: number, done: Done) {
  if (sim.hop === 0) {
    countCall(sim, job, to, copies);
    return sim.handlers[to]!(job, done, copies);
  }
  sim.clock.at(sim.clock.now + sim.hop, () => {
    job.floor += sim.hop;
    countCall(sim, job, to, copies);
    sim.handlers[to]!(job, done, copies);
  });
}

/** Starts work nobody waits for (an async call): counted as background work, done or failed. */
function spawn(sim: Sim, job: Job, to: number, copies: number) {
  const work: Job = { ...job, background: true, deadline: Infinity, mustSee: 0, floor: 0 };
  call(sim, work, to, copies, (failure) => {
    if (failure) sim.metrics.backgroundFailed += copies;
    else sim.metrics.backgroundDone += copies;
  });
}

const applies = (sim: Sim, step: RunCall, job: Job) =>
  (step.for === 'all' || step.for === (job.read ? 'reads' : 'writes')) &&
  (step.share >= 1 || sim.random.next() < step.share);

/**
 * Makes the calls of part `from` for a job, one after another (a sync call waits for its answer, an async one
 * does not), then answers `done`; the first failure ends it.
 */
export function runCalls(sim: Sim, from: number, job: Job, done: Done) {
  const steps = sim.calls[from]!;
  if (steps.length === 0) return done();
  let index = 0;
  /** Calls of the current step still to make (a per-follower step is made once per follower). */
  let left = 0;
  const next: Done = (failure) => {
    if (failure) return done(failure);
    for (;;) {
      if (left === 0) {
        const step = steps[index];
        if (!step) return done();
        if (!applies(sim, step, job)) {
          index += 1;
          continue;
        }
        left = step.perFollower ? job.fanout : 1;
        if (left < 1) {
          left = 0;
          index += 1;
          continue;
        }
      }
      const step = steps[index]!;
      const copies = step.batch ? left : 1;
      left -= copies;
      if (left === 0) index += 1;
      // A look-up made while handling a write reads: it commits nothing and changes nothing of the request's.
      const sent = step.toRead && !job.read ? { ...job, read: true, mustSee: 0 } : job;
      if (!step.async) return call(sim, sent, step.to, copies, next);
      spawn(sim, sent, step.to, copies);
    }
  };
  next();
}
