/** The change log's entries (src/lib/changes/change-log.ts): every collection, dated, titled by title or by question. */
import { describe, expect, it, vi } from 'vitest';
import { getChanges, getDatedEntries } from '../../../src/lib/changes/change-log.ts';

// The content fixture, every entry created on 2026-01-10; the ones named here were revised later.
vi.mock('astro:content', async () => {
  const { getCollection } = await import('../astro-content-mock.ts');
  const revised: Record<string, { updated: string; change?: string }> = {
    http: { updated: '2026-11-20', change: 'Adds HTTP/3.' },
    'q-get': { updated: '2026-11-21' },
  };
  return {
    getCollection: async (name: string) =>
      (await getCollection(name)).map((e) => ({
        ...e,
        data: { created: '2026-01-10', updated: '2026-01-10', ...revised[e.id], ...e.data },
      })),
  };
});

describe('change log', () => {
  it('lists every entry of every collection with its dates, a question by its text', async () => {
    const entries = await getDatedEntries();
    expect(entries.map((e) => `${e.collection}/${e.id}`)).toEqual([
      'roadmaps/beginner',
      'roadmaps/api',
      'roadmaps/backend',
      'topics/go',
      'topics/grpc',
      'topics/http',
      'topics/node',
      'topics/sql',
      'roles/backend-dev',
      'roles/sre',
      'questions/q-status',
      'questions/q-index',
      'questions/q-get',
      'questions/q-tls',
      'projects/chat',
      'projects/todo',
    ]);
    expect(entries.find((e) => e.id === 'http')).toEqual({
      collection: 'topics',
      id: 'http',
      title: 'HTTP',
      created: '2026-01-10',
      updated: '2026-11-20',
      change: 'Adds HTTP/3.',
    });
    expect(entries.find((e) => e.id === 'q-get')).toMatchObject({
      title: 'Is GET safe?',
      updated: '2026-11-21',
      change: undefined,
    });
  });

  it('puts the newest changes first, each with its line and URL', async () => {
    const [first, second, third] = await getChanges();
    expect(first).toMatchObject({ id: 'q-get', kind: 'updated', line: 'Revised.', url: '/questions/q-get/' });
    expect(second).toMatchObject({ id: 'http', kind: 'updated', line: 'Adds HTTP/3.', url: '/topics/http/' });
    expect(third).toMatchObject({ kind: 'new', updated: '2026-01-10' });
  });
});
