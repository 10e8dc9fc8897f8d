/**
 * A roadmap's map as its page draws it (src/lib/roadmap-map/roadmap-map.ts): stages numbered with their topics resolved, the
 * layout, and the wide-screen stylesheet that puts every box the page renders at its laid-out place.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Roadmap, Topic } from '../../../src/lib/content/content.ts';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { MAP } from '../../../src/lib/roadmap-map/roadmap-graph.ts';
import { groupAnchor } from '../../../src/lib/roadmap/roadmap-structure.ts';
import { roadmapMap, type RoadmapMapModel } from '../../../src/lib/roadmap-map/roadmap-map.ts';

// roadmap-map reads content.ts, which imports astro:content; the map itself is given its entries and reads none.
vi.mock('astro:content', () => import('../astro-content-mock.ts'));

type RawTopic = string | { topic: string; optional?: boolean; alternative?: string };
type RawStage = { id: string; title: string; weeks?: { from: number; to: number }; goal?: string; topics: RawTopic[] };

const ref = (collection: string, id: string) => ({ id, collection });
/** A roadmap entry as Astro gives it: topic references as { id, collection }. */
const roadmapEntry = (id: string, stages: RawStage[]) =>
  ({
    id,
    collection: 'roadmaps',
    data: {
      title: id,
      stages: stages.map((s) => ({
        ...s,
        topics: s.topics.map((t) =>
          typeof t === 'string'
            ? ref('topics', t)
            : { topic: ref('topics', t.topic), optional: !!t.optional, alternative: t.alternative },
        ),
      })),
    },
  }) as unknown as Roadmap;
const topicEntries = (titles: Record<string, string>) =>
  Object.entries(titles).map(([id, title]) => ({ id, collection: 'topics', data: { title } })) as unknown as Topic[];

const topics = topicEntries({
  http: 'HTTP',
  dns: 'DNS',
  tls: 'TLS',
  sql: 'SQL',
  node: 'Node.js',
  go: 'Go',
  rust: 'Rust',
  redis: 'Redis',
  unused: 'Not on this roadmap',
});
const backend = roadmapEntry('backend', [
  {
    id: 'stage-web',
    title: 'The web',
    weeks: { from: 1, to: 2 },
    goal: 'Know what a request is.',
    topics: ['http', 'dns', { topic: 'tls', optional: true }],
  },
  {
    id: 'stage-lang',
    title: 'A language',
    topics: [
      'sql',
      { topic: 'node', alternative: 'lang' },
      { topic: 'go', alternative: 'lang' },
      'redis',
      { topic: 'rust', alternative: 'lang' },
    ],
  },
]);
const beginner = roadmapEntry('beginner-path', [{ id: 'start', title: 'Start', topics: ['http'] }]);

type Rule = { left: number; top: number; width: number; height: number };
const num = String.raw`(-?\d+(?:\.\d+)?)`;
const placed = new RegExp(
  String.raw`\.rg \[id="([^"]+)"\]\{left:${num}px;top:${num}px;width:${num}px;height:${num}px\}`,
  'g',
);
/** The positioned boxes of the stylesheet, by element id; an id placed twice fails here. */
function rules(css: string): Map<string, Rule> {
  const found = new Map<string, Rule>();
  for (const [, id, left, top, width, height] of css.matchAll(placed)) {
    expect(found.has(id!), `${id} placed twice`).toBe(false);
    found.set(id!, { left: Number(left), top: Number(top), width: Number(width), height: Number(height) });
  }
  return found;
}

/** Every id the page gives a box: prerequisites, stages, pick-one groups and topics (RoadmapMap.astro). */
function renderedIds(map: RoadmapMapModel): string[] {
  return [
    ...map.prerequisites.map((p) => `before-${p.id}`),
    ...map.stages.flatMap((s) => [
      s.id,
      ...s.items.flatMap((item) =>
        item.kind === 'group' ? [groupAnchor(s.id, item.name), ...item.topics.map((t) => t.id)] : [item.topic.id],
      ),
    ]),
  ];
}

