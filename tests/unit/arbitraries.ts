/** fast-check generators shared by the unit tests. */
import fc from 'fast-check';
import { type PortfolioEntry, PROJECT_STATUSES } from '../../src/lib/progress/portfolio-entry.ts';
import { type Progress, TOPIC_STATES } from '../../src/lib/progress/progress-store.ts';
import type { LabRecord } from '../../src/lib/labs/shared/lab-progress.ts';
import type { Review } from '../../src/lib/progress/review-state.ts';
import type { CustomRoadmap } from '../../src/lib/custom-roadmap/model.ts';
import type { SavedRoadmap } from '../../src/lib/custom-roadmap/saved.ts';

/** A calendar date between 2000 and 2100, as YYYY-MM-DD. */
export const date = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((t) => new Date(t).toISOString().slice(0, 10));

/** Any valid stored review schedule (FSRS, format 7). */
export const review: fc.Arbitrary<Review> = fc.record({
  stability: fc.double({ min: 0.001, max: 36_500, noNaN: true }),
  difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
  reps: fc.integer({ min: 0, max: 200 }),
  lapses: fc.integer({ min: 0, max: 50 }),
  due: date,
  reviewed: date,
});

/** Any valid SM-2 review schedule as format 6 stored it. */
export const sm2Review = fc.record({
  ease: fc.integer({ min: 1300, max: 5000 }).map((n) => n / 1000),
  interval: fc.integer({ min: 0, max: 36_500 }),
  reps: fc.integer({ min: 0, max: 200 }),
  due: date,
  reviewed: date,
});

/** An ISO 8601 time between 2000 and 2100, as stored on every edited item. */
export const timestamp = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((t) => new Date(t).toISOString());

/** An id as entries and checklist items have them. */
export const itemId = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);

/** Any text a learner could type or paste, markup and control characters included. */
export const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        '<script>alert(1)</script>',
        '[x](javascript:alert(1))',
        '![i](https://e.test/i.png)',
        '# h',
        '---',
        '===',
        '> q',
        '- l',
        '1. n',
        '    code',
        '```',
        '~~~',
        '| a | b |',
        '&amp;',
        '&#60;',
        '*em*',
        '__b__',
        '`c`',
        '\\',
        '$x$',
        '\n',
        '\r\n',
        '\t',
        ' ',
        'text',
        'https://e.test/p',
        'www.e.test',
        '<https://e.test>',
        '[^1]',
        '[r]: https://e.test',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

/** A safe repository or demo link as the store keeps it (normalised by the URL parser). */
export const webUrl = fc
  .webUrl({ withQueryParameters: true, withFragments: true })
  .map((u) => new URL(u).href)
  .filter((u) => u.length <= 500 && !new URL(u).username && !new URL(u).password);

/** Any valid stored portfolio entry. */
/** What the project checker's result link recorded: milestones passed, ascending, of a project's count. */
const checkerMark = fc.integer({ min: 1, max: 12 }).chain((of) =>
  fc.record({
    version: fc.constantFrom('1.0.0', '1.2.10'),
    day: fc.constantFrom('2026-11-27', '2026-03-01'),
    milestones: fc.uniqueArray(fc.integer({ min: 1, max: of }), { maxLength: of }).map((m) => m.sort((a, b) => a - b)),
    of: fc.constant(of),
  }),
);

export const portfolioEntry: fc.Arbitrary<PortfolioEntry> = fc.record(
  {
    status: fc.constantFrom(...PROJECT_STATUSES),
    features: fc.uniqueArray(itemId, { maxLength: 12 }),
    stretch: fc.uniqueArray(itemId, { maxLength: 6 }),
    url: fc.oneof(fc.constant(''), webUrl),
    note: fc.oneof(anyText, fc.string({ maxLength: 2000 })),
    updated: timestamp,
    checked: checkerMark,
  },
  { requiredKeys: ['status', 'features', 'stretch', 'url', 'note', 'updated'] },
);

/** Any valid stored lab record: passed or not, with a draft or not. */
const labRecord: fc.Arbitrary<LabRecord> = fc.record(
  { passed: timestamp, runs: fc.integer({ min: 0, max: 500 }), draft: anyText, updated: timestamp },
  { requiredKeys: ['runs', 'updated'] },
);

/** Text as a validated roadmap keeps it: no control characters, trimmed, non-empty. */
const roadmapText = (max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: max })
    .map((t) => t.replace(/[\u0000-\u001f\u007f]/g, ' ').trim())
    .filter((t) => t.length > 0 && t.length <= max);

