/**
 * A small stand-in for `astro:content`, for tests of the modules that read collections (src/lib/content/content.ts and
 * what builds on it): `vi.mock('astro:content', () => import('./astro-content-mock.ts'))`. Entries carry only the
 * fields those modules read, references as Astro gives them ({ id, collection }), in an order no query sorts by.
 */
import { vi } from 'vitest';

const ref = (collection: string) => (id: string) => ({ id, collection });
const [topic, role, roadmap] = [ref('topics'), ref('roles'), ref('roadmaps')];

export const collections: Record<string, { id: string; collection: string; data: Record<string, unknown> }[]> = {
  topics: [
    { id: 'sql', collection: 'topics', data: { title: 'SQL' } },
    { id: 'grpc', collection: 'topics', data: { title: 'gRPC' } },
    { id: 'http', collection: 'topics', data: { title: 'HTTP' } },
    { id: 'go', collection: 'topics', data: { title: 'Go' } },
    { id: 'node', collection: 'topics', data: { title: 'Node.js' } },
  ],
  roadmaps: [
    {
      id: 'backend',
      collection: 'roadmaps',
      data: {
        title: 'Backend',
        order: 2,
        stages: [
          { id: 'web', topics: [topic('http'), { topic: topic('grpc'), optional: true, alternative: undefined }] },
          {
            id: 'lang',
            topics: [
              { topic: topic('node'), optional: false, alternative: 'lang' },
              { topic: topic('go'), optional: false, alternative: 'lang' },
              topic('sql'),
            ],
          },
        ],
      },
    },
    {
      id: 'api',
      collection: 'roadmaps',
      data: { title: 'API', order: 2, stages: [{ id: 'one', topics: [topic('grpc')] }] },
    },
    {
      id: 'beginner',
      collection: 'roadmaps',
      data: { title: 'Zero to web', order: 1, stages: [{ id: 'start', topics: [topic('http')] }] },
    },
  ],
  roles: [
    {
      id: 'sre',
      collection: 'roles',
      data: { title: 'Site reliability engineer', order: 2, roadmaps: [roadmap('backend')] },
    },
    {
      id: 'backend-dev',
      collection: 'roles',
      data: { title: 'Backend developer', order: 1, roadmaps: [roadmap('backend'), roadmap('api')] },
    },
  ],
  questions: [
    {
      id: 'q-tls',
      collection: 'questions',
      data: {
        question: 'What does TLS protect?',
        shortAnswer: { thesis: 'The channel.', points: [] },
        difficulty: 'mid',
        type: 'concept',
        topics: [topic('http')],
        roles: [role('sre')],
      },
    },
    {
      id: 'q-index',
      collection: 'questions',
      data: {
        question: 'How does an index speed up a query?',
        shortAnswer: { thesis: 'A B-tree.', points: [] },
        difficulty: 'senior',
        type: 'system-design',
        topics: [topic('sql')],
        roles: [],
      },
    },
    {
      id: 'q-get',
      collection: 'questions',
      data: {
        question: 'Is GET safe?',
        shortAnswer: { thesis: 'Yes.', points: [] },
        difficulty: 'junior',
        type: 'concept',
        topics: [topic('http')],
        roles: [role('backend-dev'), role('sre')],
      },
    },
    {
      id: 'q-status',
      collection: 'questions',
      data: {
        question: 'Explain 404 and 410.',
        shortAnswer: { thesis: 'Gone is final.', points: [] },
        difficulty: 'mid',
        type: 'concept',
        topics: [topic('http')],
        roles: [role('backend-dev')],
      },
    },
  ],
  projects: [
    { id: 'todo', collection: 'projects', data: { title: 'To-do API', topics: [topic('http'), topic('sql')] } },
    { id: 'chat', collection: 'projects', data: { title: 'Chat', topics: [topic('grpc')] } },
  ],
  comparisons: [],
};

/** Copies, so that a query sorting its array cannot reorder the fixture. */
export const getCollection = vi.fn((name: string) => Promise.resolve([...(collections[name] ?? [])]));

/** An entry's rendered body, as the entry's id, so a test sees which entry was rendered. */
export const render = vi.fn((entry: { id: string }) =>
  Promise.resolve({ Content: `body of ${entry.id}`, headings: [] }),
);
