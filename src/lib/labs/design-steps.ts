/**
 * A design lab's steps other than the design itself (IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE): requirements
 * the learner scopes, estimates graded with a tolerance, and the learner's whole draft (scope, estimates, design,
 * trade-offs) as one string in the progress store's lab record. Pure, no DOM; reading a draft never throws.
 */

/** A number the learner estimates, graded within a relative tolerance, with the arithmetic shown after. */
export interface DesignEstimate {
  /** Stable id, the draft's key for the learner's answer. */
  id: string;
  question: string;
  unit: string;
  answer: number;
  /** Relative: 0.5 accepts anything within ±50 % of `answer`. */
  tolerance: number;
  /** The arithmetic, shown once the learner has answered. */
  working: string;
}

const FACTOR: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  g: 1e9,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

/**
 * A learner's number as they would write it: "20000", "20,000", "20 000", "2e4", "20k", "1.5M", "3 billion".
 * NaN when it is not one.
 */
export function readNumber(text: string): number {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/(\d)[,_\s](?=\d{3}(?!\d))/g, '$1');
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]+)?$/.exec(cleaned);
  if (!match) return NaN;
  const factor = match[2] === undefined ? 1 : FACTOR[match[2]];
  return factor === undefined ? NaN : Number(match[1]) * factor;
}

export type EstimateGrade =
  | { state: 'empty' }
  | { state: 'unreadable' }
  | { state: 'close' | 'low' | 'high'; value: number; /** value ÷ answer */ ratio: number };

/** A learner's estimate against the lab's: close within the tolerance, otherwise too low or too high. */
export function gradeEstimate(estimate: DesignEstimate, input: string): EstimateGrade {
  if (input.trim() === '') return { state: 'empty' };
  const value = readNumber(input);
  if (!Number.isFinite(value)) return { state: 'unreadable' };
  const ratio = value / estimate.answer;
  const state =
    Math.abs(value - estimate.answer) <= estimate.tolerance * Math.abs(estimate.answer)
      ? 'close'
      : value < estimate.answer
        ? 'low'
        : 'high';
  return { state, value, ratio };
}

/** What the learner reads beside one graded estimate. */
export function estimateVerdict(estimate: DesignEstimate, grade: EstimateGrade): string {
  const expected = `about ${formatAmount(estimate.answer)} ${estimate.unit}, within ±${Math.round(estimate.tolerance * 100)} %`;
  switch (grade.state) {
    case 'empty':
      return `Not answered. The estimate is ${expected}.`;
    case 'unreadable':
      return `Not a number this page can read (write 20000, 20,000, 20k or 2e4). The estimate is ${expected}.`;
    case 'close':
      return `Close enough: ${formatAmount(grade.value)} against ${expected}.`;
    default:
      return `Too ${grade.state}: ${formatAmount(grade.value)} is ${grade.ratio < 1 ? `${formatFactor(1 / grade.ratio)} under` : `${formatFactor(grade.ratio)} over`} ${expected}.`;
  }
}

const formatFactor = (factor: number) => `${factor < 10 ? factor.toFixed(1) : Math.round(factor)}×`;

/** A number as an estimate reads: 19,000; 1.2 million; 0.35. */
export function formatAmount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${+(value / 1e9).toPrecision(3)} billion`;
  if (abs >= 1e6) return `${+(value / 1e6).toPrecision(3)} million`;
  return (+value.toPrecision(3)).toLocaleString('en');
}

/** The learner's work on a design lab, kept as the lab record's draft (JSON, version 1). */
export interface DesignDraft {
  /** Indexes of the requirements the learner marked in scope, once they committed; absent before. */
  scope?: number[] | undefined;
  /** Estimate id → what the learner typed. */
  estimates: Record<string, string>;
  /** Whether the learner asked for their estimates to be graded. */
  estimated?: boolean | undefined;
  /** The design, in the text format of src/lib/design/. */
  design: string;
  tradeoffs: string;
  /** Whether the learner committed their trade-offs and read the rubric. */
  compared?: boolean | undefined;
}

const emptyDraft = (starter: string): DesignDraft => ({ estimates: {}, design: starter, tradeoffs: '' });

/**
 * A stored draft read back. A draft that is not this format's JSON (an older plain-text draft, or a hand-edited
 * export) keeps its text as the design, so nothing the learner typed is lost.
 */
export function readDraft(stored: string | undefined, starter: string): DesignDraft {
  if (stored === undefined) return emptyDraft(starter);
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return { ...emptyDraft(starter), design: stored };
  }
  if (!value || typeof value !== 'object' || (value as { v?: unknown }).v !== 1)
    return { ...emptyDraft(starter), design: stored };
  const { scope, estimates, estimated, design, tradeoffs, compared } = value as Record<string, unknown>;
  const strings = (record: unknown) =>
    Object.fromEntries(
      Object.entries(record && typeof record === 'object' ? record : {}).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  return {
    scope: Array.isArray(scope) ? scope.filter((i): i is number => Number.isInteger(i) && i >= 0) : undefined,
    estimates: strings(estimates),
    estimated: estimated === true || undefined,
    design: typeof design === 'string' ? design : starter,
    tradeoffs: typeof tradeoffs === 'string' ? tradeoffs : '',
    compared: compared === true || undefined,
  };
}

/** The draft as the progress store keeps it: JSON with a version, fields left out when unset. */
export const writeDraft = (draft: DesignDraft): string => JSON.stringify({ v: 1, ...draft });
