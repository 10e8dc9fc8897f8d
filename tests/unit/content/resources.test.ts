/** The one order of learning resources (src/lib/content/resources.ts): official docs and specs first, authoring order kept within a kind. */
import { describe, expect, it } from 'vitest';
import { rankResources } from '../../../src/lib/content/resources.ts';
import { RESOURCE_TYPES } from '../../../src/schemas/shared.ts';

type Resource = { title: string; type: (typeof RESOURCE_TYPES)[number] };
const r = (title: string, type: Resource['type']): Resource => ({ title, type });

describe('resource order', () => {
  it('puts official docs, then specs, then the other kinds in the schema order, keeping authoring order within a kind', () => {
    const authored = [
      r('Talk', 'video'),
      r('Guide A', 'article'),
      r('RFC 9110', 'spec'),
      r('Book', 'book'),
      r('Guide B', 'article'),
      r('MDN', 'official'),
      r('curl', 'tool'),
      r('Course', 'course'),
      r('Node docs', 'official'),
    ];
    expect(rankResources(authored).map((x) => x.title)).toEqual([
      'MDN',
      'Node docs',
      'RFC 9110',
      'Guide A',
      'Guide B',
      'Book',
      'Course',
      'Talk',
      'curl',
    ]);
    expect(authored[0]!.title).toBe('Talk');
  });

  it('follows the schema order of kinds, official and spec first', () => {
    expect(RESOURCE_TYPES.slice(0, 2)).toEqual(['official', 'spec']);
    const one = RESOURCE_TYPES.map((type) => r(type, type)).reverse();
    expect(rankResources(one).map((x) => x.type)).toEqual([...RESOURCE_TYPES]);
  });
});
