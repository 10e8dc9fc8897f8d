import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { READINESS_ROADMAP, readyAfter, type ReadinessStage } from '../../../src/lib/progress/project-readiness.ts';

const stages: ReadinessStage[] = [
  { id: 'stage-http', title: 'HTTP', topics: ['http', 'dns'] },
  { id: 'stage-sql', title: 'Relational databases', topics: ['postgresql', 'sql'] },
  { id: 'stage-auth', title: 'Authentication', topics: ['jwt'] },
];

describe('project readiness', () => {
  it('is the latest stage holding one of the project’s topics, whatever order the project lists them in', () => {
    expect(readyAfter(['postgresql', 'http'], stages)).toEqual({
      number: 2,
      of: 3,
      id: 'stage-sql',
      title: 'Relational databases',
      beyond: [],
    });
    expect(readyAfter(['jwt', 'dns', 'saga-pattern'], stages)).toEqual({
      number: 3,
      of: 3,
      id: 'stage-auth',
      title: 'Authentication',
      beyond: ['saga-pattern'],
    });
  });

  it('is undefined when the roadmap teaches none of the topics', () => {
    expect(readyAfter(['saga-pattern'], stages)).toBeUndefined();
    expect(readyAfter([], stages)).toBeUndefined();
  });

  it('places every project in the content on a stage of the main roadmap', () => {
    const entries = readContentDir();
    const roadmap = entries.find((e) => e.collection === 'roadmaps' && e.id === READINESS_ROADMAP)!;
    type RawStage = { id: string; title: string; topics: (string | { topic: string })[] };
    const main = (roadmap.data as { stages: RawStage[] }).stages.map((s) => ({
      ...s,
      topics: s.topics.map((t) => (typeof t === 'string' ? t : t.topic)),
    }));
    const projects = entries.filter((e) => e.collection === 'projects');
    expect(projects.length).toBeGreaterThan(10);
    for (const p of projects) expect(readyAfter((p.data as { topics: string[] }).topics, main), p.id).toBeDefined();
    const todo = projects.find((p) => p.id === 'to-do-list-api')!;
    expect(readyAfter((todo.data as { topics: string[] }).topics, main)?.id).toBe('stage-authentication');
  });
});
