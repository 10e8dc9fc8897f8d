/** One shape for detail pages (src/lib/content/entry-pages.ts): their static paths, entry, head and links. */
import { describe, expect, it, vi } from 'vitest';
import { type AnyEntry, entryHead, entryItem, entryPage, entryPaths } from '../../../src/lib/content/entry-pages.ts';

vi.mock('astro:content', () => import('../astro-content-mock.ts'));

const entry = (collection: string, id: string, data: Record<string, unknown>) =>
  ({ id, collection, data }) as unknown as AnyEntry;
const topic = entry('topics', 'sql', { title: 'SQL', summary: 'Tables and joins.' });
const project = entry('projects', 'todo', {
  title: 'To-do API',
  summary: 'A CRUD service.',
  level: 'beginner',
  created: '2026-01-02',
  updated: '2026-03-04',
});
const question = entry('questions', 'q-index', { question: 'What is an index?', difficulty: 'junior' });

describe('detail pages', () => {
  it('give each entry a path by its id, carrying the entry as the page props', async () => {
    expect(await entryPaths(() => Promise.resolve([topic, project]))).toEqual([
      { params: { id: 'sql' }, props: { entry: topic } },
      { params: { id: 'todo' }, props: { entry: project } },
    ]);
  });

  it("hand the page its entry, the entry's data and its rendered body", async () => {
    expect(await entryPage({ entry: project })).toEqual({
      entry: project,
      data: project.data,
      Content: 'body of todo',
      headings: [],
    });
  });

  it('link an entry by its title and summary, a question by its text, a badge only when asked for', () => {
    expect(entryItem(topic)).toEqual({ href: '/topics/sql/', title: 'SQL', description: 'Tables and joins.' });
    expect(entryItem(question, { badge: true })).toEqual({
      href: '/questions/q-index/',
      title: 'What is an index?',
      badge: 'junior',
    });
    expect(entryItem(project)).not.toHaveProperty('badge');
    expect(entryItem(project, { badge: true }).badge).toBe('beginner');
    expect(entryItem(topic, { badge: true })).not.toHaveProperty('badge');
  });

  it("give the layout the entry's share card and its kind of JSON-LD at the page's absolute URL", () => {
    const site = new URL('https://atlas.example/');
    const head = entryHead(project, {
      url: new URL('http://x/projects/todo/'),
      site,
    });
    expect(head.card).toBe('/og/projects/todo.png');
    expect(head.structuredData[0]).toMatchObject({
      learningResourceType: 'Project',
      url: 'https://atlas.example/projects/todo/',
    });
  });

  it("give a lab its JSON-LD and the site's card, a timeline or comparison neither", () => {
    const page = { url: new URL('http://x/labs/lru/'), site: new URL('https://atlas.example/') };
    const lab = entry('labs', 'lru', { title: 'LRU cache', summary: 'Evict the least recent.', difficulty: 'easy' });
    const head = entryHead(lab, page);
    expect(head).not.toHaveProperty('card');
    expect(head.structuredData[0]).toMatchObject({
      learningResourceType: 'Exercise',
      url: 'https://atlas.example/labs/lru/',
    });
    expect(entryHead(entry('timelines', 'lost-update', { title: 'Lost update' }), page)).toEqual({
      structuredData: [],
    });
  });
});
