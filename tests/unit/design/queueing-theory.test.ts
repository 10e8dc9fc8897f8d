/**
 * The simulator held to queueing theory where a closed form exists. One service with `c` servers, exponential
 * service times of 1 ms, Poisson arrivals, no network time: the M/M/c queue; and one server whose times vary less
 * (`spread`), M/G/1, against Pollaczek–Khinchine. Tolerances are the largest error over
 * ten seeds at these run lengths plus a margin (docs/design-simulator.md, "Validation"); the seed is fixed, so a
 * run is the same every time.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/lib/labs/design/index.ts';
import { createRandom } from '../../../src/lib/labs/design/simulator/random.ts';
import { designOf } from './designs.ts';

const mmc = (servers: number, rate: number, spread = 100) =>
  designOf(`traffic source
  rate ${rate} req/s
  timeout 120 s
service station
  instances 1
  concurrency ${servers}
  time 1 ms
  spread ${spread} %
  queue 1000000
source calls station
`);

/** Erlang C: the probability an arrival waits in M/M/c, for offered load a = λ/μ < c. */
export function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k += 1) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const top = (term * a) / c / (1 - a / c);
  return top / (sum + top);
}

/** One run: λ in requests per ms (μ = 1 per ms), over `seconds`. */
function run(servers: number, lambda: number, seconds: number) {
  const result = simulate(
    mmc(servers, lambda * 1000),
    { name: 'M/M/c', duration: seconds },
    { seed: 1, hop: 0, sample: 1 },
  );
  expect(result.sample).toBe(1);
  return { result, station: result.parts[1]! };
}

describe('M/M/1', () => {
  it.each([
    [0.3, 150],
    [0.5, 100],
    [0.7, 100],
  ])('at ρ = %f: mean wait ρ/(μ−λ) within 8 %, utilisation ρ within 0.02', (rho, seconds) => {
    const { station } = run(1, rho, seconds);
    const wait = rho / (1 - rho);
    expect(Math.abs(station.wait / wait - 1)).toBeLessThan(0.08);
    expect(Math.abs(station.meanBusy - rho)).toBeLessThan(0.02);
    expect(Math.abs(station.waited - rho)).toBeLessThan(0.02);
  });
});

describe('M/M/c with Erlang C', () => {
  it.each([
    [4, 0.7, 20, 0.12],
    [16, 0.85, 8, 0.15],
  ])('c = %i at ρ = %f: P(wait) within 0.03, mean wait C/(cμ−λ) within the tolerance', (c, rho, seconds, tolerance) => {
    const lambda = rho * c;
    const { station } = run(c, lambda, seconds);
    const waits = erlangC(c, lambda);
    expect(Math.abs(station.waited - waits)).toBeLessThan(0.03);
    expect(Math.abs(station.wait / (waits / (c - lambda)) - 1)).toBeLessThan(tolerance);
    expect(Math.abs(station.meanBusy / c - rho)).toBeLessThan(0.02);
  });

  it('computes Erlang C as the tables give it', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 10);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 10);
    expect(erlangC(10, 8)).toBeCloseTo(0.409, 3);
  });
});

/** One server, times of mean 1 ms whose standard deviation is `spread` % of it: M/D/1 at 0 %, M/E4/1 at 50 %. */
const mg1 = (rate: number, spread: number) => mmc(1, rate, spread);

describe('service times that vary less than exponential (`spread`)', () => {
  it('draws times of the mean, with the standard deviation asked for; 0 % is the mean itself', () => {
    const random = createRandom(7);
    for (const [mean, spread] of [
      [2, 0.5],
      [1, 0.3],
      [5, 1],
    ] as const) {
      const draws = Array.from({ length: 100_000 }, () => random.serviceTime(mean, spread));
      const average = draws.reduce((a, b) => a + b, 0) / draws.length;
      const sd = Math.sqrt(draws.reduce((a, b) => a + (b - average) ** 2, 0) / (draws.length - 1));
      expect(Math.abs(average / mean - 1)).toBeLessThan(0.01);
      expect(Math.abs(sd / (spread * mean) - 1)).toBeLessThan(0.02);
      expect(Math.min(...draws)).toBeGreaterThan(0);
    }
    expect(random.serviceTime(3, 0)).toBe(3);
    // 100 % is the exponential draw itself, so designs that leave `spread` out run as they always did.
    expect(createRandom(3).serviceTime(4, 1)).toBe(createRandom(3).exponential(4));
  });

  // Pollaczek–Khinchine: the mean wait of M/G/1 is ρ(1 + c²)/(2μ(1 − ρ)), c the coefficient of variation: half of
  // M/M/1's when every time is the same.
  it.each([
    [0.5, '0 % (M/D/1)', 0.06, 0],
    [0.7, '0 % (M/D/1)', 0.06, 0],
    [0.7, '50 % (M/E4/1)', 0.1, 50],
  ] as const)(
    'at ρ = %f and spread %s: mean wait ρ(1 + c²)/(2(1 − ρ)) within %f, utilisation ρ within 0.02',
    (rho, _name, tolerance, spread) => {
      const result = simulate(
        mg1(rho * 1000, spread),
        { name: 'M/G/1', duration: 100 },
        { seed: 1, hop: 0, sample: 1 },
      );
      const station = result.parts[1]!;
      const c = spread / 100;
      expect(Math.abs(station.wait / ((rho * (1 + c * c)) / (2 * (1 - rho))) - 1)).toBeLessThan(tolerance);
      expect(Math.abs(station.meanBusy - rho)).toBeLessThan(0.02);
    },
  );
});

describe("Little's law", () => {
  it('holds on a simulated run: time-average line length = arrival rate × mean wait, within 1 %', () => {
    const { result, station } = run(4, 3.2, 10);
    const lambda = result.totals.arrivals / 10_000;
    expect(Math.abs(station.meanQueue / (lambda * station.wait) - 1)).toBeLessThan(0.01);
    expect(Math.abs(station.meanBusy / (lambda * station.service) - 1)).toBeLessThan(0.01);
  });
});