/** Each box sits inside the box it is positioned in: a topic in its group or stage, a group in its stage. */
function expectNested(map: RoadmapMapModel) {
  const boxes = rules(map.css);
  expect([...boxes.keys()].sort()).toEqual(renderedIds(map).sort());
  const inside = (id: string, parent: { width: number; height: number }) => {
    const box = boxes.get(id)!;
    expect(box.left, id).toBeGreaterThanOrEqual(0);
    expect(box.top, id).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width, id).toBeLessThanOrEqual(parent.width);
    expect(box.top + box.height, id).toBeLessThanOrEqual(parent.height);
  };
  for (const stage of map.stages) {
    inside(stage.id, map.layout);
    for (const item of stage.items) {
      if (item.kind === 'topic') inside(item.topic.id, boxes.get(stage.id)!);
      else {
        const group = groupAnchor(stage.id, item.name);
        inside(group, boxes.get(stage.id)!);
        for (const t of item.topics) inside(t.id, boxes.get(group)!);
      }
    }
  }
}

describe('roadmap map model', () => {
  it('numbers the stages from 1 and resolves every topic to its entry and title, keeping weeks and goal', async () => {
    const map = await roadmapMap(backend, topics, [beginner]);
    expect(map.stages.map((s) => [s.number, s.id, s.title])).toEqual([
      [1, 'stage-web', 'The web'],
      [2, 'stage-lang', 'A language'],
    ]);
    expect(map.stages[0]).toMatchObject({ weeks: { from: 1, to: 2 }, goal: 'Know what a request is.' });
    const [http, , tls] = map.stages[0]!.refs;
    expect(http).toMatchObject({ id: 'http', title: 'HTTP', optional: false });
    // The very entry, so MapNode links and labels the topic from it.
    expect(http!.topic).toBe(topics.find((t) => t.id === 'http'));
    expect(tls).toMatchObject({ id: 'tls', title: 'TLS', optional: true });
  });

  it('gathers pick-one alternatives into one group at the place of the first, in authoring order', async () => {
    const map = await roadmapMap(backend, topics, []);
    const items = map.stages[1]!.items.map((i) =>
      i.kind === 'topic' ? i.topic.id : `${i.name}:${i.topics.map((t) => t.id).join(',')}`,
    );
    expect(items).toEqual(['sql', 'lang:node,go,rust', 'redis']);
  });

  it('fails the build naming a topic the roadmap lists but the site does not have', async () => {
    const broken = roadmapEntry('broken', [{ id: 's', title: 'S', topics: ['http', 'kafka'] }]);
    await expect(roadmapMap(broken, topics, [])).rejects.toThrow(/"kafka"/);
  });

  it('lays out the stages in order with the prerequisites above them, and hands the prerequisites back for their links', async () => {
    const map = await roadmapMap(backend, topics, [beginner]);
    expect(map.prerequisites).toEqual([beginner]);
    expect(map.layout.stages.map((s) => s.id)).toEqual(['stage-web', 'stage-lang']);
    expect(map.layout.prerequisites.map((p) => p.id)).toEqual(['beginner-path']);
    expect(map.layout.stages[1]!.topics.map((t) => t.id)).toEqual(['sql', 'node', 'go', 'rust', 'redis']);
  });
});

