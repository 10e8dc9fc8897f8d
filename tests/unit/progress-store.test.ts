import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date, review } from './arbitraries';
import {
  emptyProgress,
  parseExportFile,
  parseProgress,
  type Progress,
  serializeProgress,
  TOPIC_STATES,
  toExportFile,
  withReview,
  withTopicState,
} from '../../src/lib/progress-store';
import { schedule } from '../../src/lib/spaced-repetition';

const topicId = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const progress: fc.Arbitrary<Progress> = fc
  .record({
    topics: fc.dictionary(topicId, fc.constantFrom(...TOPIC_STATES), { maxKeys: 40 }),
    reviews: fc.dictionary(topicId, review, { maxKeys: 40 }),
  })
  .map(({ topics, reviews }) => ({ version: 2 as const, topics, reviews }));

describe('progress store', () => {
  it('reads nothing stored as empty progress', () => {
    expect(parseProgress(null)).toEqual({ ok: true, progress: emptyProgress() });
  });

  it('never throws on any stored string, and accepts only well-formed progress', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        const result = parseProgress(text);
        if (result.ok) {
          for (const [id, state] of Object.entries(result.progress.topics)) {
            expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
            expect(TOPIC_STATES).toContain(state);
          }
          for (const r of Object.values(result.progress.reviews)) expect(r.interval).toBeGreaterThanOrEqual(0);
        } else expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on near-valid stored values, whatever their topics and reviews hold', () => {
    const anything = fc.oneof(fc.jsonValue(), review, fc.record({ ease: fc.double(), interval: fc.double(), reps: fc.integer(), due: fc.string(), reviewed: date }));
    fc.assert(
      fc.property(fc.constantFrom(1, 2), fc.dictionary(fc.string(), anything), fc.dictionary(fc.string(), anything), (version, topics, reviews) => {
        const result = parseProgress(JSON.stringify({ version, topics, reviews }));
        if (result.ok) expect(result.progress.version).toBe(2);
        else expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('migrates a stored version 1 value to version 2 with an empty review list', () => {
    expect(parseProgress('{"version":1,"topics":{"jwt":"done","sql":"learning"}}')).toEqual({
      ok: true,
      progress: { version: 2, topics: { jwt: 'done', sql: 'learning' }, reviews: {} },
    });
    expect(parseExportFile('{"kind":"backend-atlas-progress","exportedAt":"2026-01-01T00:00:00.000Z","version":1,"topics":{"dns":"skipped"}}')).toEqual({
      ok: true,
      progress: { version: 2, topics: { dns: 'skipped' }, reviews: {} },
    });
    expect(parseProgress('{"version":1,"topics":{"jwt":"mastered"}}')).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown state/) });
  });

  it('round-trips through storage and through an export file', () => {
    fc.assert(
      fc.property(progress, (p) => {
        expect(parseProgress(serializeProgress(p))).toEqual({ ok: true, progress: p });
        expect(parseExportFile(toExportFile(p, new Date(0)))).toEqual({ ok: true, progress: p });
      }),
    );
  });

  it('rejects foreign, future and malformed data with a reason', () => {
    expect(parseProgress('{"version":3,"topics":{},"reviews":{}}')).toMatchObject({ ok: false, reason: expect.stringMatching(/newer version/) });
    expect(parseProgress('{"version":0,"topics":{}}')).toMatchObject({ ok: false, reason: expect.stringMatching(/not supported/) });
    expect(parseProgress('{"version":2,"topics":{}}')).toMatchObject({ ok: false, reason: expect.stringMatching(/no review list/) });
    expect(parseProgress('{"version":2,"topics":{},"reviews":{"jwt":{"ease":1,"interval":1,"reps":0,"due":"2026-01-01","reviewed":"2026-01-01"}}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unreadable review schedule/),
    });
    expect(parseProgress('{"version":2,"topics":{},"reviews":{"jwt":{"ease":2.5,"interval":1,"reps":0,"due":"2026-02-30","reviewed":"2026-01-01"}}}').ok).toBe(false);
    expect(parseProgress('{"topics":{}}')).toMatchObject({ ok: false, reason: expect.stringMatching(/no format version/) });
    expect(parseProgress('{"version":1,"topics":{"jwt":"mastered"}}')).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown state/) });
    expect(parseProgress('{"version":1,"topics":{"__proto__":"done"}}').ok).toBe(false);
    expect(parseProgress('[1,2]').ok).toBe(false);
    expect(parseExportFile('{"version":1,"topics":{}}')).toMatchObject({ ok: false, reason: expect.stringMatching(/not a Backend Atlas progress export/) });
    expect(parseExportFile('not json')).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
  });

  it('sets and clears one topic without touching the others', () => {
    const p = withTopicState(withTopicState(emptyProgress(), 'jwt', 'done'), 'sql', 'learning');
    expect(p.topics).toEqual({ jwt: 'done', sql: 'learning' });
    expect(withTopicState(p, 'jwt', null).topics).toEqual({ sql: 'learning' });
  });

  it('keeps reviews when a topic changes, and topics when a review changes', () => {
    const r = schedule(undefined, 'good', '2026-11-23');
    const p = withTopicState(withReview(emptyProgress(), 'explain-jwt-authentication', r), 'jwt', 'done');
    expect(p).toEqual({ version: 2, topics: { jwt: 'done' }, reviews: { 'explain-jwt-authentication': r } });
    expect(parseExportFile(toExportFile(p, new Date(0)))).toEqual({ ok: true, progress: p });
  });
});
