/**
 * A station: members (instances, database nodes, cache nodes, workers) with `slots` servers each, and one FIFO
 * line in front of them all, as a load balancer sending to the least busy member gives. With one member of c slots
 * it is the M/M/c queue of queueing theory, which the unit tests hold it to. A member can die (its requests in
 * progress fail) and come back. SHARED BY BUILD AND BROWSER CODE.
 */
import type { Done, Job, Sim } from './engine.ts';
import type { PartMetrics, Reason, StationMetrics } from './metrics.ts';
import { DEFAULT_ZONE } from '../model/model.ts';

export interface Member {
  alive: boolean;
  busy: number;
  readonly zone: string;
  /** Its requests in progress. */
  readonly tickets: Set<Ticket>;
}

export interface Ticket {
  readonly member: Member;
  readonly done: Done;
  killed: boolean;
}

interface Waiting {
  readonly job: Job;
  readonly done: Done;
  readonly start: (ticket: Ticket) => void;
  readonly since: number;
  gone: boolean;
}

export interface StationOptions {
  readonly members: number;
  readonly slots: number;
  readonly zones: readonly string[];
  /** Most requests waiting before new ones are refused (queue-full). */
  readonly capacity: number;
  /** Longest wait before a request fails with `waitReason`, ms (its client's deadline still applies). */
  readonly waitLimit: number;
  readonly waitReason: Reason;
  /** Why a request fails when no member is alive. */
  readonly downReason: Reason;
  /** With no member alive, requests wait in line instead of failing: a queue's messages wait for a worker. */
  readonly holdWhenDown?: boolean;
  /** Names it among its part's stations ("shard 2 primary"): its busy time is then also kept on its own. */
  readonly label?: string;
}

export class Station {
  readonly members: Member[];
  private readonly line: Waiting[] = [];
  private head = 0;
  private waiting = 0;
  private busy = 0;
  private servers: number;
  private last = 0;
  private next = 0;
  private readonly sim: Sim;
  private readonly stats: PartMetrics;
  private readonly options: StationOptions;
  private readonly own: StationMetrics | undefined;

  constructor(sim: Sim, stats: PartMetrics, options: StationOptions) {
    this.sim = sim;
    this.stats = stats;
    this.options = options;
    this.members = Array.from({ length: options.members }, (_, index) => ({
      alive: true,
      busy: 0,
      zone: options.zones.length > 0 ? options.zones[index % options.zones.length]! : DEFAULT_ZONE,
      tickets: new Set<Ticket>(),
    }));
    this.servers = options.members * options.slots;
    const windows = stats.busy.length;
    this.own = options.label
      ? { label: options.label, busy: new Float64Array(windows), capacity: new Float64Array(windows) }
      : undefined;
    if (this.own) stats.stations.push(this.own);
  }

  /** Requests waiting, and requests waiting or in progress. */
  get queued() {
    return this.waiting;
  }
  get backlog() {
    return this.waiting + this.busy;
  }

  /** Calls `start` with a ticket when a server is free, or `done` with the reason it could not get one. */
  acquire(job: Job, done: Done, start: (ticket: Ticket) => void) {
    const now = this.sim.clock.now;
    if (now > job.deadline) return this.fail(done, 'timeout');
    if (this.servers === 0 && !this.options.holdWhenDown) return this.fail(done, this.options.downReason);
    const member = this.free();
    if (member) return this.begin(member, job, done, start, now);
    if (this.waiting >= this.options.capacity) return this.fail(done, 'queue-full');
    const entry: Waiting = { job, done, start, since: now, gone: false };
    this.track();
    this.line.push(entry);
    this.waiting += 1;
    const window = this.sim.metrics.windowOf(now);
    this.stats.depth[window] = Math.max(this.stats.depth[window]!, this.waiting);
    const limit = Math.min(job.deadline, now + this.options.waitLimit);
    if (limit === Infinity) return;
    this.sim.clock.at(limit, () => {
      if (entry.gone) return;
      this.drop(entry);
      this.fail(done, limit === job.deadline ? 'timeout' : this.options.waitReason);
    });
  }

