/**
 * Services and queues with their workers, as the simulator runs them. SHARED BY BUILD AND BROWSER CODE.
 */
import { runCalls, type Job, type Sim } from './engine.ts';
import { numberParam, type Part } from './model.ts';
import { membersOf, serve, type Runtime } from './runtime.ts';
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
  const mean = numberParam(part, 'time');
  const stats = sim.metrics.parts[index]!;
  return {
    handler: (job, done) => serve(sim, station, job, mean, stats, (answer) => runCalls(sim, index, job, answer), done),
    stations: [station],
    killable: membersOf([station]),
  };
}

/**
 * A queue and its workers: a send waits `enqueue` ms for the queue to take the messages (all of a batch at once),
 * or fails when it is full; each worker then takes one message at a time, works `time` ms on it and makes the
 * queue's calls. Messages are background work: nobody waits for them.
 */
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
  });
  const mean = numberParam(part, 'time');
  const enqueue = numberParam(part, 'enqueue');
  const stats = sim.metrics.parts[index]!;
  const metrics = sim.metrics;
  const work = (message: Job) =>
    serve(
      sim,
      station,
      message,
      mean,
      stats,
      (answer) => runCalls(sim, index, message, answer),
      (failure) => {
        if (failure) metrics.backgroundFailed += 1;
        else metrics.backgroundDone += 1;
      },
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
          work({ ...job, background: true, deadline: Infinity, mustSee: 0, floor: 0 });
        }
        done();
      });
    },
    stations: [station],
    killable: membersOf([station]),
  };
}
