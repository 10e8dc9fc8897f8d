/**
 * Seeded random numbers for the simulator: the same seed gives the same draws on every engine, so a run is
 * reproducible. xoshiro128** (Blackman and Vigna), seeded through splitmix32: fast in 32-bit integer arithmetic,
 * with a period of 2^128 − 1, far beyond the few million draws a run makes. SHARED BY BUILD AND BROWSER CODE.
 */

export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An exponential draw with this mean (the service times of M/M/c). */
  exponential(mean: number): number;
  /**
   * A service time of this mean whose standard deviation is `spread` × the mean: exponential at 1 (the same draw as
   * `exponential`), the mean itself at 0 (M/D/c), and between them a gamma draw of shape 1/spread², which is Erlang-k
   * where k = 1/spread² is whole (50 %: Erlang-4).
   */
  serviceTime(mean: number, spread: number): number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator for this seed (any integer). */
export function createRandom(seed: number): Random {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = () => {
    const result = Math.imul(rotate(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotate(d, 11);
    return result / 4294967296;
  };
  const exponential = (mean: number) => -mean * Math.log(1 - next());
  const serviceTime = (mean: number, spread: number) => {
    if (spread >= 1) return exponential(mean);
    if (spread <= 0) return mean;
    const shape = 1 / (spread * spread);
    return (gamma(next, shape) * mean) / shape;
  };
  return { next, exponential, serviceTime };
}

/**
 * A gamma draw of this shape (≥ 1) and scale 1, by Marsaglia and Tsang's method ("A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000), on normal draws made by the Box–Muller transform.
 */
function gamma(next: () => number, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

const rotate = (x: number, k: number) => (x << k) | (x >>> (32 - k));

const tables = new Map<string, Float64Array>();

/** The cumulative Zipf table of (n, s): entry r is the chance of a rank ≤ r. Built once per (n, s). */
function zipfTable(n: number, s: number): Float64Array {
  const id = `${n}:${s}`;
  let table = tables.get(id);
  if (!table) {
    table = new Float64Array(n);
    let sum = 0;
    for (let rank = 0; rank < n; rank += 1) table[rank] = sum += (rank + 1) ** -s;
    for (let rank = 0; rank < n; rank += 1) table[rank] = table[rank]! / sum;
    tables.set(id, table);
  }
  return table;
}

/** The chance of each key rank 0…n−1 under Zipf exponent s (0: uniform). */
export function zipfChance(n: number, s: number): (rank: number) => number {
  if (s === 0) return () => 1 / n;
  const cdf = zipfTable(n, s);
  return (rank) => cdf[rank]! - (rank > 0 ? cdf[rank - 1]! : 0);
}

/**
 * Key ranks 0…n−1 drawn with Zipf popularity: rank r has weight 1/(r+1)^s (s = 0 is uniform). The cumulative table
 * is searched by bisection: exact, and 20 comparisons for a million keys.
 */
export function zipfSampler(n: number, s: number, random: Random): () => number {
  if (s === 0) return () => Math.floor(random.next() * n);
  const cdf = zipfTable(n, s);
  return () => {
    const u = random.next();
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cdf[mid]! > u) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}
