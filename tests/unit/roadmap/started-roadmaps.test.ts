import { describe, expect, it } from 'vitest';
import { rankRoadmaps, startedSentence } from '../../../src/lib/roadmap/started-roadmaps.ts';
import type { TopicState } from '../../../src/lib/progress/progress-store.ts';

const stage = (...ids: string[]) => [{ id: 's1', topics: ids.map((id) => ({ id, optional: false })) }];
/** A catalog in its own order, where "http" and "sql" are shared as they are on the site. */
const catalog = [
  { id: 'php', stages: stage('http', 'php-basics') },
  { id: 'rust', stages: stage('http', 'sql', 'ownership') },
  { id: 'backend', stages: stage('http', 'sql', 'caching', 'queues') },
  { id: 'go', stages: stage('goroutines') },
];
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const store = (topics: Record<string, TopicState>, roadmapTimes: Record<string, string> = {}) => ({
  topics,
  roadmapTimes,
});
const order = (ranked: ReturnType<typeof rankRoadmaps>) => ranked.map((r) => `${r.id}:${r.standing}`);

describe('started roadmaps on /progress/', () => {
  it('counts only the roadmap worked on as started, however many roadmaps share its topics, and lists it first', () => {
    const ranked = rankRoadmaps(
      catalog,
      store({ http: 'done', sql: 'done', caching: 'learning' }, { backend: at(20) }),
    );
    expect(order(ranked)).toEqual(['backend:worked', 'rust:marked', 'php:marked', 'go:untouched']);
    expect(startedSentence(ranked)).toBe(
      'You have started 1 of 4 roadmaps; it comes first. 2 more hold topics you marked, because a topic counts on every roadmap that has it.',
    );
  });

  it('puts the roadmap worked on last first, whatever the catalog order or how far along the others are', () => {
    const ranked = rankRoadmaps(
      catalog,
      store({ http: 'done', sql: 'done', ownership: 'done' }, { rust: at(3), backend: at(21), php: at(10) }),
    );
    expect(order(ranked)).toEqual(['backend:worked', 'php:worked', 'rust:worked', 'go:untouched']);
    expect(startedSentence(ranked)).toBe('You have started 3 of 4 roadmaps; the one you worked on last comes first.');
  });

  it('counts a roadmap planned or saved for offline, with nothing marked, as started', () => {
    const ranked = rankRoadmaps(catalog, store({}, { go: at(2) }));
    expect(order(ranked)).toEqual(['go:worked', 'php:untouched', 'rust:untouched', 'backend:untouched']);
    expect(startedSentence(ranked)).toBe('You have started 1 of 4 roadmaps; it comes first.');
  });

  it('says plainly, for marks older than the record of roadmaps, that shared topics count everywhere', () => {
    const ranked = rankRoadmaps(catalog, store({ http: 'done', sql: 'skipped' }));
    expect(ranked.filter((r) => r.standing === 'worked')).toEqual([]);
    expect(startedSentence(ranked)).toBe(
      'Topics you marked are on 3 of the 4 roadmaps, because a topic counts on every roadmap that has it. Mark a topic on a roadmap’s map and that roadmap counts as started and comes first.',
    );
  });

  it('lists roadmaps that only hold marked topics by the last visit, then by how far along they are', () => {
    const topics = store({ http: 'done', sql: 'done' });
    // No visits: furthest along first (rust 2 of 3, backend 2 of 4, php 1 of 2 tie broken by catalog order).
    expect(order(rankRoadmaps(catalog, topics)).slice(0, 3)).toEqual(['rust:marked', 'php:marked', 'backend:marked']);
    const visits = { backend: { last: at(20), since: at(1) }, php: { last: at(5) } };
    expect(order(rankRoadmaps(catalog, topics, visits)).slice(0, 3)).toEqual([
      'backend:marked',
      'php:marked',
      'rust:marked',
    ]);
  });

  it('ignores visits that are not what the site writes, and never throws on them', () => {
    const topics = store({ http: 'done', sql: 'done' });
    const plain = order(rankRoadmaps(catalog, topics));
    for (const visits of [null, 'x', [], { backend: 'yesterday' }, { backend: { last: 'soon' } }, { rust: null }])
      expect(order(rankRoadmaps(catalog, topics, visits))).toEqual(plain);
  });

  it('with nothing marked and nothing worked on, keeps the catalog order and invites a first mark', () => {
    const ranked = rankRoadmaps(catalog, store({}));
    expect(order(ranked)).toEqual(['php:untouched', 'rust:untouched', 'backend:untouched', 'go:untouched']);
    expect(startedSentence(ranked)).toBe(
      'You have not marked a topic on any of the 4 roadmaps yet: open one and press Done on a topic you know.',
    );
  });

  it('says "holds" for one roadmap with marks from elsewhere', () => {
    const ranked = rankRoadmaps(catalog, store({ ownership: 'done', 'php-basics': 'done' }, { rust: at(4) }));
    expect(startedSentence(ranked)).toMatch(/it comes first\. 1 more holds topics you marked, because/);
  });
});
