/**
 * Services and queues with their workers, as the simulator runs them. SHARED BY BUILD AND BROWSER CODE.
 */
import { runCalls, type Done, type Job, type Sim } from './engine.ts';
import type { Reason } from './metrics.ts';
import { choiceParam, numberParam, type Part } from '../model/model.ts';
import { membersOf, serve, serviceTimeOf, type Runtime } from './runtime.ts';
import { Station } from './station.ts';

/**
 * A stateless service: `instances` × `concurrency` servers behind one line of `queue` × `instances` places. A
 * request holds its server for its own service time and while it waits for its calls.
 */
export function runService(sim: Sim, index: number, part: Part): Runtime {
  const instances = numberParam(part, 'instances');
  const station = new Station(sim, sim.metrics.parts[index]!, {
    members: instances,
    slots: numberParam(part, 'concurrency'),
    zones: part.zones,
    capacity: numberParam(part, 'queue') * instances,
    waitLimit: Infinity,
    waitReason: 'timeout',
    downReason: 'instance-down',
  });
  const mean = serviceTimeOf(part);
  const stats = sim.metrics.parts[index]!;
  const holds = choiceParam(part, 'holds') === 'data';
  const work = (job: Job, answer: Done) => {
    if (holds) job.stored = true;
    runCalls(sim, index, job, answer);
  };
  return {
    handler: (job, done) => serve(sim, station, job, mean, stats, (answer) => work(job, answer), done),
    stations: [station],
    killable: membersOf([station]),
  };
}

/**
 * A queue and its workers: a send waits `enqueue` ms for the queue to take the messages (all of a batch at once),
 * or fails when it is full; each worker then takes one message at a time, works `time` ms on it and makes the
 * queue's calls. Messages are background work: nobody waits for them. Delivery is at least once, as in SQS or a
 * broker with acknowledgements: a message whose worker dies or whose calls fail is out of sight for `visibility`
 * seconds, then delivered again (its work may have been half done: a duplicate); after `tries` deliveries it goes to
 * the dead-letter queue, and counts as failed.
 */
/**
 * What becomes of a message after a delivery: done; or, when it failed, out of sight for the visibility timeout and
 * then delivered again (`again`), until its last try sends it to the dead-letter queue.
 */
function delivery(sim: Sim, index: number, part: Part) {
  const visibility = numberParam(part, 'visibility') * 1000;
  const tries = numberParam(part, 'tries');
  const stats = sim.metrics.parts[index]!;
  const metrics = sim.metrics;
  let hidden = 0;
  const hide = (change: number) => {
    hidden += change;
    stats.hiddenAtEnd[metrics.windowOf(sim.clock.now)] = hidden;
  };
  return (failure: Reason | undefined, attempt: number, again: () => void) => {
    if (!failure) return void (metrics.backgroundDone += 1);
    if (attempt >= tries) {
      stats.deadLettered += 1;
      return void (metrics.backgroundFailed += 1);
    }
    hide(1);
    sim.clock.at(sim.clock.now + visibility, () => {
      hide(-1);
      stats.redelivered += 1;
      again();
    });
  };
}

export function runQueue(sim: Sim, index: number, part: Part): Runtime {
  const capacity = numberParam(part, 'capacity');
  const station = new Station(sim, sim.metrics.parts[index]!, {
    members: numberParam(part, 'workers'),
    slots: 1,
    zones: part.zones,
    capacity: Infinity,
    waitLimit: Infinity,
    waitReason: 'timeout',
    downReason: 'instance-down',
    holdWhenDown: true,
  });
  const mean = serviceTimeOf(part);
  const enqueue = numberParam(part, 'enqueue');
  const stats = sim.metrics.parts[index]!;
  const settle = delivery(sim, index, part);
  const work = (message: Job, attempt: number): void =>
    serve(
      sim,
      station,
      message,
      mean,
      stats,
      (answer) => runCalls(sim, index, message, answer),
      (failure) => settle(failure, attempt, () => work({ ...message, floor: 0 }, attempt + 1)),
    );
  return {
    handler: (job, done, copies) => {
      sim.clock.at(sim.clock.now + enqueue, () => {
        job.floor += enqueue;
        if (station.queued + copies > capacity) {
          stats.failures.set('queue-full', (stats.failures.get('queue-full') ?? 0) + 1);
          return done('queue-full');
        }
        for (let copy = 0; copy < copies; copy += 1) {
          work({ ...job, background: true, deadline: Infinity, mustSee: 0, floor: 0 }, 1);
        }
        if (!job.read) job.queued = true;
        done();
      });
    },
    stations: [station],
    killable: membersOf([station]),
  };
}
