import { describe, expect, it } from 'vitest';
import { nextLab } from '../../../src/lib/content/next-lab.ts';

const lab = (id: string, ...topics: string[]) => ({ id, data: { topics: topics.map((t) => ({ id: t })) } });
const LABS = [
  lab('a', 'sql'),
  lab('b', 'indexes', 'sql'),
  lab('c', 'caching'),
  lab('d', 'sql', 'indexes'),
  lab('e', 'indexes'),
  lab('f', 'caching'),
];

describe('nextLab', () => {
  it('offers the next lab whose home topic is the same, skipping labs of other topics', () => {
    expect(nextLab(LABS, 'a')?.id).toBe('d');
    expect(nextLab(LABS, 'b')?.id).toBe('e');
  });

  it('counts only a lab’s first topic as its home, not every topic it practises', () => {
    expect(nextLab(LABS, 'c')?.id).toBe('f');
    expect(nextLab(LABS, 'b')?.id).not.toBe('d');
  });

  it('falls back to the next lab of the list when its topic has no later lab', () => {
    expect(nextLab(LABS, 'd')?.id).toBe('e');
    expect(nextLab(LABS, 'e')?.id).toBe('f');
  });

  it('offers nothing after the last lab or for an unknown id', () => {
    expect(nextLab(LABS, 'f')).toBeUndefined();
    expect(nextLab(LABS, 'nope')).toBeUndefined();
  });
});
