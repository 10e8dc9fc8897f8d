/**
 * A database as the simulator runs it: per shard (keys spread by hash) a primary and its read replicas, each node
 * with `pool` connections. A request waits for a connection at most `wait` ms (pool-exhausted). Writes go to the
 * primary; each replica applies them one after another, `lag` ms after the commit and `apply` ms each, so its lag
 * grows when writes come faster than it applies them. A read on a replica sees a key's previous version until the
 * write is applied there. SHARED BY BUILD AND BROWSER CODE.
 */
import { runCalls, type Sim } from './engine.ts';
import { choiceParam, numberParam, type Part } from '../model/model.ts';
import { bucketOf, membersOf, serve, serviceTimeOf, type Runtime } from './runtime.ts';
import { Station } from './station.ts';

interface Version {
  commit: number;
  /** When the replicas have applied it. */
  visible: number;
  previous: number;
}

interface Shard {
  readonly primary: Station;
  readonly replicas: Station | undefined;
  /** When the replicas will have applied every write so far. */
  applied: number;
  down: boolean;
}

function shardOf(sim: Sim, index: number, part: Part, shard: number): Shard {
  const zones = part.zones;
  const zoneAt = (member: number) => (zones.length > 0 ? [zones[member % zones.length]!] : []);
  const replicas = numberParam(part, 'replicas');
  const shards = numberParam(part, 'shards');
  const named = (what: string) => (shards > 1 ? `shard ${shard + 1} ${what}` : what);
  const station = (members: number, zoneList: string[], downReason: 'failover' | 'instance-down', label: string) =>
    new Station(sim, sim.metrics.parts[index]!, {
      members,
      slots: numberParam(part, 'pool'),
      zones: zoneList,
      capacity: Infinity,
      waitLimit: numberParam(part, 'wait'),
      waitReason: 'pool-exhausted',
      downReason,
      ...(shards > 1 || replicas > 0 ? { label } : {}),
    });
  const replicaZones = Array.from({ length: replicas }, (_, member) => zoneAt(shard + member + 1)).flat();
  return {
    primary: station(1, zoneAt(shard), 'failover', named('primary')),
    replicas: replicas > 0 ? station(replicas, replicaZones, 'instance-down', named('replicas')) : undefined,
    applied: 0,
    down: false,
  };
}

export function runDatabase(sim: Sim, index: number, part: Part): Runtime {
  const count = numberParam(part, 'shards');
  const shards = Array.from({ length: count }, (_, shard) => shardOf(sim, index, part, shard));
  const versions = new Map<number, Version>();
  const [lag, apply] = ['lag', 'apply'].map((name) => numberParam(part, name)) as [number, number];
  const [readTime, writeTime] = [serviceTimeOf(part, 'read'), serviceTimeOf(part, 'write')];
  const fromReplicas = choiceParam(part, 'reads-from') === 'replicas';
  const failover = numberParam(part, 'failover') * 1000;
  const stats = sim.metrics.parts[index]!;
  const commit = (key: number, shard: Shard) => {
    const now = sim.clock.now;
    const version = versions.get(key) ?? { commit: 0, visible: 0, previous: 0 };
    shard.applied = Math.max(shard.applied, now + lag) + apply;
    versions.set(key, { commit: now, visible: shard.applied, previous: version.commit });
    // Lag is a replica's: a database with none has nothing to trail it.
    const window = sim.metrics.windowOf(now);
    if (shard.replicas) sim.metrics.lag[window] = Math.max(sim.metrics.lag[window]!, shard.applied - now);
    return now;
  };
  const seen = (key: number, onReplica: boolean) => {
    const version = versions.get(key);
    if (!version) return 0;
    return !onReplica || sim.clock.now >= version.visible ? version.commit : version.previous;
  };
  const failShard = (shard: Shard) => {
    shard.down = true;
    shard.primary.kill(shard.primary.members[0]!, 'failover');
    sim.clock.at(sim.clock.now + failover, () => {
      const promoted = shard.replicas?.members.find((member) => member.alive);
      if (!promoted) return;
      shard.replicas!.kill(promoted, 'failover');
      shard.primary.revive(shard.primary.members[0]!);
      shard.down = false;
    });
  };
  return {
    handler: (job, done) => {
      const shard = shards[bucketOf(job.key, count)]!;
      const replicas = shard.replicas;
      const onReplica = job.read && fromReplicas && replicas !== undefined && replicas.members.some((m) => m.alive);
      const station = onReplica ? replicas : shard.primary;
      const answer = (failure?: Parameters<typeof done>[0]) => {
        if (failure) return done(failure);
        job.version = job.read ? seen(job.key, onReplica) : commit(job.key, shard);
        job.stored = true;
        runCalls(sim, index, job, done);
      };
      serve(sim, station, job, job.read ? readTime : writeTime, stats, (release) => release(), answer);
    },
    stations: shards.flatMap((shard) => (shard.replicas ? [shard.primary, shard.replicas] : [shard.primary])),
    killable: membersOf(shards.flatMap((shard) => (shard.replicas ? [shard.replicas] : []))),
    failover: (zone) =>
      shards
        .filter((shard) => !shard.down && (zone === undefined || shard.primary.members[0]!.zone === zone))
        .forEach(failShard),
  };
}
