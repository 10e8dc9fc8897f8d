import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customRoadmap } from '../arbitraries.ts';
import {
  addLink,
  addStage,
  addTopic,
  moveItem,
  placeBefore,
  removeItem,
  removeStage,
  setTopicFlags,
} from '../../../src/lib/custom-roadmap/edit.ts';
import { type CustomRoadmap, customTopicIds, toCustomRoadmap } from '../../../src/lib/custom-roadmap/model.ts';
import type { Catalog } from '../../../src/lib/custom-roadmap/catalog.ts';
import { prerequisiteHints, usualPrerequisites } from '../../../src/lib/custom-roadmap/prerequisites.ts';
import { proposeRoadmap } from '../../../src/lib/custom-roadmap/proposal.ts';

const topic = (id: string) => ({ kind: 'topic' as const, id, optional: false });
const two: CustomRoadmap = {
  id: 'my-a',
  title: 'T',
  summary: '',
  stages: [
    { title: 'One', items: [topic('a'), topic('b')] },
    { title: 'Two', items: [topic('c')] },
  ],
};
const ids = (r: CustomRoadmap) => r.stages.map((s) => s.items.map((i) => (i.kind === 'topic' ? i.id : i.title)));

describe('editing a learner’s roadmap', () => {
  it('moves an item within its stage, then across the stage edge into the next and back', () => {
    let step = moveItem(two, { stage: 0, index: 0 }, 1);
    expect(ids(step.roadmap)).toEqual([['b', 'a'], ['c']]);
    step = moveItem(step.roadmap, step.at, 1);
    expect(ids(step.roadmap)).toEqual([['b'], ['a', 'c']]);
    expect(step.at).toEqual({ stage: 1, index: 0 });
    step = moveItem(step.roadmap, step.at, -1);
    expect(ids(step.roadmap)).toEqual([['b', 'a'], ['c']]);
    // At the roadmap's ends nothing moves.
    expect(moveItem(two, { stage: 0, index: 0 }, -1).roadmap).toBe(two);
    expect(moveItem(two, { stage: 1, index: 0 }, 1).roadmap).toBe(two);
  });

  it('keeps every edit a valid roadmap, never duplicating a topic or losing an item', () => {
    const edit = fc.oneof(
      fc.record({
        op: fc.constant('move' as const),
        stage: fc.nat(6),
        index: fc.nat(8),
        by: fc.constantFrom(-1 as const, 1 as const),
      }),
      fc.record({
        op: fc.constant('add' as const),
        id: fc.constantFrom('jwt', 'sql', 'http', 'dns'),
        stage: fc.nat(6),
        index: fc.nat(8),
      }),
      fc.record({ op: fc.constant('stage' as const) }),
    );
    fc.assert(
      fc.property(customRoadmap, fc.array(edit, { maxLength: 20 }), (start, edits) => {
        let r = start;
        for (const e of edits) {
          const count = r.stages.reduce((n, s) => n + s.items.length, 0);
          if (e.op === 'move') {
            r = moveItem(r, { stage: e.stage, index: e.index }, e.by).roadmap;
            expect(r.stages.reduce((n, s) => n + s.items.length, 0)).toBe(count);
          } else if (e.op === 'add') r = addTopic(r, e.id, { stage: e.stage, index: e.index });
          else r = addStage(r);
          expect(toCustomRoadmap(r)).toEqual({ ok: true, value: r });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adds, flags and removes items; a topic already on the roadmap is not added again; the last stage stays', () => {
    let r = addTopic(two, 'a');
    expect(r).toBe(two);
    r = addLink(two, 1, { title: 'Wiki', url: 'https://wiki.example.com/', note: '' });
    expect(ids(r)).toEqual([
      ['a', 'b'],
      ['c', 'Wiki'],
    ]);
    r = setTopicFlags(r, { stage: 0, index: 1 }, { optional: true, alternative: 'db' });
    expect(r.stages[0]!.items[1]).toEqual({ kind: 'topic', id: 'b', optional: true, alternative: 'db' });
    r = setTopicFlags(r, { stage: 0, index: 1 }, { alternative: '' });
    expect(r.stages[0]!.items[1]).toEqual({ kind: 'topic', id: 'b', optional: true });
    r = removeItem(r, { stage: 1, index: 0 });
    expect(ids(r)).toEqual([['a', 'b'], ['Wiki']]);
    expect(removeStage(removeStage(r, 0), 0).stages).toHaveLength(1);
  });

  it('puts a prerequisite right before the topic that needs it, moving it if it is later', () => {
    expect(ids(placeBefore(two, 'c', 'a'))).toEqual([['c', 'a', 'b'], []]);
    expect(ids(placeBefore(two, 'x', 'c'))).toEqual([
      ['a', 'b'],
      ['x', 'c'],
    ]);
  });
});

const catalog: Catalog = {
  topics: Object.fromEntries(
    [
      'authentication',
      'password-hashing',
      'cookies-and-sessions',
      'jwt',
      'oauth2',
      'sql',
      'postgresql',
      'kafka',
      'http',
    ].map((id) => [id, { title: id.toUpperCase(), hours: 4, summary: '', lab: false, terms: [] }]),
  ),
  aliases: {},
  roadmaps: [
    {
      id: 'backend',
      title: 'Backend',
      stages: [
        { title: 'Internet', topics: [{ id: 'http', optional: false }] },
        {
          title: 'Databases',
          topics: [
            { id: 'sql', optional: false },
            { id: 'postgresql', optional: false },
          ],
        },
        {
          title: 'Auth',
          topics: [
            { id: 'authentication', optional: false },
            { id: 'password-hashing', optional: false },
            { id: 'basic', optional: true },
            { id: 'cookies-and-sessions', optional: false },
            { id: 'jwt', optional: false },
            { id: 'oauth2', optional: false },
          ],
        },
      ],
    },
    { id: 'events', title: 'Events', stages: [{ title: 'Messaging', topics: [{ id: 'kafka', optional: false }] }] },
  ],
};

describe('prerequisites from our roadmaps’ order', () => {
  it('are the first topic of the stage, followed up the chain, never merely the topics placed before', () => {
    expect(usualPrerequisites(catalog, 'jwt')).toEqual(['authentication']);
    expect(usualPrerequisites(catalog, 'password-hashing')).toEqual(['authentication']);
    expect(usualPrerequisites(catalog, 'authentication')).toEqual([]);
    expect(usualPrerequisites(catalog, 'not-ours')).toEqual([]);
  });

  it('are hinted when missing (once) or later on the roadmap', () => {
    const r: CustomRoadmap = {
      id: 'my-a',
      title: 'T',
      summary: '',
      stages: [{ title: 'S', items: [topic('jwt'), topic('authentication'), topic('oauth2')] }],
    };
    expect(prerequisiteHints(catalog, r)).toEqual([{ topic: 'jwt', prerequisite: 'authentication', kind: 'later' }]);
  });

  it('order a proposal as our roadmaps teach it, in a few stages named for the topics they hold', () => {
    const proposal = proposeRoadmap(catalog, ['kafka', 'oauth2', 'postgresql', 'jwt', 'sql', 'unknown'], {
      id: 'my-p',
      title: 'Advert',
      summary: '',
    });
    expect(proposal.stages.map((s) => [s.title, customTopicIds({ ...proposal, stages: [s] })])).toEqual([
      ['POSTGRESQL and SQL', ['sql', 'postgresql']],
      ['KAFKA, OAUTH2 and JWT', ['jwt', 'oauth2', 'kafka']],
      ['More from the advert', ['unknown']],
    ]);
  });
});

describe('topic ids in old links', () => {
  it('follow a rename to the current id, and say a removed topic is gone', async () => {
    const { currentTopicId } = await import('../../../src/lib/custom-roadmap/catalog.ts');
    const renamed: Catalog = { ...catalog, aliases: { 'json-web-tokens': 'jwt', 'old-removed': 'not-here-either' } };
    expect(currentTopicId(renamed, 'jwt')).toBe('jwt');
    expect(currentTopicId(renamed, 'json-web-tokens')).toBe('jwt');
    expect(currentTopicId(renamed, 'old-removed')).toBeUndefined();
    expect(currentTopicId(renamed, 'never-existed')).toBeUndefined();
  });
});
