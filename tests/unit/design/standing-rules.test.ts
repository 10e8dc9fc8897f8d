/**
 * The rules every scenario holds a design to, whatever its goals (src/lib/labs/design/grading/goals.ts): a read reaches a store,
 * a write is committed before its read-back, background work counts, a backlog still growing fails, a part with no
 * zones line lives in zone a, and a queue delivers at least once. Each is shown on a design that breaks it beside
 * one that keeps it, so a rule that stopped applying fails here.
 */
import { describe, expect, it } from 'vitest';
import {
  formatDesign,
  goalText,
  gradeScenario,
  simulate,
  type Goal,
  type Scenario,
  trafficText,
  ZONE_SPANNING_KINDS,
} from '../../../src/lib/labs/design/index.ts';
import { rateFactor } from '../../../src/lib/labs/design/simulator/scenario.ts';
import { designOf } from './designs.ts';

const traffic = (rate: number, reads: number, extra = '') =>
  `traffic users\n  rate ${rate} req/s\n  reads ${reads} %\n  keys 1000\n  timeout 2 s\n${extra}`;
const api = 'service api\n  instances 2\n  concurrency 50\n  time 2 ms\n';
const db = 'database db\n  pool 20\n  read 2 ms\n  write 4 ms\n';
const steady = (goals: readonly Goal[], extra: Partial<Scenario> = {}): Scenario => ({
  name: 'steady',
  duration: 8,
  goals,
  ...extra,
});
const verdicts = (text: string, scenario: Scenario) => gradeScenario(designOf(text), scenario);

describe('a read reaches a store of the data', () => {
  const cache = 'cache links\n  size 1 GB\n  item 1 KB\n  ttl 1 h\n';
  it('fails every read of a cache with nothing behind it, hit or miss, and says where they ended', () => {
    const alone = verdicts(`${traffic(200, 100)}${api}${cache}users calls api\napi calls links\n`, steady([]));
    expect(alone.result.totals.completed).toBe(0);
    expect(alone.result.totals.reasons['no-store']).toBe(alone.result.totals.arrivals - alone.result.totals.inFlight);
    const backed = verdicts(
      `${traffic(200, 100)}${api}${cache}${db}users calls api\napi calls links\nlinks calls db\n`,
      steady([]),
    );
    expect(backed.result.totals.reasons['no-store']).toBe(0);
    const failed = gradeScenario(
      designOf(`${traffic(200, 100)}${api}${cache}users calls api\napi calls links\n`),
      steady([{ kind: 'error-rate', under: 1 }]),
    );
    expect(failed.passed).toBe(false);
    expect(failed.message).toMatch(/answered without reaching any store of the data/);
  });

  it('counts a service the design says holds its data as a store, and one that does not as none', () => {
    const ranker = (holds: string) =>
      `${traffic(100, 100)}service ranker\n  time 5 ms\n  holds ${holds}\nusers calls ranker\n`;
    expect(simulate(designOf(ranker('data')), steady([])).totals.reasons['no-store']).toBe(0);
    expect(simulate(designOf(ranker('nothing')), steady([])).totals.errorRate).toBe(100);
  });
});

describe('a write is read back as the writer was told it was saved', () => {
  const goal = steady([{ kind: 'read-your-writes' }]);
  const queue = 'queue later\n  workers 4\n  time 300 ms\n';
  it('passes a write committed before its answer, and fails one a queue commits 300 ms later', () => {
    const sync = `${traffic(100, 50, '  reread 100 %\n')}${api}${db}users calls api\napi calls db\n`;
    expect(verdicts(sync, goal).passed).toBe(true);
    const later = `${traffic(100, 50, '  reread 100 %\n')}${api}${db}${queue}users calls api\napi calls db for reads\napi calls later for writes\nlater calls db\n`;
    const verdict = verdicts(later, goal);
    expect(verdict.passed).toBe(false);
    expect(verdict.result.totals.staleReads).toBeGreaterThan(0);
    expect(verdict.message).toMatch(/writes were answered before any database had committed them/);
  });
});

describe('background work counts toward the goals', () => {
  it('fails the error goal when an async call drops jobs nobody waits for, and names them', () => {
    const slow = 'service reports\n  instances 1\n  concurrency 2\n  time 50 ms\n  queue 20\n';
    const text = `${traffic(200, 0)}${api}${db}${slow}users calls api\napi calls db\napi calls reports async\n`;
    const verdict = verdicts(text, steady([{ kind: 'error-rate', under: 1 }]));
    expect(verdict.result.totals.errorRate).toBe(0);
    expect(verdict.result.totals.backgroundFailed).toBeGreaterThan(0);
    expect(verdict.passed).toBe(false);
    expect(verdict.goals[0]!.text).toMatch(/% of background jobs \([\d,]+ of [\d,]+ failed\), over the goal of 1 %/);
  });

  it('does not read a queue as drained when its messages failed on the way', () => {
    const queue = 'queue send\n  workers 8\n  time 5 ms\n  tries 1\n';
    const broken = 'service provider\n  instances 1\n  concurrency 1\n  time 10 ms\n  queue 0\n';
    const text = `${traffic(200, 0)}${api}${queue}${broken}users calls api\napi calls send\nsend calls provider\n`;
    const verdict = verdicts(
      text,
      steady([{ kind: 'queue-drained', by: 8 }], { profile: { kind: 'spike', factor: 0, at: 2, duration: 6 } }),
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.goals[0]!.text).toMatch(/failed on the way/);
  });
});