/** Any valid learner's roadmap: stages of unique topic ids (optional or pick-one) and https: links. */
export const customRoadmap: fc.Arbitrary<CustomRoadmap> = fc
  .record({
    id: itemId,
    title: roadmapText(120),
    summary: fc.oneof(fc.constant(''), roadmapText(400)),
    stages: fc.array(
      fc.record({
        title: roadmapText(120),
        items: fc.array(
          fc.oneof(
            {
              weight: 3,
              arbitrary: fc.record({
                kind: fc.constant('topic' as const),
                id: itemId,
                optional: fc.boolean(),
                alternative: fc.option(itemId, { nil: undefined }),
              }),
            },
            {
              weight: 1,
              arbitrary: fc.record({
                kind: fc.constant('link' as const),
                title: roadmapText(160),
                url: webUrl.filter((u) => u.startsWith('https:')),
                note: fc.oneof(fc.constant(''), roadmapText(500)),
              }),
            },
          ),
          { maxLength: 8 },
        ),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map((roadmap) => {
    // Topic ids are unique across a roadmap; an absent group is no key at all, as the validator writes it.
    const seen = new Set<string>();
    const stages = roadmap.stages.map((stage) => ({
      ...stage,
      items: stage.items
        .filter((item) => item.kind === 'link' || (!seen.has(item.id) && seen.add(item.id)))
        .map((item) =>
          item.kind === 'topic' && !item.alternative ? { kind: item.kind, id: item.id, optional: item.optional } : item,
        ),
    }));
    return { ...roadmap, stages };
  });

const savedRoadmap: fc.Arbitrary<SavedRoadmap> = fc.record({
  roadmap: customRoadmap,
  origin: fc.constantFrom('made' as const, 'opened' as const),
  updated: timestamp,
});

/** Any valid stored progress (format 7), every section filled from a small pool of ids so two values overlap. */
export const progress: fc.Arbitrary<Progress> = fc
  .record({
    topics: fc.dictionary(itemId, fc.constantFrom(...TOPIC_STATES), { maxKeys: 40 }),
    topicTimes: fc.dictionary(itemId, timestamp, { maxKeys: 40 }),
    reviews: fc.dictionary(itemId, review, { maxKeys: 40 }),
    projects: fc.dictionary(itemId, portfolioEntry, { maxKeys: 20 }),
    notes: fc.dictionary(itemId, fc.record({ text: anyText, updated: timestamp }), { maxKeys: 10 }),
    topicReviews: fc.dictionary(itemId, review, { maxKeys: 10 }),
    labs: fc.dictionary(itemId, labRecord, { maxKeys: 10 }),
    roadmaps: fc.dictionary(itemId, savedRoadmap, { maxKeys: 3 }),
    roadmapTimes: fc.dictionary(itemId, timestamp, { maxKeys: 5 }),
  })
  .map((sections) => ({ version: 9 as const, ...sections }));

const FEW_ROADMAPS: CustomRoadmap[] = [
  {
    id: 'my-a',
    title: 'Auth first',
    summary: '',
    stages: [{ title: 'Basics', items: [{ kind: 'topic', id: 'jwt', optional: false }] }],
  },
  {
    id: 'my-a',
    title: 'Auth, renamed',
    summary: 'For the team',
    stages: [
      {
        title: 'Basics',
        items: [
          { kind: 'topic', id: 'jwt', optional: true },
          { kind: 'link', title: 'Our wiki', url: 'https://wiki.example.com/', note: '' },
        ],
      },
    ],
  },
];

/** Progress whose ids come from a pool of a few, so that two values share items (and conflict) often. */
const fewIds = fc.constantFrom('http', 'jwt', 'sql', 'dns', 'redis', 'tls');
const fewTimes = fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-06-01T12:00:00.000Z', '2026-11-22T08:30:00.000Z');
export const overlappingProgress: fc.Arbitrary<Progress> = fc
  .record({
    topics: fc.dictionary(fewIds, fc.constantFrom(...TOPIC_STATES)),
    topicTimes: fc.dictionary(fewIds, fewTimes),
    reviews: fc.dictionary(fewIds, review),
    projects: fc.dictionary(fewIds, portfolioEntry),
    notes: fc.dictionary(fewIds, fc.record({ text: fc.constantFrom('a', 'b', 'see RFC 7519'), updated: fewTimes })),
    topicReviews: fc.dictionary(
      fewIds,
      fc.record({
        stability: fc.constantFrom(2.3065, 10.5),
        difficulty: fc.constant(5),
        reps: fc.constantFrom(1, 2),
        lapses: fc.constant(0),
        due: fc.constantFrom('2026-11-23', '2026-11-28'),
        reviewed: fc.constantFrom('2026-11-22', '2026-11-20'),
      }),
    ),
    labs: fc.dictionary(
      fewIds,
      fc.record(
        {
          passed: fewTimes,
          runs: fc.constantFrom(1, 3),
          draft: fc.constantFrom('select 1', 'select 2'),
          updated: fewTimes,
        },
        { requiredKeys: ['runs', 'updated'] },
      ),
    ),
    roadmaps: fc.dictionary(
      fewIds,
      fc.record({
        roadmap: fc.constantFrom(...FEW_ROADMAPS),
        origin: fc.constantFrom('made' as const, 'opened' as const),
        updated: fewTimes,
      }),
    ),
    roadmapTimes: fc.dictionary(fc.constantFrom('backend', 'go', 'databases'), fewTimes),
  })
  .map((sections) => ({ version: 9 as const, ...sections }));
