/**
 * A query that asks to practise (src/lib/search/practice.ts) answers with the site's practice first: the best labs
 * and projects for the rest of the query (search-runner.ts searches them through the index's `type` filter), then
 * everything else it found.
 */
import type { PagefindResult, ResultData } from './pagefind.ts';

/** How many of a practice query's labs and projects come before everything else it finds. */
export const PRACTICE_FIRST = 3;

interface Shown {
  result: PagefindResult;
  data: ResultData;
}

/**
 * The practice first, then the ranked results and the rest without them; with the data of the first `pageSize`
 * (fetched for those not yet shown).
 */
export async function practiceBefore(
  practice: readonly Shown[],
  ranked: readonly Shown[],
  rest: readonly PagefindResult[],
  pageSize: number,
) {
  const picked = new Set(practice.map(({ result }) => result.id));
  const others = [...ranked, ...rest.map((result) => ({ result }))].filter(({ result }) => !picked.has(result.id));
  const ordered: { result: PagefindResult; data?: ResultData }[] = [...practice, ...others];
  const shown = await Promise.all(
    ordered.slice(0, pageSize).map(async ({ result, data }) => data ?? (await result.data())),
  );
  return { results: ordered.map(({ result }) => result), shown };
}
