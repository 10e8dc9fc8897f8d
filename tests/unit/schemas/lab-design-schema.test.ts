/**
 * A design lab's fields are its own: it needs requirements, estimates, scenarios and trade-offs, and each wrong
 * design names a scenario of the lab it fails; no other kind of lab may carry those fields.
 */
import { expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import {
  checkDesignDeepDives,
  checkDesignFaults,
  checkDesignMeasured,
} from '../../../src/lib/content/integrity/design-labs.ts';
import { SCHEMAS } from '../../../src/lib/content/integrity/entries.ts';

const entries = readContentDir().filter((e) => e.collection === 'labs');
const design = entries.find((e) => e.id === 'design-url-shortener')!.data as Record<string, unknown>;
const code = entries.find((e) => e.id === 'lru-cache')!.data as Record<string, unknown>;
const issues = (data: Record<string, unknown>) => {
  const parsed = SCHEMAS.labs.safeParse(data);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const wrong = (data: Record<string, unknown>) => data.wrongAnswers as Record<string, unknown>[];

it('accepts the design lab as written', () => expect(issues(design)).toEqual([]));

it('wants each wrong design to name a scenario of the lab', () => {
  const unnamed = { ...design, wrongAnswers: wrong(design).map((w, i) => (i === 0 ? { ...w, fails: undefined } : w)) };
  expect(issues(unnamed)).toEqual([
    expect.stringMatching(/^wrongAnswers\.0\.fails: must name one of this lab's scenarios/),
  ]);
  const unknown = { ...design, wrongAnswers: wrong(design).map((w, i) => (i === 1 ? { ...w, fails: 'outage' } : w)) };
  expect(issues(unknown)).toEqual([
    expect.stringMatching(
      /^wrongAnswers\.1\.fails: must name one of this lab's scenarios \(peak, cache-flush, failover, budget\)/,
    ),
  ]);
});

it('wants the steps of an interview in a design lab, and none of them in another kind', () => {
  expect(issues({ ...design, estimates: undefined })).toEqual(['estimates: is required by a design lab']);
  expect(issues({ ...design, deepDives: undefined })).toEqual(['deepDives: is required by a design lab']);
  expect(issues({ ...design, atScale: undefined })).toEqual(['atScale: is required by a design lab']);
  expect(issues({ ...code, deepDives: design.deepDives })).toEqual(['deepDives: is not used by a code lab']);
  expect(issues({ ...design, tests: 'test("x", () => {})' })).toEqual(['tests: is not used by a design lab']);
  expect(issues({ ...code, tradeoffs: design.tradeoffs })).toEqual(['tradeoffs: is not used by a code lab']);
  const named = { ...code, wrongAnswers: wrong(code).map((w, i) => (i === 0 ? { ...w, fails: 'peak' } : w)) };
  expect(issues(named)).toEqual(['wrongAnswers.0.fails: is only for a design lab']);
});

it("reads a design lab's measured list as the design's own lines, and lets a wrong design be stopped by it", () => {
  const measured = (lines: string[]) =>
    checkDesignMeasured([
      {
        entry: { collection: 'labs', id: 'd', file: 'content/labs/d.md', body: '' },
        data: { ...design, measured: lines },
      },
    ]).map((i) => `${i.file}: ${i.field}: ${i.message}`);
  expect(measured(['cdn hits 95 %', 'queue time 2 s'])).toEqual([]);
  expect(measured(['cdn hits 120 %', 'edge hits 95 %'])).toEqual([
    'content/labs/d.md: measured[0]: hits must be from 0 % to 100 % (got 120 %)',
    expect.stringMatching(/^content\/labs\/d\.md: measured\[1\]: "edge" is not a kind of part/),
  ]);
  expect(issues({ ...code, measured: ['cdn hits 95 %'] })).toEqual(['measured: is not used by a code lab']);
  const stopped = { ...design, wrongAnswers: wrong(design).map((w, i) => (i === 0 ? { ...w, fails: 'measured' } : w)) };
  expect(issues(stopped)).toEqual([]);
});

it("leads a design lab's deep dive to a lab that builds the part, never to another design", () => {
  const labs = entries.map((entry) => ({
    entry: { ...entry, body: '' },
    data: SCHEMAS.labs.parse(entry.data) as Record<string, unknown>,
  }));
  expect(checkDesignDeepDives(labs)).toEqual([]);
  const dives = (ids: string[]) => ids.map((id) => ({ lab: { id, collection: 'labs' }, why: 'x'.repeat(40) }));
  const led = labs.map((lab) =>
    lab.entry.id === 'design-url-shortener'
      ? { ...lab, data: { ...lab.data, deepDives: [...(lab.data.deepDives as unknown[]), ...dives(['design-chat'])] } }
      : lab,
  );
  expect(checkDesignDeepDives(led).map((i) => `${i.file}: ${i.field}: ${i.message}`)).toEqual([
    expect.stringMatching(/^content\/labs\/design-url-shortener\.md: deepDives\[2\]\.lab: design-chat is a design lab/),
  ]);
});

it("wants each fault to name a part of the lab's own design, which tells a renamed part what it is", () => {
  const faults = (scenarios: unknown) =>
    checkDesignFaults([
      { entry: { collection: 'labs', id: 'd', file: 'content/labs/d.md', body: '' }, data: { ...design, scenarios } },
    ]).map((i) => `${i.file}: ${i.field}: ${i.message}`);
  const scenarios = design.scenarios as { id: string; faults?: { part?: string }[] }[];
  expect(faults(scenarios)).toEqual([]);
  const astray = scenarios.map((s) =>
    s.id === 'failover' ? { ...s, faults: s.faults!.map((f) => ({ ...f, part: 'postgres' })) } : s,
  );
  expect(faults(astray)).toEqual([
    'content/labs/d.md: scenarios: scenario "failover": its failover names the part "postgres", which the model design lacks',
  ]);
});
