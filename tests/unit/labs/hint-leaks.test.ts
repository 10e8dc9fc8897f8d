/**
 * The rule that keeps failure messages from handing over the hints (src/lib/labs/shared/hint-leaks.ts): a message leaks when
 * it holds code the hints quote or SQL keywords they write in capitals, unless the task already says it.
 */
import { describe, expect, it } from 'vitest';
import { givenText, hintPhrases, leakedPhrases } from '../../../src/lib/labs/shared/hint-leaks.ts';

/** The GROUP BY lab's hints and task, as they were when its check answered every failure with the recipe. */
const HINTS = [
  'Two different filters are asked for. The first is `WHERE`, the second is `HAVING`.',
  "`extract(month FROM placed_at)` merges years. `date_trunc('month', placed_at)` keeps the year.",
  'The shape is `SELECT … FROM orders WHERE … GROUP BY 1 HAVING sum(total_cents) >= 2000000 ORDER BY month;`',
];
const given = givenText({
  body: 'Return only months with at least `2000000` cents of paid revenue, sorted by month, oldest first.',
  starter: 'SELECT placed_at, status, total_cents\nFROM orders\nORDER BY placed_at\nLIMIT 20;',
  checks: [{ name: 'Big months with their paid revenue, oldest first' }],
});
const phrases = hintPhrases(HINTS, given);

describe('what a failure message may not say', () => {
  it('finds the old recipe in the old message', () => {
    const old =
      "Count only orders with status 'paid' (a WHERE filter), group by date_trunc('month', …) so each year's months stay apart, keep months whose paid sum is at least 2000000 (>=, not >) with HAVING.";
    expect(leakedPhrases(old, phrases)).toEqual(['WHERE', 'HAVING', 'date_trunc']);
  });

  it('lets the task in words through, and what the starter or the task already says', () => {
    const rule =
      'The task: one row per calendar month whose paid revenue, refunded and cancelled orders left out, is at least 2000000 cents; where 3 are expected, the oldest month first.';
    expect(leakedPhrases(rule, phrases)).toEqual([]);
    expect(phrases).not.toContain('ORDER BY'); // the starter sorts already
    expect(leakedPhrases('Your rows are not in the ORDER BY month order.', phrases)).toEqual([]);
  });

  it('reads keywords as written in capitals, and code whatever its case, as whole words', () => {
    expect(leakedPhrases('where they belong', phrases)).toEqual([]);
    expect(leakedPhrases('Try DATE_TRUNC on it.', phrases)).toEqual(['date_trunc']);
    expect(leakedPhrases('a sum(total_cents) of the month', phrases)).toEqual(['sum(']);
    expect(leakedPhrases('the summary of the month', phrases)).toEqual([]);
  });
});
