import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeys, parseNumber, type SortKey, sortedOrder, sortKey } from '../../../src/core/format/table-sort.ts';

const key: fc.Arbitrary<SortKey> = fc.oneof(
  fc.integer({ min: -50, max: 50 }),
  fc.constantFrom('Go', 'go', 'Rust', 'Python', 'node 10', 'node 9'),
  fc.constant(undefined),
);

describe('table sort keys', () => {
  it('reads numbers from numbers and from text', () => {
    expect(sortKey('number', 140)).toBe(140);
    expect(sortKey('number', '4–6 months')).toBe(4);
    expect(sortKey('number', '−12%')).toBe(-12);
    expect(sortKey('number', '$1,200')).toBe(1200);
    expect(sortKey('number', 'not given')).toBeUndefined();
    expect(parseNumber('2.5 years')).toBe(2.5);
  });

  it('ranks ordinal values by their place on the scale, not alphabetically', () => {
    const scale = ['Moderate', 'Good', 'Excellent', 'Best'];
    const cells = ['Good', 'Best', 'Moderate', 'Excellent'];
    const keys = cells.map((c) => sortKey('ordinal', c, scale));
    expect(keys).toEqual([1, 3, 0, 2]);
    expect(sortedOrder(keys, 'ascending').map((i) => cells[i])).toEqual(scale);
    expect(sortKey('ordinal', 'very high', ['High', 'Very high'])).toBe(1);
    expect(sortKey('ordinal', 'Unheard of', scale)).toBeUndefined();
  });

  it('sorts text alphabetically, ignoring case and reading numbers inside text as numbers', () => {
    const cells = ['rust', 'Go', 'node 10', 'Node 9'];
    expect(
      sortedOrder(
        cells.map((c) => sortKey('text', c)),
        'ascending',
      ).map((i) => cells[i]),
    ).toEqual(['Go', 'Node 9', 'node 10', 'rust']);
    expect(sortKey('text', '   ')).toBeUndefined();
  });
});

describe('sorted order', () => {
  it('is a permutation, ordered by key, with missing keys last and ties in source order (both directions)', () => {
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 30 }),
        fc.constantFrom('ascending' as const, 'descending' as const),
        (keys, direction) => {
          const order = sortedOrder(keys, direction);
          expect([...order].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
          const sign = direction === 'ascending' ? 1 : -1;
          for (let i = 1; i < order.length; i++) {
            const [a, b] = [keys[order[i - 1]!], keys[order[i]!]];
            if (a === undefined) expect(b).toBeUndefined();
            else if (b !== undefined) {
              const c = sign * compareKeys(a, b);
              expect(c).toBeLessThanOrEqual(0);
              if (c === 0) expect(order[i - 1]!).toBeLessThan(order[i]!);
            }
          }
        },
      ),
    );
  });

  it('reverses for distinct keys', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { maxLength: 30 }), (keys) => {
        expect(sortedOrder(keys, 'descending')).toEqual([...sortedOrder(keys, 'ascending')].reverse());
      }),
    );
  });
});
