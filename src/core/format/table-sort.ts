/**
 * Sorting comparison tables: the key each cell sorts by (numbers numerically, ordinal values by their place on the
 * column's scale, text alphabetically) and a stable order of rows. Number and ordinal keys are computed at build
 * time into data-sort-value attributes (ComparisonTable.astro); text keys are the cells' text, read by the browser
 * script (src/components/compare/sortable-table.ts), which orders the rows.
 * Pure; unit-tested in tests/unit/format/table-sort.test.ts.
 */

export type ColumnKind = 'text' | 'number' | 'ordinal';
export type SortDirection = 'ascending' | 'descending';
/** What a cell sorts by; undefined when it has no usable value (such rows go last in either direction). */
export type SortKey = number | string | undefined;

/** The first number in a text: "4–6 months" → 4, "−12%" → -12, "1,200" → 1200. */
export function parseNumber(text: string): number | undefined {
  const match = /[-−]?\d[\d,]*(?:\.\d+)?/.exec(text);
  if (!match) return undefined;
  const value = Number(match[0].replace('−', '-').replaceAll(',', ''));
  return Number.isFinite(value) ? value : undefined;
}

/** The key a cell sorts by, given its column's kind and, for ordinal columns, the scale from lowest to highest. */
export function sortKey(kind: ColumnKind, cell: string | number | undefined, scale: readonly string[] = []): SortKey {
  if (cell === undefined) return undefined;
  if (kind === 'number')
    return typeof cell === 'number' ? (Number.isFinite(cell) ? cell : undefined) : parseNumber(cell);
  if (kind === 'ordinal') {
    const wanted = String(cell).trim().toLowerCase();
    const rank = scale.findIndex((step) => step.trim().toLowerCase() === wanted);
    return rank >= 0 ? rank : undefined;
  }
  const text = String(cell).trim();
  return text === '' ? undefined : text;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Ascending comparison of two keys; missing keys come after every present one. */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * The order of rows (indices into `keys`) sorted by key in `direction`. Stable: equal keys keep their source order
 * in both directions, and rows without a key stay last.
 */
export function sortedOrder(keys: readonly SortKey[], direction: SortDirection): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return keys
    .map((key, index) => ({ key, index }))
    .sort((a, b) => {
      const missing = Number(a.key === undefined) - Number(b.key === undefined);
      return missing || sign * compareKeys(a.key, b.key) || a.index - b.index;
    })
    .map((row) => row.index);
}
