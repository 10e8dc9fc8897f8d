/** Content queries (src/lib/content/content.ts) over a mocked `astro:content`: sorting, reading once, and the links between collections. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collections, getCollection } from '../astro-content-mock.ts';
import * as content from '../../../src/lib/content/content.ts';
import { decodeOutlines } from '../../../src/lib/roadmap/roadmap-structure.ts';

vi.mock('astro:content', () => import('../astro-content-mock.ts'));

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);

afterEach(() => vi.unstubAllEnvs());

describe('content queries', () => {
  it('sorts roadmaps and roles by order then title, topics and projects by title, questions by their text', async () => {
    vi.stubEnv('DEV', false);
    expect(ids(await content.getRoadmaps())).toEqual(['beginner', 'api', 'backend']);
    expect(ids(await content.getRoles())).toEqual(['backend-dev', 'sre']);
    expect(ids(await content.getTopics())).toEqual(['go', 'grpc', 'http', 'node', 'sql']);
    expect(ids(await content.getProjects())).toEqual(['chat', 'todo']);
    expect(ids(await content.getQuestions())).toEqual(['q-status', 'q-index', 'q-get', 'q-tls']);
  });

  it('reads each collection once per build and freezes the shared array; astro dev reads afresh', async () => {
    vi.stubEnv('DEV', false);
    const first = await content.getTopics();
    getCollection.mockClear();
    expect(await content.getTopics()).toBe(first);
    expect(getCollection).not.toHaveBeenCalled();
    expect(Object.isFrozen(first)).toBe(true);
    vi.stubEnv('DEV', true);
    expect(await content.getTopics()).not.toBe(first);
    expect(getCollection).toHaveBeenCalledWith('topics');
  });

  it('links topics to their roadmaps, questions and projects, and roles to roadmaps and questions', async () => {
    vi.stubEnv('DEV', false);
    const found = (await content.roadmapsWithTopic('grpc')).map(({ roadmap, stage }) => `${roadmap.id}/${stage.id}`);
    expect(found).toEqual(['api/one', 'backend/web']);
    expect(await content.roadmapsWithTopic('kafka')).toEqual([]);
    const [http, sql, backendDev] = [
      { collection: 'topics', id: 'http' },
      { collection: 'topics', id: 'sql' },
      { collection: 'roles', id: 'backend-dev' },
    ] as const;
    expect(ids(await content.listing('questions', http))).toEqual(['q-status', 'q-get', 'q-tls']);
    expect(ids(await content.listing('questions', backendDev))).toEqual(['q-status', 'q-get']);
    expect(ids(await content.listing('projects', sql))).toEqual(['todo']);
    expect(ids(await content.listing('roles', { collection: 'roadmaps', id: 'api' }))).toEqual(['backend-dev']);
    expect(ids(await content.listing('roles', { collection: 'roadmaps', id: 'beginner' }))).toEqual([]);
  });

  it('resolves references to entries in their order, an entry standing for itself, and fails loudly on a missing one', async () => {
    vi.stubEnv('DEV', false);
    const [sql, http] = [{ collection: 'topics', id: 'sql' } as const, (await content.getTopics())[2]!];
    const found = await content.resolveAll([sql, http, { collection: 'roles', id: 'sre' }]);
    expect(found.map((e) => `${e.collection}/${e.data.title}`)).toEqual([
      'topics/SQL',
      'topics/HTTP',
      'roles/Site reliability engineer',
    ]);
    expect(found[1]).toBe(http);
    expect(await content.resolveAll([])).toEqual([]);
    await expect(content.resolveAll([{ collection: 'topics', id: 'kafka' }])).rejects.toThrow(
      'Unresolved reference "kafka"',
    );
  });
});

describe('roadmap stages', () => {
  const backend = collections.roadmaps![0] as unknown as content.Roadmap;

  it('resolves the authoring shorthand: a bare reference is a required topic outside any group', () => {
    const [plain, picked] = [backend.data.stages[0]!.topics[0]!, backend.data.stages[1]!.topics[0]!];
    expect(content.toStageTopic(plain)).toEqual({ id: 'http', optional: false, alternative: undefined });
    expect(content.toStageTopic(picked)).toEqual({ id: 'node', optional: false, alternative: 'lang' });
    expect(content.roadmapTopicIds(backend)).toEqual(['http', 'grpc', 'node', 'go', 'sql']);
  });

  it('resolves each roadmap into stages of topics, and hands the browser outlines with every topic title', () => {
    expect(content.roadmapStages(backend).map((s) => ({ id: s.id, topics: s.topics }))).toEqual([
      {
        id: 'web',
        topics: [
          { id: 'http', optional: false },
          { id: 'grpc', optional: true },
        ],
      },
      {
        id: 'lang',
        topics: [
          { id: 'node', optional: false, alternative: 'lang' },
          { id: 'go', optional: false, alternative: 'lang' },
          { id: 'sql', optional: false },
        ],
      },
    ]);
    const outlines = decodeOutlines(
      content.roadmapOutlines([backend], collections.topics as unknown as content.Topic[]),
    );
    expect(outlines.roadmaps.backend!.title).toBe('Backend');
    expect(outlines.roadmaps.backend!.stages.map((s) => s.topics.map((t) => t.id))).toEqual([
      ['http', 'grpc'],
      ['node', 'go', 'sql'],
    ]);
    expect(outlines.titles).toEqual({ http: 'HTTP', grpc: 'gRPC', node: 'Node.js', go: 'Go', sql: 'SQL' });
    expect(() => content.roadmapOutlines([backend], [])).toThrow('Unresolved reference "http"');
  });
});

describe('lookups by id', () => {
  it('indexes a frozen collection once and an unfrozen one each time; a missing reference is a loud error', () => {
    const frozen = Object.freeze([{ id: 'a' }, { id: 'b' }]);
    const index = content.indexById(frozen);
    expect(content.indexById(frozen)).toBe(index);
    expect(content.resolve(index, 'b')).toBe(frozen[1]);
    const loose = [{ id: 'a' }];
    expect(content.indexById(loose)).not.toBe(content.indexById(loose));
    expect(() => content.resolve(index, 'c')).toThrow(
      'Unresolved reference "c" (content-integrity should have caught this)',
    );
  });
});
