import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/lib/labs/design/index.ts';
import { designOf, SMALL } from './designs.ts';

describe('simulate', () => {
  it('runs a steady load through a service, a cache and a database and accounts for every request', () => {
    const result = simulate(designOf(SMALL), { name: 'steady', duration: 10 });
    const { totals } = result;
    expect(totals.arrivals).toBeGreaterThan(4500);
    expect(totals.arrivals).toBe(totals.completed + totals.errors + totals.drops + totals.inFlight);
    expect(totals.errors + totals.drops).toBe(0);
    expect(totals.p50).toBeGreaterThan(3);
    expect(totals.p99).toBeLessThan(100);
    expect(result.windows).toHaveLength(10);
    const cache = result.parts.find((part) => part.name === 'redis');
    expect(cache?.hitRatio).toBeGreaterThan(0.5);
    expect(cache?.hitRatio).toBeLessThan(1);
    expect(result.cost.total).toBeGreaterThan(0);
  });

  it('gives the same result for the same seed, and other samples for another', () => {
    const design = designOf(SMALL);
    const scenario = { name: 'steady', duration: 5 };
    expect(simulate(design, scenario, { seed: 7 })).toEqual(simulate(design, scenario, { seed: 7 }));
    expect(simulate(design, scenario, { seed: 8 }).totals.p99).not.toBe(
      simulate(design, scenario, { seed: 7 }).totals.p99,
    );
  });
});
