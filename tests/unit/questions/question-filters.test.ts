import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  facetCounts,
  type Filters,
  matches,
  parseFilters,
  practiceUrl,
  type QuestionFacets,
  toSearch,
} from '../../../src/lib/questions/question-filters.ts';

const q = (id: string, difficulty: string, type: string, topics: string[], roles: string[]): QuestionFacets => ({
  id,
  difficulty,
  type,
  topics,
  roles,
});
const bank = [
  q('jwt-flow', 'mid', 'concept', ['jwt', 'authentication'], ['nodejs-developer']),
  q('jwt-revoke', 'senior', 'concept', ['jwt'], []),
  q('reverse-list', 'junior', 'coding', ['algorithms'], ['nodejs-developer', 'go-developer']),
];
const id = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/);
const filters: fc.Arbitrary<Filters> = fc.record(
  { difficulty: id, type: id, topic: id, role: id, due: fc.constant(true as const) },
  { requiredKeys: [] },
);

describe('question filters', () => {
  it('reads the URL parameters and ignores values that are not ids', () => {
    expect(parseFilters('?difficulty=mid&type=coding&topic=jwt&role=nodejs-developer&due=1')).toEqual({
      difficulty: 'mid',
      type: 'coding',
      topic: 'jwt',
      role: 'nodejs-developer',
      due: true,
    });
    expect(parseFilters('?difficulty=<script>&topic=&due=yes&other=1')).toEqual({});
  });

  it('round-trips filters through the query string, in one canonical order', () => {
    fc.assert(
      fc.property(filters, (f) => {
        expect(parseFilters(toSearch(f))).toEqual(f);
      }),
    );
    expect(toSearch({ role: 'go-developer', difficulty: 'mid' })).toBe('?difficulty=mid&role=go-developer');
    expect(toSearch({})).toBe('');
    expect(practiceUrl({ role: 'rust-developer' })).toBe('/practice/?role=rust-developer');
  });

  it('keeps a question only when every chosen facet matches', () => {
    const ids = (f: Filters, due?: (id: string) => boolean) => bank.filter((x) => matches(x, f, due)).map((x) => x.id);
    expect(ids({})).toEqual(['jwt-flow', 'jwt-revoke', 'reverse-list']);
    expect(ids({ topic: 'jwt' })).toEqual(['jwt-flow', 'jwt-revoke']);
    expect(ids({ topic: 'jwt', role: 'nodejs-developer' })).toEqual(['jwt-flow']);
    expect(ids({ difficulty: 'junior', type: 'concept' })).toEqual([]);
    expect(ids({ due: true })).toEqual([]);
    expect(ids({ due: true }, (x) => x === 'jwt-revoke')).toEqual(['jwt-revoke']);
  });

  it('counts, for each option, the questions it would leave with the other filters kept', () => {
    const counts = facetCounts(bank, { topic: 'jwt' });
    expect(counts.difficulty).toEqual(
      new Map([
        ['', 2],
        ['mid', 1],
        ['senior', 1],
      ]),
    );
    expect(counts.topic.get('algorithms')).toBe(1); // the topic filter itself is not applied to topic counts
    expect(counts.topic.get('')).toBe(3);
    expect(counts.role.get('nodejs-developer')).toBe(1);
    fc.assert(
      fc.property(filters, (f) => {
        const c = facetCounts(bank, f);
        for (const [value, n] of c.difficulty)
          if (value) expect(n).toBe(bank.filter((x) => matches(x, { ...f, difficulty: value })).length);
      }),
    );
  });
});
