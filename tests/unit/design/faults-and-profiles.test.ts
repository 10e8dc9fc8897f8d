/**
 * Faults and traffic profiles do to a design what they do in production: a failover fails writes for its time, a
 * flushed cache sends its reads to the database, a lost zone takes its members, a spike fills lines, a hot key
 * loads one shard, reads from a lagging replica break read-your-writes.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type Scenario, type SimResult } from '../../../src/lib/labs/design/index.ts';
import { designOf } from './designs.ts';

const designText = (extra = '', db = 'replicas 1\n  reads-from replicas') => `traffic users
  rate 500 req/s
  reads 90 %
  keys 10k
  skew 0.8
  reread 50 %
service api
  instances 4
  concurrency 16
  time 3 ms
  zones a b
cache redis
  size 5 MB
  invalidate delete
database db
  pool 20
  read 4 ms
  write 6 ms
  failover 10 s
  zones a b
  ${db}
users calls api
api calls redis
redis calls db
${extra}`;
const design = (extra = '', db?: string) => designOf(designText(extra, db));

const run = (scenario: Partial<Scenario>, text = design()) =>
  simulate(text, { name: 'test', duration: 20, ...scenario }, { seed: 2 });
const part = (result: SimResult, name: string) => result.parts.find((each) => each.name === name)!;
/** Mean utilisation of a part over windows [from, to). */
const busy = (result: SimResult, name: string, from: number, to: number) =>
  part(result, name)
    .utilisation.slice(from, to)
    .reduce((sum, value) => sum + value, 0) /
  (to - from);
const failedFrom = (result: SimResult, reason: 'failover' | 'instance-down') =>
  result.windows.filter((row) => row.reasons[reason] > 0).map((row) => row.at);

describe('faults', () => {
  it('a primary failing over fails writes from the fault until a replica is promoted, then none', () => {
    const result = run({ duration: 25, faults: [{ kind: 'failover', part: 'db', at: 5 }] });
    const windows = failedFrom(result, 'failover');
    expect(windows[0]).toBe(5);
    // The last failures end a few ms after 15 s: a request that met the primary down is answered after its hop.
    expect(windows.at(-1)).toBeLessThanOrEqual(15);
    expect(windows.at(-1)).toBeGreaterThanOrEqual(14);
    // Writes are a tenth of 500 a second: about 50 a second fail for 10 s.
    expect(result.totals.reasons.failover).toBeGreaterThan(450);
    expect(result.totals.reasons.failover).toBeLessThan(550);
  });

  it('without a replica, a failed primary stays down', () => {
    const result = run({ faults: [{ kind: 'failover', part: 'db', at: 5 }] }, design('', 'replicas 0'));
    expect(failedFrom(result, 'failover').at(-1)).toBe(19);
  });

  it('a dying instance fails what it had in progress; the others take its load', () => {
    const result = run({ faults: [{ kind: 'instance-dies', part: 'api', at: 5, count: 2 }] });
    expect(busy(result, 'api', 6, 20) / busy(result, 'api', 0, 5)).toBeGreaterThan(1.7);
    const slow = designOf('traffic users\n  rate 100\nservice api\n  instances 2\n  time 200 ms\nusers calls api\n');
    const failed = run({ duration: 2, faults: [{ kind: 'instance-dies', part: 'api', at: 1 }] }, slow);
    // About 100 a second × 0.2 s in progress, half of them on the instance that dies.
    expect(failed.totals.reasons['instance-down']).toBeGreaterThan(3);
    expect(failed.totals.reasons['instance-down']).toBeLessThan(20);
  });

  it('a flushed cache sends its reads to the database: the hit ratio falls and the database works harder', () => {
    const calm = run({});
    const flushed = run({ faults: [{ kind: 'cache-flush', part: 'redis', at: 5 }] });
    expect(part(flushed, 'redis').hitRatio!).toBeLessThan(part(calm, 'redis').hitRatio! - 0.05);
    expect(part(flushed, 'db').utilisation[5]!).toBeGreaterThan(2 * part(calm, 'db').utilisation[5]!);
  });

  it('a flushed cache that coalesces misses of a key sends its reads to the database once per key, not in a stampede', () => {
    const stampede = (coalesce: string) =>
      designOf(
        `traffic users\n  rate 5000\n  reads 100 %\n  keys 50\nservice api\n  instances 8\n  concurrency 64\ncache redis\n  coalesce ${coalesce}\ndatabase db\n  pool 40\n  read 100 ms\nusers calls api\napi calls redis\nredis calls db\n`,
      );
    const flush = { duration: 3, faults: [{ kind: 'cache-flush' as const, part: 'redis', at: 1 }] };
    const herd = run(flush, stampede('off'));
    const single = run(flush, stampede('on'));
    expect(part(single, 'db').rate).toBeLessThan(part(herd, 'db').rate / 2);
    expect(single.totals.p99).toBeLessThan(herd.totals.p99);
  });

  it('a lost zone takes its instances and fails over a primary that was in it', () => {
    const result = run({ duration: 25, faults: [{ kind: 'zone-lost', zone: 'a', at: 5 }] });
    expect(failedFrom(result, 'failover')[0]).toBe(5);
    expect(busy(result, 'api', 6, 25) / busy(result, 'api', 0, 5)).toBeGreaterThan(1.7);
  });

  it('a fault on a part the design lacks changes nothing and says so', () => {
    const result = run({ duration: 2, faults: [{ kind: 'cache-flush', part: 'memcached', at: 1 }] });
    expect(result.notes).toEqual([
      'The cache flush at 1 s needs a cache named "memcached", and your design has none: this scenario did not test it.',
    ]);
  });

  it('a fault whose part the design names otherwise strikes every part of its kind, as the named one would', () => {
    const named = run({ duration: 25, faults: [{ kind: 'failover', part: 'db', at: 5 }] });
    const renamed = run(
      { duration: 25, faults: [{ kind: 'failover', part: 'primary-db', at: 5, of: 'database' }] },
      design(),
    );
    expect(failedFrom(renamed, 'failover')).toEqual(failedFrom(named, 'failover'));
    expect(failedFrom(renamed, 'failover').length).toBeGreaterThan(0);
    expect(renamed.notes).toEqual([
      'The primary failure at 5 s strikes the part the lab calls "primary-db", a database; your design has none of that name, so it struck its database: "db".',
    ]);
    // A design with no part of that kind has nothing to strike, and is told so.
    const noCache = designOf(
      designText()
        .replace(/cache redis[\s\S]*?(?=database)/, '')
        .replace('api calls redis\nredis calls db', 'api calls db'),
    );
    expect(
      run({ duration: 2, faults: [{ kind: 'cache-flush', part: 'links', at: 1, of: 'cache' }] }, noCache).notes,
    ).toEqual([
      'The cache flush at 1 s needs a cache named "links" (or any cache), and your design has none: this scenario did not test it.',
    ]);
  });
});

