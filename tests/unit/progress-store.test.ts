import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  parseExportFile,
  parseProgress,
  type Progress,
  serializeProgress,
  TOPIC_STATES,
  toExportFile,
  withTopicState,
} from '../../src/lib/progress-store';

const topicId = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const progress: fc.Arbitrary<Progress> = fc
  .dictionary(topicId, fc.constantFrom(...TOPIC_STATES), { maxKeys: 40 })
  .map((topics) => ({ version: 1 as const, topics }));

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
        } else expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
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
    expect(parseProgress('{"version":2,"topics":{}}')).toMatchObject({ ok: false, reason: expect.stringMatching(/newer version/) });
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
});
