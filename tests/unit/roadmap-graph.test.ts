import { describe, expect, it } from 'vitest';
import { layoutRoadmapGraph, toElkGraph, TOPIC_SIZE } from '../../src/lib/roadmap-graph';
import { remainingTopics, roadmapProgress } from '../../src/lib/roadmap-progress';

const input = {
  prerequisites: ['beginner-path'],
  stages: [
    { id: 'stage-web', topicIds: ['http', 'dns', 'tls', 'cors', 'cookies'] },
    { id: 'stage-data', topicIds: ['sql', 'redis'] },
  ],
};

describe('roadmap graph layout', () => {
  it('builds the ELK input: a compound node per stage, order and prerequisite edges', () => {
    const graph = toElkGraph(input);
    expect(graph.children!.map((c) => c.id)).toEqual(['roadmap:beginner-path', 'stage:stage-web', 'stage:stage-data']);
    expect(graph.children![1]!.children!.map((c) => c.id)).toEqual(['topic:http', 'topic:dns', 'topic:tls', 'topic:cors', 'topic:cookies']);
    expect(graph.edges!.map((e) => [e.sources[0], e.targets[0]])).toEqual([
      ['stage:stage-web', 'stage:stage-data'],
      ['roadmap:beginner-path', 'stage:stage-web'],
    ]);
  });

  it('lays out stages top to bottom, topics inside their stage in reading order, without overlaps', async () => {
    const layout = await layoutRoadmapGraph(input);
    const [web, data] = layout.stages;
    expect(layout.prerequisites[0]!.y + layout.prerequisites[0]!.height).toBeLessThanOrEqual(web!.y);
    expect(web!.y + web!.height).toBeLessThanOrEqual(data!.y);
    for (const stage of layout.stages) {
      for (const t of stage.topics) {
        expect(t.x).toBeGreaterThanOrEqual(stage.x);
        expect(t.y).toBeGreaterThanOrEqual(stage.y);
        expect(t.x + t.width).toBeLessThanOrEqual(stage.x + stage.width);
        expect(t.y + t.height).toBeLessThanOrEqual(stage.y + stage.height);
        expect(t.width).toBe(TOPIC_SIZE.width);
      }
      // Reading order: row by row, left to right.
      const order = [...stage.topics].sort((a, b) => a.y - b.y || a.x - b.x).map((t) => t.id);
      expect(order).toEqual(stage.topics.map((t) => t.id));
    }
    expect(layout.edges.every((e) => e.path.startsWith('M'))).toBe(true);
  });
});

describe('roadmap progress', () => {
  const stages = [
    { id: 'a', topics: [{ id: 'http', optional: false }, { id: 'tls', optional: true }] },
    { id: 'b', topics: [{ id: 'node', optional: false, alternative: 'lang' }, { id: 'go', optional: false, alternative: 'lang' }, { id: 'sql', optional: false }] },
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