describe('wide-screen stylesheet', () => {
  it('applies only from the wide-screen width, in one media query sized to the layout', async () => {
    const { css, layout } = await roadmapMap(backend, topics, [beginner]);
    expect(css.startsWith(`@media screen and (min-width:${MAP.wideScreen}px){`)).toBe(true);
    expect(css.endsWith('}')).toBe(true);
    // Inside the media query the braces balance and never close it early: no rule leaks out to narrow screens.
    const body = css.slice(css.indexOf('{') + 1, -1);
    let depth = 0;
    for (const [i, c] of [...body].entries()) {
      depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      expect(depth, `at ${i}`).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(css).toContain(
      `.rg{position:relative;margin-inline:auto;height:${layout.height}px;width:${layout.width}px}`,
    );
    // Style attributes are forbidden by the CSP; the stylesheet is all there is, and only in CSS.
    expect(css).not.toMatch(/<|style=/);
  });

  it('places every box the page renders exactly once: prerequisites, stages, pick-one groups and topics', async () => {
    const map = await roadmapMap(backend, topics, [beginner]);
    expect([...rules(map.css).keys()]).toEqual([
      'before-beginner-path',
      'stage-web',
      'http',
      'dns',
      'tls',
      'stage-lang',
      groupAnchor('stage-lang', 'lang'),
      'sql',
      'node',
      'go',
      'rust',
      'redis',
    ]);
  });

  it('places stages and prerequisites at map coordinates, a group within its stage and its alternatives within the group', async () => {
    const { css, layout } = await roadmapMap(backend, topics, [beginner]);
    const boxes = rules(css);
    const at = (b: { x: number; y: number; width: number; height: number }, origin = { x: 0, y: 0 }) => ({
      left: b.x - origin.x,
      top: b.y - origin.y,
      width: b.width,
      height: b.height,
    });
    expect(boxes.get('before-beginner-path')).toEqual(at(layout.prerequisites[0]!));
    const [web, lang] = layout.stages as [(typeof layout.stages)[number], (typeof layout.stages)[number]];
    expect(boxes.get('stage-web')).toEqual(at(web));
    expect(boxes.get('stage-lang')).toEqual(at(lang));
    // The second stage sits below the first, so a stage-relative top differs from a map one: the origins matter.
    expect(lang.y).toBeGreaterThan(0);
    const group = lang.groups[0]!;
    expect(boxes.get(group.id)).toEqual(at(group, lang));
    for (const t of lang.topics)
      expect(boxes.get(t.id), t.id).toEqual(at(t, ['node', 'go', 'rust'].includes(t.id) ? group : lang));
    for (const t of web.topics) expect(boxes.get(t.id), t.id).toEqual(at(t, web));
    expectNested(await roadmapMap(backend, topics, [beginner]));
  });

  it('writes the same stylesheet for the same roadmap, so its CSP hash holds', async () => {
    const [a, b] = await Promise.all([
      roadmapMap(backend, topics, [beginner]),
      roadmapMap(backend, topics, [beginner]),
    ]);
    expect(a.css).toBe(b.css);
  });

  it('places a one-stage, one-topic roadmap with no prerequisites: just the stage and its topic', async () => {
    const map = await roadmapMap(beginner, topics, []);
    expect(map.stages.map((s) => s.number)).toEqual([1]);
    expect([...rules(map.css).keys()]).toEqual(['start', 'http']);
    expect(map.css).not.toContain('before-');
    expect(map.layout.edges).toEqual([]);
    expectNested(map);
  });

  it('places every box of every real roadmap once, each inside its stage or group', async () => {
    const entries = readContentDir('content');
    const realTopics = entries
      .filter((e) => e.collection === 'topics')
      .map((e) => ({ id: e.id, collection: 'topics', data: e.data })) as unknown as Topic[];
    const raw = entries.filter((e) => e.collection === 'roadmaps');
    const roadmaps = new Map(raw.map((e) => [e.id, roadmapEntry(e.id, (e.data as { stages: RawStage[] }).stages)]));
    expect(roadmaps.size).toBeGreaterThan(10);
    let groups = 0;
    for (const e of raw) {
      const prerequisites = ((e.data as { prerequisites?: string[] }).prerequisites ?? []).map((id) =>
        roadmaps.get(id)!,
      );
      const map = await roadmapMap(roadmaps.get(e.id)!, realTopics, prerequisites);
      expectNested(map);
      groups += map.stages.flatMap((s) => s.items).filter((i) => i.kind === 'group').length;
    }
    // The content has pick-one groups, so the group-relative placement is exercised on it.
    expect(groups).toBeGreaterThan(0);
  }, 60_000);
});
