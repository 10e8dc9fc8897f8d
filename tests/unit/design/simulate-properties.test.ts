/**
 * Invariants of the simulator on random designs, scenarios and faults (fast-check): no request vanishes uncounted,
 * no latency is below the service and wire time of the request's own path, and a seed fixes the result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, type Fault, type Profile, type Scenario } from '../../../src/lib/labs/design/index.ts';
import { designOf, SMALL } from './designs.ts';

const designText = fc
  .record({
    rate: fc.integer({ min: 50, max: 1500 }),
    reads: fc.integer({ min: 0, max: 100 }),
    timeout: fc.integer({ min: 20, max: 500 }),
    skew: fc.constantFrom(0, 0.8, 1.3),
    reread: fc.constantFrom(0, 50),
    instances: fc.integer({ min: 1, max: 4 }),
    concurrency: fc.integer({ min: 1, max: 8 }),
    time: fc.double({ min: 0.5, max: 20, noNaN: true }),
    queue: fc.integer({ min: 0, max: 50 }),
    cacheMB: fc.option(fc.integer({ min: 1, max: 20 })),
    invalidate: fc.constantFrom('delete', 'update', 'ttl'),
    coalesce: fc.constantFrom('off', 'on'),
    pool: fc.integer({ min: 1, max: 10 }),
    replicas: fc.integer({ min: 0, max: 2 }),
    readsFrom: fc.constantFrom('primary', 'replicas'),
    shards: fc.integer({ min: 1, max: 3 }),
    limiter: fc.option(fc.integer({ min: 10, max: 2000 })),
    queued: fc.boolean(),
    workers: fc.integer({ min: 1, max: 4 }),
  })
  .map((d) =>
    [
      `traffic users\n  rate ${d.rate}\n  reads ${d.reads} %\n  keys 5k\n  skew ${d.skew}\n  timeout ${d.timeout} ms\n  reread ${d.reread} %`,
      d.limiter === null ? '' : `limiter gate\n  rate ${d.limiter}\n  burst 20`,
      `service api\n  instances ${d.instances}\n  concurrency ${d.concurrency}\n  time ${d.time} ms\n  queue ${d.queue}\n  zones a b`,
      d.cacheMB === null
        ? ''
        : `cache redis\n  size ${d.cacheMB} MB\n  ttl 2 s\n  invalidate ${d.invalidate}\n  coalesce ${d.coalesce}\n  zones b`,
      `database db\n  pool ${d.pool}\n  replicas ${d.replicas}\n  reads-from ${d.readsFrom}\n  shards ${d.shards}\n  failover 1 s\n  wait 50 ms\n  zones a b`,
      d.queued ? `queue jobs\n  workers ${d.workers}\n  capacity 200\n  zones a` : '',
      d.limiter === null ? 'users calls api' : 'users calls gate\ngate calls api',
      d.cacheMB === null ? 'api calls db' : 'api calls redis for reads\napi calls db for writes\nredis calls db',
      d.queued ? 'api calls jobs for writes per follower\njobs calls db' : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );

const profile: fc.Arbitrary<Profile> = fc.oneof(
  fc.constant({ kind: 'steady' as const }),
  fc.constant({ kind: 'daily-peak' as const, peak: 3 }),
  fc.constant({ kind: 'spike' as const, at: 0.5, duration: 0.5 }),
  fc.constant({ kind: 'hot-key' as const }),
  fc.constant({ kind: 'celebrity' as const, followers: 50, at: 0.3 }),
);

/** A time within the run, in tenths of a second: doubles would crowd at 0, before any request. */
const at = fc.integer({ min: 1, max: 19 }).map((tenths) => tenths / 10);

const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({
    kind: fc.constant('instance-dies' as const),
    part: fc.constantFrom('api', 'db', 'jobs'),
    at: at,
  }),
  fc.record({
    kind: fc.constant('failover' as const),
    part: fc.constant('db'),
    at: at,
  }),
  fc.record({
    kind: fc.constant('cache-flush' as const),
    part: fc.constant('redis'),
    at: at,
  }),
  fc.record({
    kind: fc.constant('zone-lost' as const),
    zone: fc.constantFrom('a', 'b'),
    at: at,
  }),
);

const scenario: fc.Arbitrary<Scenario> = fc.record({
  name: fc.constant('random'),
  duration: fc.constantFrom(1, 2),
  profile,
  faults: fc.array(fault, { minLength: 1, maxLength: 3 }),
  followers: fc.integer({ min: 1, max: 3 }),
});

describe('simulator invariants', () => {
  it('ends every request once (arrivals = completed + errors + drops) and none beats its own path', () => {
    fc.assert(
      fc.property(designText, scenario, fc.integer({ min: 1, max: 1000 }), (text, run, seed) => {
        // Run on until nothing is left: a request lost on the way would stay in flight for ever.
        const { totals } = simulate(designOf(text), run, { seed, drain: true });
        expect(totals.inFlight).toBe(0);
        expect(totals.arrivals).toBe(totals.completed + totals.errors + totals.drops);
        expect(totals.minSlack).toBeGreaterThanOrEqual(-1e-6);
        expect(totals.p50).toBeLessThanOrEqual(totals.p99);
      }),
      { numRuns: 40, seed: 60 },
    );
  });

  it('gives the same result for the same design, scenario and seed', () => {
    fc.assert(
      fc.property(designText, scenario, fc.integer({ min: 1, max: 1000 }), (text, run, seed) => {
        const design = designOf(text);
        expect(simulate(design, run, { seed })).toEqual(simulate(design, run, { seed }));
      }),
      { numRuns: 15, seed: 61 },
    );
  });

  it('draws different samples for different seeds', () => {
    const design = designOf(SMALL);
    const latencies = [1, 2, 3, 4, 5].map(
      (seed) => simulate(design, { name: 'steady', duration: 2 }, { seed }).totals.mean,
    );
    expect(new Set(latencies).size).toBe(5);
  });
});
