/**
 * `node src/cli/measure-design.ts [--exact]`: how long the design simulator takes to run a lab's scenarios, in
 * Node, on a read-heavy API at 20,000 requests a second for 60 s (steady, a ×10 spike, a failover, a cache flush, a
 * lost zone, a hot key). Prints wall and CPU milliseconds per scenario, the requests simulated and the sample
 * fraction; `--exact` simulates every request (no sampling). measureDesignScenarios() times any design's scenarios
 * for `npm run measure`. Run by hand; the numbers go in docs/design-simulator.md, not in a timed test.
 */
import { parseArgs } from 'node:util';
import { parseDesign, simulate, type Design, type Scenario, type SimOptions } from '../lib/labs/design/index.ts';

export interface ScenarioTiming {
  readonly scenario: string;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly requests: number;
  readonly sample: number;
  readonly p99: number;
  readonly errorRate: number;
}

/** Runs each scenario once and times it. */
export function measureDesignScenarios(
  design: Design,
  scenarios: readonly Scenario[],
  options: SimOptions = {},
): ScenarioTiming[] {
  return scenarios.map((scenario) => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = simulate(design, scenario, options);
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return {
      scenario: scenario.name,
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      requests: result.totals.arrivals,
      sample: result.sample,
      p99: result.totals.p99,
      errorRate: result.totals.errorRate,
    };
  });
}

const READ_HEAVY = `traffic users
  rate 20k req/s
  reads 95 %
  keys 1M
  skew 0.9
lb edge
service api
  instances 20
  concurrency 64
  time 3 ms
  zones a b c
cache redis
  nodes 4
  size 1 GB
  zones a b c
database db
  pool 200
  replicas 2
  reads-from replicas
  zones a b c
users calls edge
edge calls api
api calls redis for reads
api calls db for writes
redis calls db
`;

const SCENARIOS: Scenario[] = [
  { name: 'steady', duration: 60 },
  { name: '×10 spike', duration: 60, profile: { kind: 'spike', at: 20, duration: 10 } },
  { name: 'primary failover', duration: 60, faults: [{ kind: 'failover', part: 'db', at: 20 }] },
  { name: 'cache flushed', duration: 60, faults: [{ kind: 'cache-flush', part: 'redis', at: 20 }] },
  { name: 'zone lost', duration: 60, faults: [{ kind: 'zone-lost', zone: 'a', at: 20 }] },
  { name: 'hot key', duration: 60, profile: { kind: 'hot-key' } },
];

if (import.meta.main) {
  const { values } = parseArgs({ options: { exact: { type: 'boolean', default: false } } });
  const { design, errors } = parseDesign(READ_HEAVY);
  if (!design) throw new Error(errors.map((error) => error.message).join('\n'));
  const rows = measureDesignScenarios(design, SCENARIOS, values.exact ? { sample: 1 } : {});
  console.log('scenario            wall ms   cpu ms   requests  sample   p99 ms   errors %');
  for (const row of rows) {
    console.log(
      `${row.scenario.padEnd(18)} ${row.wallMs.toFixed(0).padStart(8)} ${row.cpuMs.toFixed(0).padStart(8)} ${String(row.requests).padStart(10)}  ${row.sample.toFixed(3)} ${row.p99.toFixed(1).padStart(8)} ${row.errorRate.toFixed(2).padStart(10)}`,
    );
  }
  const total = rows.reduce((sum, row) => sum + row.wallMs, 0);
  const cpu = rows.reduce((sum, row) => sum + row.cpuMs, 0);
  console.log(`all ${rows.length} scenarios: ${total.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU`);
}
