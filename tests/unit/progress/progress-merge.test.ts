import fc from 'fast-check';
import { mergeLabRecords, withLabDraft, withLabRun } from '../../../src/lib/labs/shared/lab-progress.ts';
import { describe, expect, it } from 'vitest';
import { overlappingProgress, progress } from '../arbitraries.ts';
import { changesNothing, MERGE_KINDS, mergeProgress } from '../../../src/lib/progress/progress-merge.ts';
import { emptyProgress, MAX_NOTES_TOTAL, type Progress } from '../../../src/lib/progress/progress-store.ts';
import { withTopicState } from '../../../src/lib/progress/progress-edits.ts';

const time = (value: string | undefined) =>
  value ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : 0;
const itemTime = (kind: string, item: Record<string, string>) =>
  kind === 'reviews' || kind === 'topicReviews' ? item.reviewed : item.updated;
const pairs = fc.oneof(fc.tuple(overlappingProgress, overlappingProgress), fc.tuple(progress, progress));

function merged(here: Progress, incoming: Progress): Progress {
  const plan = mergeProgress(here, incoming);
  if (!plan.ok) throw new Error(plan.reason);
  return plan.progress;
}

describe('merging two devices', () => {
  it('never drops an item either side had, unless the other side has a newer version of it', () => {
    fc.assert(
      fc.property(pairs, ([here, incoming]) => {
        const result = merged(here, incoming);
        for (const kind of ['reviews', 'topicReviews', 'notes', 'projects'] as const) {
          const ids = new Set([...Object.keys(here[kind]), ...Object.keys(incoming[kind])]);
          expect(new Set(Object.keys(result[kind]))).toEqual(ids);
          for (const id of ids) {
            const kept = result[kind][id];
            const sides = [here[kind][id], incoming[kind][id]].filter(Boolean);
            expect(sides).toContainEqual(kept);
            // Whatever was kept is at least as new as either side's version.
            for (const side of sides)
              expect(time(itemTime(kind, kept as never))).toBeGreaterThanOrEqual(time(itemTime(kind, side as never)));
          }
        }
        const topicIds = new Set(
          [here, incoming].flatMap((p) => [...Object.keys(p.topics), ...Object.keys(p.topicTimes)]),
        );
        for (const id of topicIds) {
          const state = result.topics[id];
          expect([here.topics[id], incoming.topics[id]]).toContain(state);
          // A status is lost only to a newer clearing on the other side (or, on a tie, to this device's clearing).
          if (incoming.topics[id] && !state)
            expect(time(result.topicTimes[id])).toBeGreaterThanOrEqual(time(incoming.topicTimes[id]));
          if (here.topics[id] && !state) expect(time(result.topicTimes[id])).toBeGreaterThan(time(here.topicTimes[id]));
        }
        // Each roadmap either side worked on keeps the later of the two times.
        const roadmapIds = new Set([...Object.keys(here.roadmapTimes), ...Object.keys(incoming.roadmapTimes)]);
        expect(new Set(Object.keys(result.roadmapTimes))).toEqual(roadmapIds);
        for (const id of roadmapIds)
          expect(time(result.roadmapTimes[id])).toBe(
            Math.max(time(here.roadmapTimes[id]), time(incoming.roadmapTimes[id])),
          );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the newer item on each side of a conflict, and this device’s on a tie, listing every conflict', () => {
    fc.assert(
      fc.property(overlappingProgress, overlappingProgress, (here, incoming) => {
        const plan = mergeProgress(here, incoming);
        if (!plan.ok) throw new Error(plan.reason);
        for (const c of plan.conflicts) {
          if (c.kind !== 'labs') expect(c.winner).toBe(time(c.incomingTime) > time(c.hereTime) ? 'incoming' : 'here');
          if (c.kind === 'labs')
            expect(plan.progress.labs[c.id]).toEqual(mergeLabRecords(here.labs[c.id]!, incoming.labs[c.id]!));
          else if (c.kind !== 'topics')
            expect(plan.progress[c.kind][c.id]).toEqual((c.winner === 'here' ? here : incoming)[c.kind][c.id]);
        }
        for (const kind of MERGE_KINDS)
          expect(plan.counts[kind].replaced + plan.counts[kind].kept).toBe(
            plan.conflicts.filter((c) => c.kind === kind).length,
          );
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when merging a device with itself or with nothing, and takes everything into an empty device', () => {
    fc.assert(
      fc.property(progress, (p) => {
        const self = mergeProgress(p, p);
        expect(self.ok && changesNothing(self) && self.conflicts.length === 0).toBe(true);
        expect(merged(p, emptyProgress())).toEqual(p);
        expect(merged(emptyProgress(), p)).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a lab passed on either device passed, with the earlier pass, and the newer draft', () => {
    const laptop = { ...emptyProgress(), labs: withLabRun({}, 'lru-cache', true, new Date('2026-11-20T10:00:00Z')) };
    const phone = {
      ...emptyProgress(),
      labs: withLabDraft({}, 'lru-cache', 'class LRUCache {}', new Date('2026-11-22T10:00:00Z')),
    };
    const plan = mergeProgress(laptop, phone);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.progress.labs['lru-cache']).toEqual({
      runs: 1,
      passed: '2026-11-20T10:00:00.000Z',
      draft: 'class LRUCache {}',
      updated: '2026-11-22T10:00:00.000Z',
    });
    expect(plan.conflicts).toMatchObject([{ kind: 'labs', id: 'lru-cache', winner: 'incoming' }]);
    // The other way round: this device's record is newer, yet the incoming pass changes it, so the merge is worth making.
    const back = mergeProgress(phone, laptop);
    if (!back.ok) throw new Error(back.reason);
    expect(back.progress.labs['lru-cache']!.passed).toBe('2026-11-20T10:00:00.000Z');
    expect(changesNothing(back)).toBe(false);
    expect(back.counts.labs).toEqual({ added: 0, replaced: 1, kept: 0 });
  });

  it('resolves a topic marked on both devices by the newer mark, a newer clearing included', () => {
    const laptop = withTopicState(
      withTopicState(emptyProgress(), 'jwt', 'done', new Date('2026-11-22T10:00:00Z')),
      'sql',
      'learning',
      new Date('2026-11-01T10:00:00Z'),
    );
    const phone = withTopicState(
      withTopicState(emptyProgress(), 'jwt', 'learning', new Date('2026-11-20T10:00:00Z')),
      'sql',
      null,
      new Date('2026-11-21T10:00:00Z'),
    );
    const plan = mergeProgress(phone, laptop);
    expect(plan).toMatchObject({
      ok: true,
      progress: { topics: { jwt: 'done' } },
      counts: { topics: { added: 0, replaced: 1, kept: 1 } },
    });
    expect(plan.ok && plan.conflicts).toEqual([
      {
        kind: 'topics',
        id: 'jwt',
        winner: 'incoming',
        hereTime: '2026-11-20T10:00:00.000Z',
        incomingTime: '2026-11-22T10:00:00.000Z',
        hereState: 'learning',
        incomingState: 'done',
      },
      {
        kind: 'topics',
        id: 'sql',
        winner: 'here',
        hereTime: '2026-11-21T10:00:00.000Z',
        incomingTime: '2026-11-01T10:00:00.000Z',
        hereState: '',
        incomingState: 'learning',
      },
    ]);
    // A mark made before topics were dated loses to any dated one.
    const undated = { ...emptyProgress(), topics: { jwt: 'skipped' as const } };
    expect(merged(undated, laptop).topics.jwt).toBe('done');
    expect(merged(laptop, undated).topics.jwt).toBe('done');
  });

  it('refuses a merge whose notes together would not fit, changing nothing', () => {
    const notes = (prefix: string) =>
      Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [
          `${prefix}-${i}`,
          { text: 'n'.repeat(20_000), updated: '2026-11-22T10:00:00.000Z' },
        ]),
      );
    const here = { ...emptyProgress(), notes: notes('a') };
    const incoming = { ...emptyProgress(), notes: notes('b') };
    expect(60 * 20_000).toBeGreaterThan(MAX_NOTES_TOTAL);
    expect(mergeProgress(here, incoming)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/would not fit.*1,000,000 characters/),
    });
  });
});
