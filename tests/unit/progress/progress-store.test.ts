import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date, itemId, portfolioEntry, progress, review, sm2Review } from '../arbitraries.ts';
import {
  emptyProgress,
  parseProgress,
  serializeProgress,
  TOPIC_STATES,
} from '../../../src/lib/progress/progress-store.ts';
import {
  withProject,
  withReview,
  withRoadmapWorked,
  withTopicState,
} from '../../../src/lib/progress/progress-edits.ts';
import { parseExportFile, toExportFile } from '../../../src/lib/progress/export-file.ts';
import { schedule } from '../../../src/lib/progress/spaced-repetition.ts';
import { sectionToFsrs } from '../../../src/lib/progress/sm2-migration.ts';
import { usableRoadmap } from '../../../src/lib/custom-roadmap/model.ts';

const empty = { topicTimes: {}, projects: {}, notes: {}, topicReviews: {}, labs: {}, roadmaps: {}, roadmapTimes: {} };
/** Question and topic reviews as formats 2 to 6 stored them (SM-2), and as format 7 reads them. */
const sm2Reviews = fc.dictionary(itemId, sm2Review, { maxKeys: 6 });
const fsrs = (reviews: object, topicReviews: object) => ({
  reviews: sectionToFsrs(reviews),
  topicReviews: sectionToFsrs(topicReviews),
});