  /** Frees the server a ticket holds and starts the next request waiting. */
  release(ticket: Ticket) {
    if (ticket.killed) return;
    this.track();
    ticket.member.busy -= 1;
    ticket.member.tickets.delete(ticket);
    this.busy -= 1;
    this.serveWaiting();
  }

  /** A member stops: its requests in progress fail; with no member left, so do the waiting ones. */
  kill(member: Member, reason: Reason) {
    if (!member.alive) return;
    this.track();
    member.alive = false;
    this.servers -= this.options.slots;
    for (const ticket of member.tickets) {
      ticket.killed = true;
      this.busy -= 1;
      this.fail(ticket.done, reason);
    }
    member.busy = 0;
    member.tickets.clear();
    if (this.servers > 0 || this.options.holdWhenDown) return;
    for (let index = this.head; index < this.line.length; index += 1) {
      const entry = this.line[index]!;
      if (entry.gone) continue;
      this.drop(entry);
      this.fail(entry.done, reason);
    }
  }

  /** A member comes back (a replica promoted, an instance replaced). */
  revive(member: Member) {
    if (member.alive) return;
    this.track();
    member.alive = true;
    this.servers += this.options.slots;
    this.serveWaiting();
  }

  /** Brings the time-weighted figures up to now: call before anything changes and at the end of the run. */
  track() {
    const now = this.sim.clock.now;
    const metrics = this.sim.metrics;
    metrics.integrate(this.stats.busy, this.last, now, this.busy);
    metrics.integrate(this.stats.capacity, this.last, now, this.servers);
    metrics.integrate(this.stats.waiting, this.last, now, this.waiting);
    if (this.own) {
      metrics.integrate(this.own.busy, this.last, now, this.busy);
      metrics.integrate(this.own.capacity, this.last, now, this.servers);
    }
    const { depthAtEnd: backlog, depth } = this.stats;
    // A line that stood still through a window (nothing joined it) was still that long in it.
    for (let window = metrics.windowOf(this.last); window <= metrics.windowOf(now); window += 1) {
      backlog[window] = this.backlog;
      depth[window] = Math.max(depth[window]!, this.waiting);
    }
    this.last = now;
  }

  private free(): Member | undefined {
    const members = this.members;
    for (let step = 0; step < members.length; step += 1) {
      const member = members[(this.next + step) % members.length]!;
      if (member.alive && member.busy < this.options.slots) {
        this.next = (this.next + step + 1) % members.length;
        return member;
      }
    }
    return undefined;
  }

  private begin(member: Member, job: Job, done: Done, start: (ticket: Ticket) => void, since: number) {
    this.track();
    member.busy += 1;
    this.busy += 1;
    const ticket: Ticket = { member, done, killed: false };
    member.tickets.add(ticket);
    if (job.background) {
      this.stats.messages += 1;
      this.stats.messageWait += this.sim.clock.now - since;
    } else {
      this.stats.visits += 1;
      this.stats.wait += this.sim.clock.now - since;
      if (this.sim.clock.now > since) this.stats.waited += 1;
    }
    start(ticket);
  }

  private serveWaiting() {
    while (this.waiting > 0) {
      const member = this.free();
      if (!member) return;
      const entry = this.line[this.head]!;
      this.head += 1;
      if (entry.gone) continue;
      this.drop(entry);
      if (this.sim.clock.now > entry.job.deadline) this.fail(entry.done, 'timeout');
      else this.begin(member, entry.job, entry.done, entry.start, entry.since);
    }
    if (this.head > 4096 && this.head * 2 > this.line.length) {
      this.line.splice(0, this.head);
      this.head = 0;
    }
  }

  private drop(entry: Waiting) {
    this.track();
    entry.gone = true;
    this.waiting -= 1;
  }

  private fail(done: Done, reason: Reason) {
    this.stats.failures.set(reason, (this.stats.failures.get(reason) ?? 0) + 1);
    done(reason);
  }
}
