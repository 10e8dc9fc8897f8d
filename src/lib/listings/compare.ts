/**
 * Whether what a listing printed is what its page shows. Lines are compared after trailing spaces are cut and blank
 * lines at either end dropped. The page may leave parts out and mark what varies:
 * - a line that is only `…` (or `...`) stands for any number of lines, and a line ending in `…` for any line that
 *   starts with what comes before it;
 * - lines starting `$ ` are the commands the page shows being typed, not output, and are skipped;
 * - `vary=` on the output block names the kinds of part that differ from run to run (VARY below); each is replaced
 *   on both sides before comparing, so the rest must still match exactly.
 */

/** The kinds of part that differ from run to run, each with the pattern that finds it. */
const VARY = {
  /** Durations: "12 ms", "0.3s", "1.5 seconds", EXPLAIN's "actual time=0.25..0.36", "Execution Time: 1.2 ms". */
  timings: [
    /\b\d+(?:[.,]\d+)?\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|milliseconds?|minutes?|min)\b/g,
    /\btime=\d+(?:\.\d+)?(?:\.\.\d+(?:\.\d+)?)?/g,
  ],
  /** Dates and times: ISO 8601, HTTP dates, Unix seconds and milliseconds. */
  dates: [
    /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?/g,
    /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT\b/g,
    /\b\d{2}:\d{2}:\d{2}(?:\.\d+)?\b/g,
    /\b1\d{9}(?:\d{3})?\b/g,
  ],
  /**
   * Hashes, signatures, tokens and random bytes: a token shown by its two ends (`acme_live_fyvx…ivlJ`, at least
   * four characters either side of `…` or `...`), base64 from 16 with a digit or a capital in it (a long lower-case
   * word such as `application/json` or `insufficient_scope` is not a token), hexadecimal from 8 characters. Base64
   * goes before hexadecimal: a base64url token drawn with a `-` before a run of hex digits was masked in two pieces,
   * and then no longer matched the page's one.
   */
  hashes: [/[\w+/-]{4,}(?:…|\.\.\.)[\w+/-]{4,}/g, /(?=[\w+/-]*[\dA-Z])[\w+/-]{16,}={0,2}/g, /\b[0-9a-f]{8,}\b/gi],
  /** Identifiers drawn at random or by the system: UUIDs, ULIDs, process ids, ports. */
  ids: [
    /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
    /\b[0-9A-HJKMNP-TV-Z]{26}\b/g,
    /\b(?:pid|PID|port)\b[\s:=]*\d+/g,
  ],
  /** EXPLAIN's estimates, which follow the statistics a sample gave: "cost=0.42..8.44 rows=1 width=12". */
  costs: [/\bcost=\d+\.\d+\.\.\d+\.\d+ rows=\d+ width=\d+/g],
  /** Buffer counts in EXPLAIN (ANALYZE, BUFFERS), which follow what was cached. */
  buffers: [/\b(?:hit|read|dirtied|written)=\d+/g],
  /** Every number. */
  numbers: [/\d+(?:\.\d+)?/g],
} as const satisfies Record<string, readonly RegExp[]>;
type Vary = keyof typeof VARY;

/** How the lines are held to each other: `order` compares them as a set, for output that interleaves by chance. */
const VARY_WORDS = [...Object.keys(VARY), 'order'] as const;

/** The `vary=` words of an output block, and the ones the check does not know. */
export function parseVary(value: string | undefined): { kinds: string[]; unknown: string[] } {
  const kinds = (value ?? '')
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);
  return { kinds, unknown: kinds.filter((kind) => !(VARY_WORDS as readonly string[]).includes(kind)) };
}

const ELLIPSIS_LINE = /^\s*(?:…|\.\.\.)\s*$/;
const TRIMMED_LINE = /(?:…|\.\.\.)\s*$/;

function lines(text: string): string[] {
  const out = text.split('\n').map((line) => line.replace(/\s+$/, ''));
  while (out.length && out[0] === '') out.shift();
  while (out.length && out.at(-1) === '') out.pop();
  return out;
}

/** `text` with every part of the `kinds` given replaced by a mark of its kind. */
export function masked(text: string, kinds: readonly string[]): string {
  let out = text;
  for (const kind of kinds) {
    const patterns = VARY[kind as Vary] as readonly RegExp[] | undefined;
    // The spaces before a part go with it: a time padded to a column ("   9.81 ms" / "  10.02 ms") is one part. One
    // space stays between it and a word before it; at the start of a line none does, where a padded time (" 908ms")
    // loses its space once it takes a digit more ("1012ms").
    for (const pattern of patterns ?? [])
      out = out.replace(
        new RegExp(` *(?:${pattern.source})`, pattern.flags),
        (m: string, at: number, whole: string) =>
          `${m.startsWith(' ') && at > 0 && whole[at - 1] !== '\n' ? ' ' : ''}‹${kind}›`,
      );
  }
  return out;
}

/** Whether `actual` lines match `expected` lines, where expected may hold `…` lines and lines cut with `…`. */
function matchLines(expected: readonly string[], actual: readonly string[]): boolean {
  // memo[i][j]: expected from i matches actual from j
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (actual.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === expected.length) result = j === actual.length;
    else if (ELLIPSIS_LINE.test(expected[i]!)) result = go(i + 1, j) || (j < actual.length && go(i, j + 1));
    else if (j === actual.length) result = false;
    else result = lineMatches(expected[i]!, actual[j]!) && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

function lineMatches(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  if (!TRIMMED_LINE.test(expected)) return false;
  return actual.startsWith(expected.replace(TRIMMED_LINE, '').replace(/\s+$/, ''));
}

export interface Comparison {
  same: boolean;
  /** The shown output and what ran, as compared (marks in place of what varies). */
  expected: string[];
  actual: string[];
}

/** Compares what ran with what the page shows, under the output block's `vary=` words. */
export function compareOutput(shown: string, printed: string, vary: readonly string[] = []): Comparison {
  const expected = lines(masked(shown, vary)).filter((line) => !line.startsWith('$ '));
  const actual = lines(masked(printed, vary));
  if (vary.includes('order')) {
    const sorted = (list: readonly string[]) => [...list].sort();
    const same = JSON.stringify(sorted(expected)) === JSON.stringify(sorted(actual)) || matchLines(expected, actual);
    return { same, expected, actual };
  }
  return { same: matchLines(expected, actual), expected, actual };
}

/** A line diff of two short texts, `-` for the page's lines and `+` for what ran, with two lines of context. */
export function lineDiff(expected: readonly string[], actual: readonly string[], limit = 40): string {
  const n = expected.length;
  const m = actual.length;
  // Longest common subsequence, for outputs of a few hundred lines at most.
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = expected[i] === actual[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && expected[i] === actual[j]) {
      ops.push(`  ${expected[i++]}`);
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ops.push(`+ ${actual[j++]}`);
    else ops.push(`- ${expected[i++]}`);
  }
  const changed = ops.map((op, k) => (op.startsWith('  ') ? -1 : k)).filter((k) => k >= 0);
  const keep = new Set(changed.flatMap((k) => [k - 2, k - 1, k, k + 1, k + 2]));
  const shown = ops.filter((_, k) => keep.has(k));
  return (shown.length > limit ? [...shown.slice(0, limit), `  … ${shown.length - limit} more lines`] : shown).join(
    '\n',
  );
}