describe('progress store', () => {
  it('reads nothing stored as empty progress', () => {
    expect(parseProgress(null)).toEqual({ ok: true, progress: emptyProgress() });
  });

  it('never throws on any stored string, and accepts only well-formed progress', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = parseProgress(text);
          if (!result.ok) return void expect(result.reason).toMatch(/^(it |the |format |")|^[a-z ]+ "/);
          // What is accepted is stored progress of the current format: it saves and reads back as itself.
          expect(result.progress.version).toBe(9);
          expect(parseProgress(serializeProgress(result.progress))).toEqual(result);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps every item of a near-valid stored value or refuses it whole, naming an item that is really wrong', () => {
    const anything = fc.oneof(
      fc.jsonValue(),
      review,
      sm2Review,
      fc.record({ ease: fc.double(), interval: fc.double(), reps: fc.integer(), due: fc.string(), reviewed: date }),
    );
    const id = fc.oneof(itemId, itemId, fc.string({ maxLength: 20 }));
    const map = <T>(valid: fc.Arbitrary<T>) =>
      fc.dictionary(id, fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: anything }), { maxKeys: 4 });
    fc.assert(
      fc.property(
        fc.constantFrom(2, 3, 4, 5, 6, 7, 8),
        map(fc.constantFrom(...TOPIC_STATES)),
        map(sm2Review),
        map(review),
        map(portfolioEntry),
        (version, topics, sm2Reviews, fsrsReviews, projects) => {
          // Formats before 7 stored SM-2 schedules, format 7 FSRS ones.
          const reviews = version < 8 ? sm2Reviews : fsrsReviews;
          const stored = JSON.parse(
            JSON.stringify({
              version,
              topics,
              topicTimes: {},
              reviews,
              projects,
              notes: {},
              topicReviews: {},
              ...(version >= 5 ? { labs: {} } : {}),
              ...(version >= 6 ? { roadmaps: {} } : {}),
              ...(version >= 7 ? { roadmapTimes: {} } : {}),
            }),
          ) as Record<string, unknown>;
          const result = parseProgress(JSON.stringify(stored));
          if (result.ok)
            return void expect(result.progress).toEqual({
              ...stored,
              version: 9,
              reviews: version < 8 ? sectionToFsrs(stored.reviews) : stored.reviews,
              labs: {},
              roadmaps: {},
              roadmapTimes: {},
              ...(version === 2 ? { projects: {} } : {}),
            });
          // Refused, not trimmed: the reason names an item, and that item alone is refused too.
          const m = /^"(.*)" is not a (topic|question|project) id$|^(topic|question|project) "(.*)" (has|is) /.exec(
            result.reason,
          );
          expect(m, result.reason).not.toBeNull();
          const [noun, named] = [m![2] ?? m![3]!, m![1] ?? m![4]!];
          const key = { topic: 'topics', question: 'reviews', project: 'projects' }[noun]!;
          const items = stored[key] as Record<string, unknown>;
          expect(Object.hasOwn(items, named), result.reason).toBe(true);
          expect(
            parseProgress(
              JSON.stringify({ version, ...empty, topics: {}, reviews: {}, [key]: { [named]: items[named] } }),
            ).ok,
          ).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('migrates a stored version 1 value keeping every topic mark', () => {
    fc.assert(
      fc.property(progress, ({ topics }) => {
        expect(parseProgress(JSON.stringify({ version: 1, topics }))).toEqual({
          ok: true,
          progress: { version: 9, topics, reviews: {}, ...empty },
          from: 1,
        });
      }),
    );
  });

  it('migrates a stored version 1 value through versions 2 to 6 to version 7, keeping every mark', () => {
    expect(parseProgress('{"version":1,"topics":{"jwt":"done","sql":"learning"}}')).toEqual({
      ok: true,
      progress: { version: 9, topics: { jwt: 'done', sql: 'learning' }, reviews: {}, ...empty },
      from: 1,
    });
    expect(
      parseExportFile(
        '{"kind":"backend-atlas-progress","exportedAt":"2026-01-01T00:00:00.000Z","version":1,"topics":{"dns":"skipped"}}',
      ),
    ).toEqual({
      ok: true,
      progress: { version: 9, topics: { dns: 'skipped' }, reviews: {}, ...empty },
      from: 1,
    });
    expect(parseProgress('{"version":1,"topics":{"jwt":"mastered"}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unknown state/),
    });
  });

  it('migrates a stored version 2 value to version 7 with an empty portfolio, notes, topic reviews and topic times', () => {
    fc.assert(
      fc.property(progress, sm2Reviews, ({ topics }, reviews) => {
        expect(parseProgress(JSON.stringify({ version: 2, topics, reviews }))).toEqual({
          ok: true,
          progress: { version: 9, topics, reviews: sectionToFsrs(reviews), ...empty },
          from: 2,
        });
      }),
    );
  });

  it('migrates a stored version 3 value to version 7 keeping every section, with no topic times, labs or roadmaps yet', () => {
    fc.assert(
      fc.property(
        progress,
        sm2Reviews,
        sm2Reviews,
        ({ topicTimes: _, labs: __, roadmaps: ___, roadmapTimes: ____, ...rest }, reviews, topicReviews) => {
          expect(parseProgress(JSON.stringify({ ...rest, reviews, topicReviews, version: 3 }))).toEqual({
            ok: true,
            progress: {
              ...rest,
              ...fsrs(reviews, topicReviews),
              version: 9,
              topicTimes: {},
              labs: {},
              roadmaps: {},
              roadmapTimes: {},
            },
            from: 3,
          });
        },
      ),
    );
  });

  it('migrates a stored version 4 value to version 7 keeping every section, with no labs or roadmaps yet', () => {
    fc.assert(
      fc.property(
        progress,
        sm2Reviews,
        sm2Reviews,
        ({ labs: _, roadmaps: __, roadmapTimes: ___, ...rest }, reviews, topicReviews) => {
          expect(parseProgress(JSON.stringify({ ...rest, reviews, topicReviews, version: 4 }))).toEqual({
            ok: true,
            progress: { ...rest, ...fsrs(reviews, topicReviews), version: 9, labs: {}, roadmaps: {}, roadmapTimes: {} },
            from: 4,
          });
        },
      ),
    );
  });

  it("migrates a stored version 5 value to version 7 keeping every section, with no roadmaps of the learner's own yet", () => {
    fc.assert(
      fc.property(
        progress,
        sm2Reviews,
        sm2Reviews,
        ({ roadmaps: _, roadmapTimes: __, ...rest }, reviews, topicReviews) => {
          expect(parseProgress(JSON.stringify({ ...rest, reviews, topicReviews, version: 5 }))).toEqual({
            ok: true,
            progress: { ...rest, ...fsrs(reviews, topicReviews), version: 9, roadmaps: {}, roadmapTimes: {} },
            from: 5,
          });
        },
      ),
    );
  });

  it('migrates a stored version 8 value to version 9 keeping every section, a checker result included', () => {
    fc.assert(
      fc.property(progress, (rest) => {
        expect(parseProgress(JSON.stringify({ ...rest, version: 8 }))).toEqual({
          ok: true,
          progress: { ...rest, version: 9 },
          from: 8,
        });
      }),
    );
  });

  it('refuses a portfolio entry whose checker result is out of bounds, naming the project', () => {
    const entry = {
      status: 'building',
      features: [],
      stretch: [],
      url: '',
      note: '',
      updated: '2026-11-27T10:00:00.000Z',
    };
    const bad = [
      { version: '1.0.0', day: '2026-11-27', milestones: [7], of: 6 },
      { version: '1.0.0', day: '2026-11-27', milestones: [1, 1], of: 6 },
      { version: 'x', day: '2026-11-27', milestones: [], of: 6 },
      { version: '1.0.0', day: 'yesterday', milestones: [], of: 6 },
      { version: '1.0.0', day: '2026-11-27', milestones: [1.5], of: 6 },
    ];
    for (const checked of bad) {
      const stored = { ...emptyProgress(), projects: { 'to-do-list-api': { ...entry, checked } } };
      const result = parseProgress(JSON.stringify(stored));
      expect(result.ok ? 'read' : result.reason).toMatch(/to-do-list-api/);
    }
    const good = { version: '1.0.0', day: '2026-11-27', milestones: [3, 1], of: 6 };
    const read = parseProgress(JSON.stringify({ ...emptyProgress(), projects: { p: { ...entry, checked: good } } }));
    expect(read.ok && read.progress.projects.p?.checked).toEqual({ ...good, milestones: [1, 3] });
  });

  it('migrates a stored version 7 value to version 8 keeping every section and its roadmap times', () => {
    fc.assert(
      fc.property(progress, sm2Reviews, sm2Reviews, (rest, reviews, topicReviews) => {
        expect(parseProgress(JSON.stringify({ ...rest, reviews, topicReviews, version: 7 }))).toEqual({
          ok: true,
          progress: { ...rest, ...fsrs(reviews, topicReviews), version: 9 },
          from: 7,
        });
      }),
    );
  });

  it('dates the work on one of our roadmaps, clears it on request, and never records anything the store would refuse', () => {
    const worked = withRoadmapWorked(emptyProgress(), 'backend', new Date('2026-11-20T10:00:00Z'));
    expect(worked.roadmapTimes).toEqual({ backend: '2026-11-20T10:00:00.000Z' });
    expect(parseProgress(serializeProgress(worked))).toEqual({ ok: true, progress: worked });
    expect(withRoadmapWorked(worked, 'backend', null).roadmapTimes).toEqual({});
    // An id from a bad page is ignored, not stored, so the store still reads back.
    for (const id of ['Not An Id', '', '../x', undefined])
      expect(withRoadmapWorked(worked, id, new Date())).toBe(worked);
    expect(parseProgress(JSON.stringify({ ...worked, roadmapTimes: { backend: 'yesterday' } }))).toEqual({
      ok: false,
      reason: 'time of roadmap "backend" is not an ISO 8601 time',
    });
  });

  it('keeps a saved roadmap by its shape, and only a fully valid one is usable: an unsafe one is kept, not shown', () => {
    const roadmap = {
      id: 'my-team',
      title: 'Team onboarding',
      summary: '',
      stages: [
        {
          title: 'Week 1',
          items: [
            { kind: 'topic', id: 'jwt', optional: false },
            { kind: 'link', title: 'Wiki', url: 'https://wiki.example.com/', note: '' },
          ],
        },
      ],
    };
    const withRoadmap = (saved: object) =>
      JSON.stringify({ version: 9, topics: {}, reviews: {}, ...empty, roadmaps: { 'my-team': saved } });
    const read = parseProgress(withRoadmap({ roadmap, origin: 'made', updated: '2026-11-23T10:00:00.000Z' }));
    expect(read).toMatchObject({ ok: true, progress: { roadmaps: { 'my-team': { roadmap } } } });
    expect(usableRoadmap(read.ok ? read.progress.roadmaps['my-team'] : undefined)).toEqual(roadmap);
    const hostile = {
      ...roadmap,
      stages: [{ title: 'Week 1', items: [{ kind: 'link', title: 'x', url: 'javascript:alert(1)', note: '' }] }],
    };
    const kept = parseProgress(withRoadmap({ roadmap: hostile, origin: 'made', updated: '2026-11-23T10:00:00.000Z' }));
    expect(kept.ok).toBe(true);
    expect(usableRoadmap(kept.ok ? kept.progress.roadmaps['my-team'] : undefined)).toBeUndefined();
    expect(parseProgress(withRoadmap({ roadmap, origin: 'stolen', updated: '2026-11-23T10:00:00.000Z' }))).toEqual({
      ok: false,
      reason: 'roadmap "my-team" is unreadable or too large',
    });
    expect(
      parseProgress(
        withRoadmap({
          roadmap: { ...roadmap, title: 'x'.repeat(200_001) },
          origin: 'made',
          updated: '2026-11-23T10:00:00.000Z',
        }),
      ).ok,
    ).toBe(false);
  });

  it('refuses a lab record that is unreadable or whose draft is too long, naming the lab', () => {
    const withLab = (record: object) =>
      JSON.stringify({ version: 9, topics: {}, reviews: {}, ...empty, labs: { 'lru-cache': record } });
    expect(
      parseProgress(
        withLab({
          runs: 2,
          updated: '2026-11-23T10:00:00.000Z',
          passed: '2026-11-23T10:00:00.000Z',
          draft: 'class A {}',
        }),
      ).ok,
    ).toBe(true);
    expect(parseProgress(withLab({ runs: -1, updated: '2026-11-23T10:00:00.000Z' }))).toEqual({
      ok: false,
      reason: 'lab "lru-cache" has an unreadable record or too long a draft',
    });
    expect(parseProgress(withLab({ runs: 1, updated: '2026-11-23T10:00:00.000Z', passed: 'yesterday' })).ok).toBe(
      false,
    );
    expect(parseProgress(withLab({ runs: 1, updated: '2026-11-23T10:00:00.000Z', draft: 'x'.repeat(20_001) })).ok).toBe(
      false,
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
    expect(parseProgress('{"version":10,"topics":{},"reviews":{}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/newer version/),
    });
    expect(
      parseProgress(
        '{"version":4,"topics":{},"topicTimes":{"jwt":"yesterday"},"reviews":{},"projects":{},"notes":{},"topicReviews":{}}',
      ),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/time of topic "jwt" is not an ISO 8601 time/) });
    expect(parseProgress('{"version":3,"topics":{},"reviews":{},"notes":{},"topicReviews":{}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no project list/),
    });
    expect(parseProgress('{"version":0,"topics":{}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not supported/),
    });
    expect(parseProgress('{"version":2,"topics":{}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no review list/),
    });
    expect(
      parseProgress(
        '{"version":2,"topics":{},"reviews":{"jwt":{"ease":1,"interval":1,"reps":0,"due":"2026-01-01","reviewed":"2026-01-01"}}}',
      ),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unreadable review schedule/),
    });
    expect(
      parseProgress(
        '{"version":2,"topics":{},"reviews":{"jwt":{"ease":2.5,"interval":1,"reps":0,"due":"2026-02-30","reviewed":"2026-01-01"}}}',
      ).ok,
    ).toBe(false);
    expect(parseProgress('{"topics":{}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no format version/),
    });
    expect(parseProgress('{"version":1,"topics":{"jwt":"mastered"}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unknown state/),
    });
    expect(parseProgress('{"version":1,"topics":{"__proto__":"done"}}').ok).toBe(false);
    expect(parseProgress('[1,2]').ok).toBe(false);
    expect(parseExportFile('{"version":1,"topics":{}}')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a Backend Atlas progress export/),
    });
    expect(parseExportFile('not json')).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
  });

  it('sets and clears one topic without touching the others, dating each change', () => {
    const p = withTopicState(
      withTopicState(emptyProgress(), 'jwt', 'done', new Date('2026-11-20T10:00:00Z')),
      'sql',
      'learning',
      new Date('2026-11-21T10:00:00Z'),
    );
    expect(p.topics).toEqual({ jwt: 'done', sql: 'learning' });
    const cleared = withTopicState(p, 'jwt', null, new Date('2026-11-22T10:00:00Z'));
    expect(cleared.topics).toEqual({ sql: 'learning' });
    // A cleared status keeps its time, so a merge knows the clearing is newer than an old mark elsewhere.
    expect(cleared.topicTimes).toEqual({ jwt: '2026-11-22T10:00:00.000Z', sql: '2026-11-21T10:00:00.000Z' });
  });

  it('keeps reviews when a topic changes, and topics when a review changes', () => {
    const r = schedule(undefined, 'good', '2026-11-23');
    const p = withTopicState(withReview(emptyProgress(), 'explain-jwt-authentication', r), 'jwt', 'done', new Date(0));
    expect(p).toEqual({
      version: 9,
      topics: { jwt: 'done' },
      reviews: { 'explain-jwt-authentication': r },
      ...empty,
      topicTimes: { jwt: '1970-01-01T00:00:00.000Z' },
    });
    expect(parseExportFile(toExportFile(p, new Date(0)))).toEqual({ ok: true, progress: p });
  });

  it('round-trips the portfolio through an export file and keeps other sections when a project changes', () => {
    fc.assert(
      fc.property(progress, itemId, portfolioEntry, (p, id, entry) => {
        const next = withProject(p, id, entry);
        expect(next.projects[id]).toEqual(entry);
        expect({ ...next, projects: p.projects }).toEqual(p);
        expect(parseExportFile(toExportFile(next, new Date()))).toEqual({ ok: true, progress: next });
      }),
    );
  });

  it('refuses a portfolio entry with an unsafe link, an oversized note or a missing time, naming the project', () => {
    const entry = {
      status: 'building',
      features: ['crud'],
      stretch: [],
      url: 'https://github.com/me/todo',
      note: 'p95 38 ms',
      updated: '2026-11-22T10:00:00.000Z',
    };
    const withEntry = (e: object) =>
      JSON.stringify({
        version: 9,
        topics: {},
        topicTimes: {},
        reviews: {},
        projects: { 'to-do-list-api': e },
        notes: {},
        topicReviews: {},
        labs: {},
        roadmaps: {},
        roadmapTimes: {},
      });
    expect(parseProgress(withEntry(entry)).ok).toBe(true);
    for (const bad of [
      { ...entry, url: 'javascript:alert(1)' },
      { ...entry, url: 'data:text/html,<script>alert(1)</script>' },
      { ...entry, url: 'https://user:secret@github.com/me' },
      { ...entry, note: 'x'.repeat(2001) },
      { ...entry, status: 'shipped' },
      { ...entry, features: ['<b>'] },
      { ...entry, features: 'crud' },
      { ...entry, updated: 'yesterday' },
      { ...entry, note: undefined },
    ]) {
      expect(parseProgress(withEntry(bad))).toMatchObject({
        ok: false,
        reason: 'project "to-do-list-api" has an unreadable or unsafe portfolio entry',
      });
    }
  });

  it('bounds notes per topic and in all', () => {
    const withNotes = (notes: object) =>
      JSON.stringify({
        version: 9,
        topics: {},
        topicTimes: {},
        reviews: {},
        projects: {},
        notes,
        topicReviews: {},
        labs: {},
        roadmaps: {},
        roadmapTimes: {},
      });
    const note = (chars: number) => ({ text: 'n'.repeat(chars), updated: '2026-11-22T10:00:00.000Z' });
    expect(parseProgress(withNotes({ jwt: note(20_000) })).ok).toBe(true);
    expect(parseProgress(withNotes({ jwt: note(20_001) }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/note on topic "jwt" is unreadable or longer than 20000/),
    });
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`topic-${i}`, note(20_000)]));
    expect(parseProgress(withNotes(many))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/more than 1,000,000 characters/),
    });
  });
});
