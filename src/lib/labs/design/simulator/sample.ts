/**
 * Sampling for large runs: simulate a fraction f of the requests on a design whose capacity is scaled by f, so every
 * part stays as busy as at full scale. A station of s servers keeps round(s·f) of them (at least one), and their
 * service times are stretched by round(s·f)/(s·f) so utilisation is exactly the same; rates and line lengths scale
 * by f, TTLs and a replica's apply time by 1/f. docs/design-simulator.md, "Sampling", says what this keeps and what it
 * errs on (fewer servers wait more: it never flatters a design). SHARED BY BUILD AND BROWSER CODE.
 */
import { numberParam, type Design, type Part } from '../model/model.ts';
import { REASONS, type Reason } from './metrics.ts';
import type { SimResult } from './report.ts';
import { peakFactor, type Scenario } from './scenario.ts';

/** Requests simulated in full before a run is sampled. */
export const SAMPLE_BUDGET = 60_000;

/** The fraction of requests to simulate for this scenario (1: all of them). */
export function sampleFraction(design: Design, scenario: Scenario): number {
  const traffic = design.parts.find((part) => part.kind === 'traffic');
  const rate = scenario.rate ?? (traffic ? numberParam(traffic, 'rate') : 0);
  const profile = scenario.profile ?? { kind: 'steady' };
  const mean = profile.kind === 'spike' ? 1 + ((profile.factor ?? 10) - 1) * (profile.duration / scenario.duration) : 1;
  const factor = profile.kind === 'daily-peak' ? (1 + peakFactor(profile)) / 2 : mean;
  const expected = rate * factor * scenario.duration;
  return expected > SAMPLE_BUDGET ? SAMPLE_BUDGET / expected : 1;
}

/** `servers` scaled by f, and the factor its service time is stretched by to keep its utilisation. */
function servers(count: number, f: number): [number, number] {
  const kept = Math.max(1, Math.round(count * f));
  return [kept, kept / (count * f)];
}

function scalePart(part: Part, f: number): Part {
  const n = (name: string) => numberParam(part, name);
  const scaled = (params: Record<string, number>) => ({ ...part, params: { ...part.params, ...params } });
  switch (part.kind) {
    case 'service': {
      const [concurrency, stretch] = servers(n('concurrency'), f);
      return scaled({ concurrency, time: n('time') * stretch, queue: Math.ceil(n('queue') * f) });
    }
    case 'database': {
      const [pool, stretch] = servers(n('pool'), f);
      return scaled({ pool, read: n('read') * stretch, write: n('write') * stretch, apply: n('apply') / f });
    }
    case 'queue': {
      const [workers, stretch] = servers(n('workers'), f);
      return scaled({ workers, time: n('time') * stretch, capacity: Math.ceil(n('capacity') * f) });
    }
    case 'cache':
      return scaled({ time: n('time') / f, ttl: n('ttl') / f });
    case 'limiter':
      return scaled({ rate: n('rate') * f, burst: Math.max(1, Math.round(n('burst') * f)) });
    default:
      return part;
  }
}

/** The design and scenario a sampled run simulates. */
export function scaleRun(design: Design, scenario: Scenario, f: number): [Design, Scenario] {
  if (f >= 1) return [design, scenario];
  const traffic = design.parts.find((part) => part.kind === 'traffic');
  const rate = (scenario.rate ?? (traffic ? numberParam(traffic, 'rate') : 0)) * f;
  const profile = scenario.profile;
  const scaledProfile =
    profile?.kind === 'celebrity' ? { ...profile, followers: Math.max(1, Math.round(profile.followers * f)) } : profile;
  return [
    { ...design, parts: design.parts.map((part) => scalePart(part, f)) },
    { ...scenario, rate, ...(scaledProfile ? { profile: scaledProfile } : {}) },
  ];
}

/** A sampled run's windows and parts in full-traffic numbers: counts, rates and lines divided by the fraction. */
export function scaleUp(result: SimResult, sample: number): SimResult {
  if (sample >= 1) return result;
  const up = (value: number) => value / sample;
  return {
    ...result,
    windows: result.windows.map((row) => ({
      ...row,
      arrivals: up(row.arrivals),
      throughput: up(row.throughput),
      errors: up(row.errors),
      drops: up(row.drops),
      reasons: Object.fromEntries(REASONS.map((reason) => [reason, up(row.reasons[reason])])) as Record<Reason, number>,
      queue: up(row.queue),
    })),
    parts: result.parts.map((part) => ({
      ...part,
      queue: part.queue.map(up),
      backlog: part.backlog.map(up),
      redelivered: up(part.redelivered),
      deadLettered: up(part.deadLettered),
      rate: up(part.rate),
      meanQueue: up(part.meanQueue),
      meanBusy: up(part.meanBusy),
    })),
  };
}