describe('a backlog still growing at the end fails', () => {
  const fanout = (workers: number) =>
    `${traffic(100, 0)}${api}${db}queue copy\n  workers ${workers}\n  time 10 ms\nusers calls api\napi calls copy\ncopy calls db\n`;
  it('fails a queue whose workers clear less than arrives, and passes one that keeps up', () => {
    const behind = verdicts(fanout(1), steady([]));
    expect(behind.passed).toBe(false);
    expect(behind.message).toMatch(/queue copy's backlog was still growing at the end, by [\d,]+ messages a second/);
    expect(verdicts(fanout(8), steady([])).passed).toBe(true);
  });

  it('passes a backlog that is draining after a spike', () => {
    const spike = steady([], { duration: 12, profile: { kind: 'spike', factor: 3, at: 2, duration: 3 } });
    expect(verdicts(fanout(3), spike).goals.find((g) => g.goal.kind === 'backlog-settles')?.passed).toBe(true);
  });
});

describe('zones', () => {
  const zoneLost = steady([{ kind: 'error-rate', under: 5 }], { faults: [{ kind: 'zone-lost', zone: 'a', at: 2 }] });
  it('puts a part with no zones line in zone a, which a zone loss takes', () => {
    const none = `${traffic(100, 100)}${api}${db}users calls api\napi calls db\n`;
    expect(verdicts(none, zoneLost).passed).toBe(false);
    const spread = none
      .replace('time 2 ms\n', 'time 2 ms\n  zones a b\n')
      .replace('write 4 ms\n', 'write 4 ms\n  zones b\n');
    expect(verdicts(spread, zoneLost).passed).toBe(true);
  });

  it('lets no zone loss take a load balancer, CDN, rate limiter or object storage, as the rule says', () => {
    const inB = `${api.replace('time 2 ms\n', 'time 2 ms\n  zones b\n')}${db.replace('write 4 ms\n', 'write 4 ms\n  zones b\n')}`;
    const front = (kind: string) =>
      `${traffic(100, 100)}${kind} front\n${inB}users calls front\nfront calls api\napi calls db\n`;
    const behind = `${traffic(100, 100)}${inB}storage files\nusers calls api\napi calls files for reads\n`;
    const designs = { lb: front('lb'), cdn: front('cdn'), limiter: front('limiter'), storage: behind };
    expect(Object.keys(designs).sort()).toEqual([...ZONE_SPANNING_KINDS].sort());
    for (const [kind, text] of Object.entries(designs)) {
      expect(verdicts(text, zoneLost).passed, kind).toBe(true);
      // The same design fails once a part that lives in zone a stands where the spanning part stood.
      const inA = text.replace(
        `${kind} ${kind === 'storage' ? 'files' : 'front'}\n`,
        `service ${kind === 'storage' ? 'files' : 'front'}\n  time 1 ms\n`,
      );
      expect(verdicts(inA, zoneLost).passed, kind).toBe(false);
    }
  });
});

describe('a queue delivers at least once', () => {
  const text = (visibility: number, tries: number) =>
    `${traffic(100, 0)}${api}queue jobs\n  workers 4\n  time 20 ms\n  zones a b\n  visibility ${visibility} s\n  tries ${tries}\n${db.replace('write 4 ms\n', 'write 4 ms\n  zones b\n')}users calls api\napi calls jobs\njobs calls db\n`;
  const lose = (extra: Partial<Scenario>) =>
    ({ name: 'zone', duration: 6, faults: [{ kind: 'zone-lost', zone: 'a', at: 2 }], ...extra }) as Scenario;

  it('brings back the messages a dead worker held after the visibility timeout, and loses none', () => {
    const result = simulate(designOf(text(1, 5)), lose({}), { drain: true });
    const jobs = result.parts.find((p) => p.name === 'jobs')!;
    expect(jobs.redelivered).toBeGreaterThan(0);
    expect(jobs.deadLettered).toBe(0);
    expect(result.totals.backgroundFailed).toBe(0);
    // Every message of a request that was answered was done, once it came back if a dead worker held it.
    expect(result.totals.backgroundDone).toBeGreaterThanOrEqual(result.totals.completed);
  });

  it('keeps a message out of sight for its timeout, as backlog, and dead-letters it after its last try', () => {
    const hidden = simulate(designOf(text(30, 5)), lose({}));
    expect(hidden.parts.find((p) => p.name === 'jobs')!.backlog.at(-1)).toBeGreaterThan(0);
    const once = simulate(designOf(text(1, 1)), lose({}), { drain: true });
    expect(once.parts.find((p) => p.name === 'jobs')!.deadLettered).toBeGreaterThan(0);
    expect(once.totals.backgroundFailed).toBe(once.parts.find((p) => p.name === 'jobs')!.deadLettered);
  });
});

it('states every goal in the words its verdict quotes', () => {
  const text = `${traffic(100, 50, '  reread 100 %\n')}${api}${db}users calls api\napi calls db\n`;
  const goals: Scenario['goals'] = [{ kind: 'read-your-writes' }, { kind: 'queue-drained', by: 4 }];
  for (const verdict of verdicts(text, steady(goals)).goals) expect(verdict.text).toContain(goalText(verdict.goal));
});

it('serves a call made `to read` as a read while handling a write: it commits nothing, and the text keeps it', () => {
  const text = `${traffic(100, 0, '  reread 100 %\n')}${api}${db}users calls api\napi calls db to read\n`;
  const design = designOf(text);
  expect(design.calls.find((c) => c.to === 'db')?.toRead).toBe(true);
  expect(formatDesign(design)).toContain('api calls db to read');
  const verdict = verdicts(text, steady([{ kind: 'read-your-writes' }]));
  // The writes were looked up, never stored: their read-back finds nothing newer than the answer.
  // 100 writes a second for 8 s, each answered with nothing committed.
  expect(verdict.result.totals.uncommitted).toBeGreaterThan(700);
  expect(verdict.passed).toBe(false);
});

it('says how busy the busiest shard was, not the average of all of them', () => {
  const sharded = `${traffic(1500, 100)}${api}database db\n  shards 4\n  pool 4\n  read 5 ms\nusers calls api\napi calls db\n`;
  const verdict = verdicts(sharded, steady([{ kind: 'p99', under: 50 }], { profile: { kind: 'hot-key', skew: 1.6 } }));
  const db = verdict.result.parts.find((p) => p.name === 'db')!;
  const peaks = db.stations.map((s) => s.peakUtilisation).sort((a, b) => b - a);
  expect(db.stations.map((s) => s.label)).toEqual([
    'shard 1 primary',
    'shard 2 primary',
    'shard 3 primary',
    'shard 4 primary',
  ]);
  expect(peaks[0]).toBeGreaterThan(0.95);
  expect(peaks[3]).toBeLessThan(0.5);
  expect(db.peakUtilisation).toBe(peaks[0]);
  expect(verdict.message).toMatch(/database db: .*shard \d primary busy up to (9\d|100) %, the rest up to \d+ %/);
});

it('says, with its arithmetic, that a fan-out the caller waits for makes its calls one after another', () => {
  const text = `${traffic(50, 50)}${api}${db}users calls api\napi calls db for writes per follower\n`;
  const celebrity = steady([{ kind: 'error-rate', under: 0.1 }], {
    profile: { kind: 'celebrity', followers: 2000, at: 1 },
  });
  expect(verdicts(text, celebrity).message).toContain(
    'Each request by an account with 2,000 followers makes 2,000 calls from api to db one after another: at least 2,000 × 4.5 ms = 9.0 s',
  );
});

it("states a scenario's traffic as its profile runs it, so a blast is one rate wherever the page names it", () => {
  const blast = { rate: 400, duration: 10, profile: { kind: 'spike', factor: 10, at: 3, duration: 3 } } as const;
  expect(trafficText(blast)).toBe('400 requests a second over 10 s, 4,000 a second from 3 s to 6 s');
  expect(trafficText(blast, true)).toBe('over 10 s, 4,000 a second from 3 s to 6 s');
  const tail = { rate: 4000, duration: 20, profile: { kind: 'spike', factor: 0, at: 3, duration: 17 } } as const;
  expect(trafficText(tail)).toBe('4,000 requests a second for the first 3 s of 20, then none');
  const peak = { rate: 500, duration: 10, profile: { kind: 'daily-peak', peak: 2 } } as const;
  expect(trafficText(peak)).toBe('500 requests a second over 10 s, rising to 1,000 a second at mid-run and back');
  expect(trafficText({ rate: 400, duration: 10 })).toBe('400 requests a second for 10 s');
  // The words match the simulator: the spike's rate inside its window, the base outside it, the peak at mid-run.
  const at = (s: Scenario, t: number) => s.rate! * rateFactor(s.profile!, t, s.duration);
  expect([at({ ...blast, name: 'b' }, 4), at({ ...blast, name: 'b' }, 7)]).toEqual([4000, 400]);
  expect([at({ ...tail, name: 't' }, 1), at({ ...tail, name: 't' }, 5)]).toEqual([4000, 0]);
  expect(at({ ...peak, name: 'p' }, 5)).toBeCloseTo(1000);
});
