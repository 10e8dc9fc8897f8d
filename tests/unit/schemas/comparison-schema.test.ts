import { describe, expect, it } from 'vitest';
import { comparisonSchema } from '../../../src/schemas/comparison.ts';
import { referenceById } from '../../../src/schemas/shared.ts';

const schema = comparisonSchema(referenceById);
const table = (speed: string, scale?: string[]) => ({
  created: '2026-11-01',
  updated: '2026-11-01',
  title: 'Stores compared',
  summary: 'A comparison table used by the test suite to exercise sorting.',
  caption: 'Stores by speed',
  rowHeader: 'Store',
  columns: [{ id: 'speed', label: 'Speed', kind: 'ordinal', ...(scale ? { scale } : {}) }],
  rows: [
    { name: 'A', cells: { speed: 'Fast' } },
    { name: 'B', cells: { speed } },
  ],
  source: { kind: 'assessment', reviewed: '2026-11' },
});
const messages = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('comparison ordinal columns', () => {
  it('accept values on the scale', () => {
    expect(messages(table('Slow', ['Slow', 'Fast']))).toEqual([]);
  });

  it('reject a value off the scale, naming it and the scale', () => {
    expect(messages(table('Quick', ['Slow', 'Fast']))).toEqual([
      'rows.1.cells.speed: "Quick" is not on the scale of column "speed" (Slow, Fast)',
    ]);
  });

  it('reject an ordinal column without a scale', () => {
    expect(messages(table('Slow'))).toEqual([
      'columns.0.scale: an ordinal column needs a scale of at least two values, lowest first',
    ]);
  });
});
