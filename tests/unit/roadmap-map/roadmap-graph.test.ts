import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import {
  type GraphInput,
  layoutRoadmapGraph,
  MAP,
  type MapTopic,
  nodeHeight,
  titleLines,
  toElkGraph,
} from '../../../src/lib/roadmap-map/roadmap-graph.ts';
import { remainingTopics, roadmapProgress } from '../../../src/lib/roadmap/roadmap-progress.ts';
import { formatCounts, readingOrder, roadmapCounts, stageItems } from '../../../src/lib/roadmap/roadmap-structure.ts';

const t = (id: string, extra: Partial<MapTopic> = {}): MapTopic => ({
  id,
  title: id.toUpperCase(),
  optional: false,
  ...extra,
});
const input: GraphInput = {
  prerequisites: ['beginner-path'],
  stages: [
    {
      id: 'stage-web',
      title: 'The web',
      topics: [t('http'), t('dns'), t('tls'), t('cors', { optional: true }), t('cookies')],
    },
    {
      id: 'stage-lang',
      title: 'A language',
      topics: [
        t('sql'),
        t('node', { alternative: 'lang' }),
        t('go', { alternative: 'lang' }),
        t('redis'),
        t('rust', { alternative: 'lang' }),
      ],
    },
  ],
};

/** The real roadmaps, as the page lays them out. */
function realRoadmaps(): { id: string; input: GraphInput }[] {
  const entries = readContentDir('content');
  const titles = new Map(
    entries.filter((e) => e.collection === 'topics').map((e) => [e.id, (e.data as { title: string }).title]),
  );
  return entries
    .filter((e) => e.collection === 'roadmaps')
    .map((e) => {
      const data = e.data as {
        prerequisites?: string[];
        stages: {
          id: string;
          title: string;
          topics: (string | { topic: string; optional?: boolean; alternative?: string })[];
        }[];
      };
      return {
        id: e.id,
        input: {
          prerequisites: data.prerequisites ?? [],
          stages: data.stages.map((s) => ({
            id: s.id,
            title: s.title,
            topics: s.topics.map((x) =>
              typeof x === 'string'
                ? { id: x, optional: false, title: titles.get(x)! }
                : { id: x.topic, optional: !!x.optional, alternative: x.alternative, title: titles.get(x.topic)! },
            ),
          })),
        },
      };
    });
}

/** One order edge from each stage's bottom to the next stage's top, and one prerequisite edge when the roadmap has any. */
function expectEdges(layout: Awaited<ReturnType<typeof layoutRoadmapGraph>>, input: GraphInput) {
  const order = layout.edges.filter((e) => e.kind === 'order');
  expect(order.map((e) => e.id)).toEqual(input.stages.slice(1).map((s, i) => `order:${input.stages[i]!.id}>${s.id}`));
  order.forEach((edge, i) => {
    const [from, to] = [layout.stages[i]!, layout.stages[i + 1]!];
    expect(edge.path, edge.id).toMatch(new RegExp(`^M\\d+ ${from.y + from.height} L\\d+ ${to.y}$`));
  });
  const prerequisite = layout.edges.filter((e) => e.kind === 'prerequisite');
  expect(prerequisite).toHaveLength(input.prerequisites.length ? 1 : 0);
  if (prerequisite[0]) expect(prerequisite[0].path).toMatch(new RegExp(` L\\d+ ${layout.stages[0]!.y}$`));
}

