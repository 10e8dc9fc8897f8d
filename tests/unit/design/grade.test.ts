/**
 * Grading: a verdict per goal, and a failure that names the scenario, the number observed and where the time went,
 * never the fix.
 */
import { describe, expect, it } from 'vitest';
import { gradeScenario, gradeScenarios, type Scenario } from '../../../src/lib/labs/design/index.ts';
import { designOf } from './designs.ts';

/** One small instance behind which a database with a tiny pool: fine at 50 a second, saturated at 800. */
const design = designOf(`traffic users
  rate 50 req/s
  reads 50 %
  reread 100 %
service api
  instances 1
  concurrency 32
  time 2 ms
database db
  pool 2
  read 4 ms
  write 8 ms
  replicas 1
  reads-from replicas
  lag 300 ms
users calls api
api calls db
`);

const goals: Scenario['goals'] = [
  { kind: 'p99', under: 100 },
  { kind: 'error-rate', under: 1 },
];

describe('gradeScenario', () => {
  it('passes a scenario whose goals all hold, with no message', () => {
    const verdict = gradeScenario(design, { name: 'calm', duration: 5, goals });
    expect(verdict.passed).toBe(true);
    expect(verdict.message).toBe('');
    expect(verdict.goals.map((goal) => goal.passed)).toEqual([true, true]);
  });

  it('fails an overloaded scenario naming it, the numbers, and the part that saturated', () => {
    const verdict = gradeScenario(design, { name: 'rush hour', duration: 5, rate: 800, goals });
    expect(verdict.passed).toBe(false);
    const [p99, errors] = verdict.goals;
    expect(p99?.passed).toBe(false);
    expect(p99?.observed).toBeGreaterThan(100);
    expect(errors?.passed).toBe(false);
    const [first, heading, busiest] = verdict.message.split('\n');
    expect(first).toMatch(/^Scenario "rush hour": p99 [\d,]+ ms, over the goal of 100 ms; errors and drops [\d.]+ %/);
    expect(heading).toBe('Where the time went:');
    expect(busiest).toMatch(/^- database db: \d+ % of the time requests spent in parts, mean wait [\d.,]+ ms/);
    expect(verdict.message).toMatch(/busy up to 100 %/);
    expect(verdict.message).toMatch(/requests (timed out|found no free connection in time)/);
    // It describes; it does not prescribe.
    expect(verdict.message).not.toMatch(/\b(add|increase|use|should)\b/i);
  });

  it('says a part that was barely busy was busy under 1 %, not up to 0 %', () => {
    const wide = designOf(`traffic users
  rate 50 req/s
  reads 50 %
service api
  instances 1000
  concurrency 256
  time 20 ms
database db
  pool 2
  read 4 ms
  write 8 ms
users calls api
api calls db
`);
    const verdict = gradeScenario(wide, { name: 'rush hour', duration: 5, rate: 800, goals });
    expect(verdict.message).toMatch(/- service api: .*busy under 1 %/);
    expect(verdict.message).not.toMatch(/up to 0 %/);
  });

  it('counts reads that miss their own write on a lagging replica', () => {
    const verdict = gradeScenario(design, { name: 'profile edit', duration: 5, goals: [{ kind: 'read-your-writes' }] });
    expect(verdict.passed).toBe(false);
    expect(verdict.goals[0]?.observed).toBeGreaterThan(10);
    expect(verdict.message).toMatch(/reads after their writer's write returned older data/);
    expect(verdict.message).toMatch(/Replicas lagged the primary by up to 3\d\d ms/);
  });

  it('holds a budget, with the monthly cost in the message', () => {
    const verdict = gradeScenario(design, { name: 'budget', duration: 1, goals: [{ kind: 'cost', under: 200 }] });
    expect(verdict.goals[0]).toMatchObject({ passed: false, observed: 59.57 + 2 * 175.2 });
    expect(verdict.goals[0]?.text).toBe(
      'cost $410 a month (db $350: 2 nodes × $175.20; api $60: 1 instance × $59.57), over the budget of $200',
    );
  });

  it('checks a queue is drained by a time', () => {
    const queued = designOf(
      'traffic users\n  rate 200\n  reads 0 %\nservice api\nqueue jobs\n  workers 1\n  time 10 ms\nusers calls api\napi calls jobs\n',
    );
    const late = gradeScenario(queued, { name: 'backlog', duration: 6, goals: [{ kind: 'queue-drained', by: 4 }] });
    expect(late.passed).toBe(false);
    expect(late.goals[0]?.text).toMatch(/^[\d,]+ messages still queued or in work at 4 s/);
    const spike: Scenario = {
      name: 'short spike',
      duration: 10,
      rate: 20,
      profile: { kind: 'spike', at: 1, duration: 1 },
      goals: [{ kind: 'queue-drained', by: 8 }],
    };
    expect(gradeScenario(queued, spike).passed).toBe(true);
  });

  it('tells an under-provisioned pool of workers by its backlog, kept in the windows after the sends stop', () => {
    // 10 jobs a second of 2 s each keep 20 workers busy; sends stop at 60 s, the deadline is 20 s later.
    const pool = (workers: number) =>
      designOf(
        `traffic users\n  reads 0 %\nservice api\nqueue jobs\n  workers ${workers}\n  time 2 s\nusers calls api\napi calls jobs\n`,
      );
    const uploads: Scenario = {
      name: 'uploads',
      duration: 80,
      rate: 10,
      profile: { kind: 'spike', factor: 0, at: 60, duration: 20 },
      goals: [{ kind: 'queue-drained', by: 80 }],
    };
    expect(gradeScenario(pool(24), uploads).passed).toBe(true);
    const short = gradeScenario(pool(10), uploads);
    expect(short.passed).toBe(false);
    expect(short.message).toMatch(
      /queue jobs: workers busy up to 100 %, a message waited [\d.]+ s for a worker on average, its line up to [\d,]+ messages/,
    );
    const windows = short.result.windows;
    // Nothing joins the line after 60 s, yet it is still there, shrinking, until the end.
    expect(windows.at(65)!.queue).toBeGreaterThan(100);
    expect(windows.at(70)!.queue).toBeLessThan(windows.at(65)!.queue);
  });
});

describe('gradeScenarios', () => {
  it('passes only when every scenario passes', () => {
    const calm: Scenario = { name: 'calm', duration: 3, goals };
    expect(gradeScenarios(design, [calm]).passed).toBe(true);
    const graded = gradeScenarios(design, [calm, { ...calm, name: 'rush', rate: 800 }]);
    expect(graded.passed).toBe(false);
    expect(graded.verdicts.map((verdict) => verdict.passed)).toEqual([true, false]);
  });
});
