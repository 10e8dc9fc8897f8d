/**
 * Runs a scenario through a design: a discrete-event simulation of every request, deterministic for a seed.
 * SHARED BY BUILD AND BROWSER CODE.
 */
import { monthlyCost } from './cost.ts';
import type { RunCall, Sim } from './engine.ts';
import { EventQueue } from './event-queue.ts';
import { scheduleFaults } from './faults.ts';
import { Metrics } from './metrics.ts';
import { choiceParam, errorText, numberParam, type Design, type Part } from '../model/model.ts';
import { createRandom, zipfChance } from './random.ts';
import { partReports, totals, windowRows, type SimResult } from './report.ts';
import { sampleFraction, scaleRun, scaleUp } from './sample.ts';
import { runCache } from './run-cache.ts';
import { runQueue, runService } from './run-compute.ts';
import { runDatabase } from './run-database.ts';
import { runBalancer, runCdn, runLimiter, runStorage } from './run-edge.ts';
import type { Runtime } from './runtime.ts';
import { HOT_KEY_SKEW, type Scenario } from './scenario.ts';
import { startTraffic } from './traffic.ts';
import { validateDesign } from '../model/validate.ts';

export interface SimOptions {
  /** The seed of the random draws: the same design, scenario and seed give the same result. 1 by default. */
  readonly seed?: number;
  /** Network round trip of one call between parts, ms: 0.5 by default (docs/design-simulator.md). */
  readonly hop?: number;
  /**
   * Fraction of requests simulated, on capacity scaled to match (sample.ts). By default all of them up to
   * SAMPLE_BUDGET requests, then that many; 1 simulates every request.
   */
  readonly sample?: number;
  /**
   * Run on after the end, with no new arrivals, until every request has ended, counting those endings in the last
   * window: for tests that check no request is lost (then `inFlight` must be 0).
   */
  readonly drain?: boolean;
}

/** Round trip between parts in one region, ms, unless the options say otherwise. */
export const DEFAULT_HOP = 0.5;

function runtimeOf(sim: Sim, index: number, part: Part, keys: Popularity): Runtime {
  switch (part.kind) {
    case 'service':
      return runService(sim, index, part);
    case 'queue':
      return runQueue(sim, index, part);
    case 'cache':
      return runCache(sim, index, part, keys.count, keys.readsPerMs);
    case 'database':
      return runDatabase(sim, index, part);
    case 'lb':
      return runBalancer(sim, index, part);
    case 'cdn':
      return runCdn(sim, index, part);
    case 'limiter':
      return runLimiter(sim, index, part);
    case 'storage':
      return runStorage(sim, index, part);
    case 'traffic':
      return { handler: (_job, done) => done(), stations: [], killable: [] };
  }
}

/** Per part: is a database or object storage reached from it by calls made for reads (its own kind included)? */
function backedOf(design: Design): boolean[] {
  const store = (p: Part) =>
    p.kind === 'database' || p.kind === 'storage' || (p.kind === 'service' && choiceParam(p, 'holds') === 'data');
  const isStore = new Set(design.parts.filter(store).map((p) => p.name));
  return design.parts.map((part) => {
    const seen = new Set([part.name]);
    const next = [part.name];
    for (let name = next.pop(); name !== undefined; name = next.pop()) {
      if (isStore.has(name)) return true;
      for (const call of design.calls)
        if (call.from === name && call.for !== 'writes' && !seen.has(call.to)) {
          seen.add(call.to);
          next.push(call.to);
        }
    }
    return false;
  });
}

function callsOf(design: Design): RunCall[][] {
  const index = new Map(design.parts.map((part, at) => [part.name, at]));
  return design.parts.map((part) =>
    design.calls
      .filter((call) => call.from === part.name)
      .map((call) => {
        const to = index.get(call.to)!;
        return {
          to,
          for: call.for,
          async: call.mode === 'async',
          share: call.share / 100,
          perFollower: call.perFollower,
          toRead: call.toRead === true,
          batch: design.parts[to]!.kind === 'queue',
        };
      }),
  );
}

interface Popularity {
  readonly count: number;
  /** Reads of a key a ms, at the scenario's base rate. */
  readonly readsPerMs: (key: number) => number;
}

/** How often each key is read: what a warm cache holds depends on it. */
function popularity(traffic: Part, scenario: Scenario): Popularity {
  const count = numberParam(traffic, 'keys');
  const profile = scenario.profile;
  const skew = profile?.kind === 'hot-key' ? (profile.skew ?? HOT_KEY_SKEW) : numberParam(traffic, 'skew');
  const reads =
    ((scenario.rate ?? numberParam(traffic, 'rate')) * (scenario.reads ?? numberParam(traffic, 'reads'))) / 1e5;
  const chance = zipfChance(count, skew);
  return { count, readsPerMs: (key) => reads * chance(key) };
}

/** The window a scenario is reported in, s: its own, or 1 s up to 600 rows. */
const windowOf = (scenario: Scenario) => scenario.window ?? Math.max(1, Math.ceil(scenario.duration / 600));

/**
 * Simulates `scenario` on `design`. Throws when the design has errors (validateDesign lists them first) or the
 * scenario lasts no time.
 */
export function simulate(design: Design, scenario: Scenario, options: SimOptions = {}): SimResult {
  const errors = validateDesign(design);
  if (errors.length > 0) throw new Error(errors.map(errorText).join('\n'));
  if (!(scenario.duration > 0)) throw new Error(`scenario "${scenario.name}" must last more than 0 s`);
  const seed = options.seed ?? 1;
  const sample = Math.min(1, options.sample ?? sampleFraction(design, scenario));
  const [runDesign, runScenario] = scaleRun(design, scenario, sample);
  const window = windowOf(scenario);
  const metrics = new Metrics(window * 1000, scenario.duration * 1000, design.parts.length);
  const sim: Sim = {
    clock: new EventQueue(),
    random: createRandom(seed),
    metrics,
    hop: options.hop ?? DEFAULT_HOP,
    handlers: [],
    calls: callsOf(runDesign),
    backed: backedOf(runDesign),
  };
  const trafficIndex = runDesign.parts.findIndex((part) => part.kind === 'traffic');
  const traffic = runDesign.parts[trafficIndex]!;
  const runtimes = runDesign.parts.map((part, index) => runtimeOf(sim, index, part, popularity(traffic, runScenario)));
  sim.handlers.push(...runtimes.map((runtime) => runtime.handler));
  const notes = scheduleFaults(sim, scenario.faults ?? [], runDesign.parts, runtimes);
  const tally = startTraffic(sim, trafficIndex, traffic, runScenario);
  sim.clock.runUntil(options.drain ? Infinity : scenario.duration * 1000);
  for (const runtime of runtimes) for (const station of runtime.stations) station.track();
  const rates = new Map(
    design.parts.map((part, index) => {
      const { calls, writes } = metrics.parts[index]!;
      const perSecond = (count: number) => count / scenario.duration / sample;
      return [part.name, { calls: perSecond(calls), writes: perSecond(writes) }];
    }),
  );
  const result: SimResult = {
    scenario: scenario.name,
    seed,
    sample,
    duration: scenario.duration,
    window,
    totals: totals(metrics, tally.inFlight, tally.minSlack),
    windows: windowRows(metrics),
    parts: partReports(metrics, design.parts, (index) => runtimes[index]!.hits?.()),
    cost: monthlyCost(design, rates),
    notes,
  };
  return scaleUp(result, sample);
}