/** Reading order on the page (y, then x) must equal the list order, and no two boxes may overlap. */
function expectReadable(layout: Awaited<ReturnType<typeof layoutRoadmapGraph>>, stages: GraphInput['stages']) {
  layout.stages.forEach((stage, i) => {
    expect(stage.id).toBe(stages[i]!.id);
    if (i > 0)
      expect(stage.y, `${stage.id} below the stage before`).toBeGreaterThanOrEqual(
        layout.stages[i - 1]!.y + layout.stages[i - 1]!.height,
      );
    expect(stage.x).toBe(0);
    expect(stage.width).toBe(MAP.width);
    for (const box of stage.topics) {
      expect(box.x, box.id).toBeGreaterThanOrEqual(stage.x + MAP.rail.head);
      expect(box.x + box.width, box.id).toBeLessThanOrEqual(stage.x + stage.width);
      expect(box.y + box.height, box.id).toBeLessThanOrEqual(stage.y + stage.height);
    }
    const rows = [...stage.topics].sort((a, b) => a.y - b.y || a.x - b.x).map((b) => b.id);
    // Within a group the rows read left to right too; the groups are rows of their own.
    expect(rows, `${stage.id} visual order`).toEqual(readingOrder(stages[i]!.topics));
    for (const [j, a] of stage.topics.entries()) {
      for (const b of stage.topics.slice(j + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });
}

describe('roadmap structure', () => {
  it('gathers the alternatives of a pick-one group at the place of the first', () => {
    const items = stageItems(input.stages[1]!.topics);
    expect(
      items.map((i) => (i.kind === 'topic' ? i.topic.id : `group:${i.name}:${i.topics.map((x) => x.id).join(',')}`)),
    ).toEqual(['sql', 'group:lang:node,go,rust', 'redis']);
    expect(readingOrder(input.stages[1]!.topics)).toEqual(['sql', 'node', 'go', 'rust', 'redis']);
  });

  it('counts required topics and one per group, and says so in one wording', () => {
    const counts = roadmapCounts(input.stages);
    expect(counts).toEqual({ topics: 10, required: 7, extra: 3 });
    expect(formatCounts(counts)).toBe('7 required · 3 optional or alternatives');
    expect(formatCounts({ topics: 2, required: 2, extra: 0 })).toBe('2 required');
  });
});

describe('roadmap map layout', () => {
  it('builds the ELK input: a compound node per stage, a compound group for pick-one, path and prerequisite edges', () => {
    const graph = toElkGraph(input);
    expect(graph.children!.map((c) => c.id)).toEqual(['roadmap:beginner-path', 'stage:stage-web', 'stage:stage-lang']);
    expect(graph.children![2]!.children!.map((c) => c.id)).toEqual([
      'topic:sql',
      'group:stage-lang--lang',
      'topic:redis',
    ]);
    expect(graph.children![2]!.children![1]!.children!.map((c) => c.id)).toEqual([
      'topic:node',
      'topic:go',
      'topic:rust',
    ]);
    expect(graph.edges!.map((e) => [e.sources[0], e.targets[0]])).toEqual([
      ['stage:stage-web', 'stage:stage-lang'],
      ['roadmap:beginner-path', 'stage:stage-web'],
    ]);
  });

  it('gives long titles a second line (estimated on the wide side) and short ones one', () => {
    expect(titleLines('DNS')).toBe(1);
    expect(titleLines('How the Internet Works')).toBe(1);
    expect(titleLines('Role-Based Access Control')).toBe(2);
    expect(titleLines('Data Structures and Algorithms for Backend Work')).toBe(3);
    expect(nodeHeight('DNS')).toBe(MAP.node.line + 2 * MAP.node.padY + 2);
  });

  it('lays out stages down one path, topics and groups inside their stage in reading order, without overlaps', async () => {
    const layout = await layoutRoadmapGraph(input);
    expectReadable(layout, input.stages);
    expect(layout.stages[1]!.groups).toHaveLength(1);
    const group = layout.stages[1]!.groups[0]!;
    for (const id of ['node', 'go', 'rust']) {
      const box = layout.stages[1]!.topics.find((b) => b.id === id)!;
      expect(box.y).toBeGreaterThanOrEqual(group.y + MAP.groupLabel);
      expect(box.x + box.width).toBeLessThanOrEqual(group.x + group.width);
    }
    expect(layout.prerequisites[0]!.y + layout.prerequisites[0]!.height).toBeLessThanOrEqual(layout.stages[0]!.y);
    expect(layout.edges.map((e) => e.kind)).toEqual(['order', 'prerequisite']);
    expectEdges(layout, input);
    expect(layout.edges[0]!.path).toBe(
      `M${MAP.rail.railX} ${layout.stages[0]!.y + layout.stages[0]!.height} L${MAP.rail.railX} ${layout.stages[1]!.y}`,
    );
  });

  it('every real roadmap reads in order; the largest fits its height budget; the rail is the shorter arrangement', async () => {
    const roadmaps = realRoadmaps();
    expect(roadmaps.length).toBeGreaterThan(10);
    const edges: number[] = [];
    for (const { input: real } of roadmaps) {
      const layout = await layoutRoadmapGraph(real);
      expectReadable(layout, real.stages);
      expectEdges(layout, real);
      edges.push(layout.edges.length);
    }
    // The content has edges to check: every roadmap has more than two stages, some have prerequisites.
    expect(Math.min(...edges), `edges per roadmap: ${edges.join(', ')}`).toBeGreaterThanOrEqual(2);
    expect(roadmaps.filter((r) => r.input.prerequisites.length).length).toBeGreaterThan(0);
    const main = roadmaps.find((r) => r.id === 'backend-developer')!.input;
    const rail = await layoutRoadmapGraph(main);
    const banner = await layoutRoadmapGraph({ ...main, arrangement: 'banner' });
    console.log(
      `roadmap map: backend-developer laid out ${rail.height}px tall (rail), ${banner.height}px (banner); budget 2700px at 1440px wide`,
    );
    expect(rail.height).toBeLessThanOrEqual(2700);
    expect(rail.height).toBeLessThan(banner.height);
  }, 60_000);
});

describe('roadmap progress', () => {
  const stages = [
    {
      id: 'a',
      topics: [
        { id: 'http', optional: false },
        { id: 'tls', optional: true },
      ],
    },
    {
      id: 'b',
      topics: [
        { id: 'node', optional: false, alternative: 'lang' },
        { id: 'go', optional: false, alternative: 'lang' },
        { id: 'sql', optional: false },
      ],
    },
  ];

  it('counts required topics and one per pick-one group; optional topics do not count', () => {
    const p = roadmapProgress(stages, { http: 'done', tls: 'done', go: 'skipped', sql: 'learning' });
    expect(p.stages).toEqual([
      { id: 'a', finished: 1, total: 1 },
      { id: 'b', finished: 1, total: 2 },
    ]);
    expect([p.finished, p.total, p.done, p.learning, p.skipped]).toEqual([2, 3, 2, 1, 1]);
  });

  it('plans the unfinished topics, choosing the alternative being learned', () => {
    expect(remainingTopics(stages, {})).toEqual(['http', 'node', 'sql']);
    expect(remainingTopics(stages, { go: 'learning', http: 'done' })).toEqual(['go', 'sql']);
  });
});

describe('roadmap outlines for the browser', () => {
  it('round-trip through the compact form, and bad input decodes to nothing without throwing', async () => {
    const { decodeOutlines, encodeOutlines } = await import('../../../src/lib/roadmap/roadmap-structure.ts');
    const bundle = {
      roadmaps: {
        web: {
          title: 'Web </script>',
          stages: [
            {
              id: 's1',
              topics: input.stages[1]!.topics.map(({ id, optional, alternative }) => ({ id, optional, alternative })),
            },
          ],
        },
      },
      titles: { sql: 'SQL' },
    };
    const text = encodeOutlines(bundle);
    expect(text).not.toContain('</script>');
    expect(decodeOutlines(text)).toEqual(bundle);
    for (const bad of [null, '', '{', '[]', '7', '{"r":{"x":[1,2]}}', '{"r":"x","t":null}'])
      expect(decodeOutlines(bad), String(bad)).toEqual({ roadmaps: {}, titles: {} });
    // Unreadable topic codes and titles are left out; the readable rest of the roadmap is kept.
    expect(decodeOutlines('{"r":{"x":["T",[["s","BAD CODE",5],[3]]]},"t":{"a":7,"b":"B"}}')).toEqual({
      roadmaps: { x: { title: 'T', stages: [{ id: 's', topics: [] }] } },
      titles: { b: 'B' },
    });
    expect(decodeOutlines('{"r":{"x":["T",[["s","BAD CODE","ok|grp"]]]}}').roadmaps.x!.stages[0]!.topics).toEqual([
      { id: 'ok', optional: false, alternative: 'grp' },
    ]);
  });
});
