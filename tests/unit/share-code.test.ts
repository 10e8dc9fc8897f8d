import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOPIC_STATES } from '../../src/lib/progress-store';
import { decodeShareCode, encodeShareCode } from '../../src/lib/share-code';

const ids = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,10}$/), { minLength: 1, maxLength: 200 });

describe('share code', () => {
  it('round-trips any roadmap progress', () => {
    fc.assert(
      fc.property(ids, fc.array(fc.option(fc.constantFrom(...TOPIC_STATES), { nil: undefined }), { maxLength: 200 }), (topicIds, picks) => {
        const states = Object.fromEntries(topicIds.flatMap((id, i) => (picks[i] ? [[id, picks[i]!]] : [])));
        expect(decodeShareCode(encodeShareCode(topicIds, states), topicIds)).toEqual({ ok: true, states });
      }),
    );
  });

  it('is compact: two bits per topic', () => {
    const topicIds = Array.from({ length: 150 }, (_, i) => `t${i}`);
    expect(encodeShareCode(topicIds, {}).length).toBeLessThan(70);
  });

  it('never throws on any string and rejects tampering, truncation and other roadmaps', () => {
    const topicIds = ['http', 'jwt', 'sql', 'redis'];
    const code = encodeShareCode(topicIds, { jwt: 'done', sql: 'learning' });
    fc.assert(fc.property(fc.string(), (s) => void decodeShareCode(s, topicIds)));
    expect(decodeShareCode(code.slice(0, -1), topicIds).ok).toBe(false);
    expect(decodeShareCode(`${code}A`, topicIds).ok).toBe(false);
    expect(decodeShareCode(code.replace(/\.[^.]+$/, '.*!'), topicIds).ok).toBe(false);
    expect(decodeShareCode(code, ['http', 'jwt', 'sql', 'mongodb'])).toMatchObject({ ok: false, reason: expect.stringMatching(/changed/) });
    expect(decodeShareCode(code.replace(/^1\./, '9.'), topicIds).ok).toBe(false);
  });
});