describe('traffic profiles', () => {
  it('a ×10 spike multiplies arrivals in its window and lines grow', () => {
    const result = run({ duration: 8, profile: { kind: 'spike', at: 4, duration: 3 } });
    const rate = (at: number) => result.windows[at]!.arrivals;
    expect(rate(5) / rate(2)).toBeGreaterThan(8);
    expect(rate(5) / rate(2)).toBeLessThan(12);
    expect(rate(7) / rate(2)).toBeLessThan(1.3);
    expect(result.windows[5]!.queue).toBeGreaterThan(result.windows[2]!.queue);
  });

  it('a daily peak climbs to its peak at the middle of the run', () => {
    const result = run({ duration: 10, profile: { kind: 'daily-peak', peak: 4 } });
    expect(result.windows[5]!.arrivals / result.windows[0]!.arrivals).toBeGreaterThan(3);
  });

  it('a hot key loads one shard of a sharded database more than the others', () => {
    const sharded = designOf(
      'traffic users\n  rate 2000\n  reads 50 %\nservice api\n  instances 8\ndatabase db\n  shards 4\n  pool 2\n  write 2 ms\nusers calls api\napi calls db\n',
    );
    const even = run({ duration: 5 }, sharded);
    const hot = run({ duration: 5, profile: { kind: 'hot-key', skew: 2 } }, sharded);
    expect(part(hot, 'db').wait).toBeGreaterThan(3 * part(even, 'db').wait);
  });

  it('a celebrity post made per follower, synchronously, times out its writer', () => {
    const result = run(
      { profile: { kind: 'celebrity', followers: 2000, at: 5 } },
      design('api calls db for writes per follower'),
    );
    expect(result.totals.reasons.timeout).toBeGreaterThanOrEqual(14);
    expect(result.totals.reasons.timeout).toBeLessThanOrEqual(16);
  });
});

describe('read-your-writes', () => {
  it('counts reads of a lagging replica that miss the reader’s own write', () => {
    const noCache = (from: string) =>
      designOf(
        `traffic users\n  rate 1000\n  reads 50 %\n  reread 100 %\nservice api\ndatabase db\n  replicas 1\n  reads-from ${from}\n  lag 500 ms\nusers calls api\napi calls db\n`,
      );
    expect(run({ duration: 5 }, noCache('replicas')).totals.staleReads).toBeGreaterThan(100);
    expect(run({ duration: 5 }, noCache('primary')).totals.staleReads).toBe(0);
  });

  it('counts stale reads from a cache the writes go round', () => {
    const round = run({ duration: 5 }, design('api calls db for writes', 'replicas 0'));
    expect(round.totals.staleReads).toBeGreaterThan(0);
  });

  it('lets a writer read back a write a cache holds while a queue carries it to the database, and no other', () => {
    const behind = (writes: string) =>
      designOf(
        `traffic users
  rate 1000
  reads 50 %
  keys 1000
  reread 100 %
service api
cache hot
  invalidate update
queue carry
  workers 4
database db
  replicas 1
  reads-from replicas
  lag 500 ms
users calls api
api calls hot
hot calls db for reads
${writes}`,
      );
    // Write-behind: the cache keeps the new value and a queue writes it to the database later.
    const kept = run({ duration: 5 }, behind('hot calls carry for writes\ncarry calls db\n'));
    expect(kept.totals.staleReads).toBe(0);
    expect(kept.totals.completed).toBeGreaterThan(4000);
    // The same cache with its writes going nowhere keeps the old value: every read-back is stale.
    expect(run({ duration: 5 }, behind('')).totals.staleReads).toBeGreaterThan(100);
  });
});
