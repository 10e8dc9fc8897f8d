import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { TOPIC_STATES, type TopicState } from '../../../src/lib/progress/progress-store.ts';
import {
  decodeShareCode,
  encodeShareCode,
  encodeShareCodeV1,
  topicHash,
} from '../../../src/lib/progress/progress-link.ts';

const ids = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,10}(-[a-z0-9]{1,6})?$/), { minLength: 1, maxLength: 200 });
const picks = fc.array(fc.option(fc.constantFrom(...TOPIC_STATES), { nil: undefined }), { maxLength: 200 });
const statesOf = (topicIds: string[], chosen: (TopicState | undefined)[]) =>
  Object.fromEntries(topicIds.flatMap((id, i) => (chosen[i] ? [[id, chosen[i]]] : [])));
/** Ids whose 22-bit hashes differ, as on every real roadmap (checked below against the content). */
const distinct = (topicIds: string[]) => new Set(topicIds.map(topicHash)).size === topicIds.length;

describe('progress link', () => {
  it('round-trips any roadmap progress', () => {
    fc.assert(
      fc.property(ids.filter(distinct), picks, (topicIds, chosen) => {
        const states = statesOf(topicIds, chosen);
        expect(decodeShareCode(encodeShareCode(topicIds, states), topicIds)).toEqual({ ok: true, states, gone: 0 });
      }),
    );
  });

  it('still opens after the roadmap gains, loses and reorders topics, showing the topics still there', () => {
    fc.assert(
      fc.property(
        ids.filter(distinct),
        picks,
        fc.uniqueArray(fc.stringMatching(/^new-[a-z]{1,8}$/), { maxLength: 10 }),
        fc.infiniteStream(fc.boolean()),
        (before, chosen, added, keepStream) => {
          const states = statesOf(before, chosen);
          const kept = before.filter(() => keepStream.next().value);
          const after = [...added, ...kept.reverse()];
          fc.pre(distinct(after));
          const decoded = decodeShareCode(encodeShareCode(before, states), after);
          const stillThere = Object.fromEntries(Object.entries(states).filter(([id]) => after.includes(id)));
          const gone = Object.keys(states).length - Object.keys(stillThere).length;
          expect(decoded).toEqual({ ok: true, states: stillThere, gone });
        },
      ),
    );
  });

  it('gives every topic of the site its own hash, so no roadmap has two topics a link cannot tell apart', () => {
    const topics = readContentDir()
      .filter((e) => e.collection === 'topics')
      .map((e) => e.id);
    expect(topics.length).toBeGreaterThan(100);
    expect(new Set(topics.map(topicHash)).size).toBe(topics.length);
  });

  it('keeps opening links in the older positional format while their roadmap is unchanged', () => {
    fc.assert(
      fc.property(ids, picks, (topicIds, chosen) => {
        const states = statesOf(topicIds, chosen);
        expect(decodeShareCode(encodeShareCodeV1(topicIds, states), topicIds)).toEqual({ ok: true, states, gone: 0 });
      }),
    );
    const code = encodeShareCodeV1(['http', 'jwt', 'sql'], { jwt: 'done' });
    expect(code).toMatch(/^1\.3\.[0-9a-z]{6}\.[A-Za-z0-9_-]+$/);
    expect(decodeShareCode(code, ['http', 'jwt', 'sql', 'redis'])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/changed/),
    });
  });

  it('never opens a code changed in one character as the same progress', () => {
    const char = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
    fc.assert(
      fc.property(ids.filter(distinct), picks, fc.nat(), char, (topicIds, chosen, at, replacement) => {
        const states = statesOf(topicIds, chosen);
        const code = encodeShareCode(topicIds, states);
        const start = code.lastIndexOf('.') + 1;
        fc.pre(code.length > start);
        const i = start + (at % (code.length - start));
        fc.pre(code[i] !== replacement);
        const changed = decodeShareCode(code.slice(0, i) + replacement + code.slice(i + 1), topicIds);
        expect(changed).not.toEqual({ ok: true, states, gone: 0 });
      }),
      { numRuns: 1000 },
    );
  });

  it('is compact: four characters per topic marked, none for topics not started', () => {
    const topicIds = Array.from({ length: 150 }, (_, i) => `topic-${i}`);
    expect(encodeShareCode(topicIds, {})).toBe('2.0.');
    const all = Object.fromEntries(topicIds.map((id) => [id, 'done' as const]));
    expect(encodeShareCode(topicIds, all).length).toBe('2.150.'.length + 600);
  });

  it('never throws on any string and rejects tampering and truncation', () => {
    const topicIds = ['http', 'jwt', 'sql', 'redis'];
    const code = encodeShareCode(topicIds, { jwt: 'done', sql: 'learning' });
    // Codes of the right shape with any items: some name these topics, most name topics this roadmap lacks.
    const anyItem = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{4}$/),
      fc.constantFrom(...topicIds.map((id) => encodeShareCode([id], { [id]: 'done' }).slice(4))),
    );
    const wellFormed = fc.array(anyItem, { maxLength: 8 }).map((items) => `2.${items.length}.${items.join('')}`);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.stringMatching(/^[12]\.\d{1,3}\.[A-Za-z0-9_-]{0,12}(\.[A-Za-z0-9_-]{0,8})?$/),
          wellFormed,
        ),
        (s) => {
          const result = decodeShareCode(s, topicIds);
          if (!result.ok) return void expect(result.reason).toMatch(/^the (link|roadmap) /);
          // Whatever opens names only this roadmap's topics, accounts for every item of the code, and is what a fresh link for it would show.
          for (const id of Object.keys(result.states)) expect(topicIds).toContain(id);
          if (s.startsWith('2.')) expect(Object.keys(result.states).length + result.gone).toBe(Number(s.split('.')[1]));
          expect(decodeShareCode(encodeShareCode(topicIds, result.states), topicIds)).toEqual({
            ok: true,
            states: result.states,
            gone: 0,
          });
        },
      ),
      { numRuns: 1000 },
    );
    expect(decodeShareCode(code.slice(0, -1), topicIds)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/truncated/),
    });
    expect(decodeShareCode(`${code}AAAA`, topicIds).ok).toBe(false);
    expect(decodeShareCode(code.replace(/\.[^.]+$/, '.*!*!*!*!'), topicIds).ok).toBe(false);
    expect(decodeShareCode(code.replace(/^2\./, '9.'), topicIds)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/another version/),
    });
    // The same topic twice, or a state beyond the three, is damage.
    const item = code.split('.')[2]!.slice(0, 4);
    expect(decodeShareCode(`2.2.${item}${item}`, topicIds).ok).toBe(false);
    expect(decodeShareCode('2.1.____', topicIds).ok).toBe(false);
  });
});
