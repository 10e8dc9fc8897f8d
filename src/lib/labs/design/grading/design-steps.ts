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

/** Sizes in decimal units, as the labs' estimates are written; bits for a bandwidth (Gbit/s). */
const SIZE: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, pb: 1e15 };
const BITS: Record<string, number> = { bit: 1, kbit: 1e3, mbit: 1e6, gbit: 1e9, tbit: 1e12 };
/** Per what time a rate is written: "/s", "a minute", "per day". */
const PER: Record<string, number> = { s: 1, sec: 1, second: 1, min: 60, minute: 60, h: 3600, hour: 3600, day: 86_400 };

/** Short forms learners type for a unit. */
const ALIAS: Record<string, string> = {
  req: 'request',
  msg: 'message',
  rps: 'request/s',
  qps: 'query/s',
  h: 'hour',
  hr: 'hour',
};

/** A unit as typed, compared loosely: lower case, no spaces, "per second" and "a second" as "/s", no plural s. */
function plainUnit(unit: string): string {
  const plain = unit
    .toLowerCase()
    .replace(/(?:^|\s)(?:per|an?)\s+/g, '/')
    .replace(/\s+/g, '')
    .replace(/seconds?$/, 's')
    .replace(/ies(?=\/|$)/, 'y')
    .replace(/(?<=[a-z]{3})s(?=\/|$)/, '');
  const [what = '', ...per] = plain.split('/');
  return [ALIAS[what] ?? what, ...per].join('/');
}

/** How many of `target` one `written` is (1 for the same unit), or undefined when they measure different things. */
function unitFactor(written: string, target: string): number | undefined {
  const [what = '', per] = plainUnit(written).split('/');
  const [targetWhat = '', targetPer] = plainUnit(target).split('/');
  const time =
    per === undefined && targetPer === undefined ? 1 : (PER[targetPer ?? ''] ?? NaN) / (PER[per ?? ''] ?? NaN);
  if (!Number.isFinite(time)) return undefined;
  if (what === '' || what === targetWhat) return time;
  for (const table of [SIZE, BITS])
    if (what in table && targetWhat in table) return (time * table[what]!) / table[targetWhat]!;
  return undefined;
}

/** A number and what follows it: "20k/s" is 20,000 and "/s", "300 GB" 300 and "GB", "1.5 million" 1.5 million. */
function splitNumber(text: string): { value: number; unit: string } | undefined {
  const cleaned = text
    .trim()
    .replace(/(\d)[,_\s](?=\d{3}(?!\d))/g, '$1')
    .replace(/\s+/g, ' ');
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(.*)$/i.exec(cleaned);
  if (!match) return undefined;
  const value = Number(match[1]);
  const rest = match[2] ?? '';
  const factor = /^(thousand|million|billion|trillion|bn|[kmgbt])(?![a-z])\s*(.*)$/i.exec(rest);
  if (factor && !(rest.toLowerCase() in SIZE)) {
    return { value: value * FACTOR[factor[1]!.toLowerCase()]!, unit: factor[2] ?? '' };
  }
  return { value, unit: rest };
}

/**
 * A learner's number as they would write it: "20000", "20,000", "20 000", "2e4", "20k", "1.5M", "3 billion".
 * NaN when it is not one, or when it carries a unit.
 */
export function readNumber(text: string): number {
  const read = splitNumber(text);
  return read && read.unit === '' ? read.value : NaN;
}

export type EstimateGrade =
  | { state: 'empty' }
  | { state: 'unreadable' }
  /** A number in a unit this estimate cannot be converted from ("GB" for requests a second). */
  | { state: 'unit'; unit: string }
  | { state: 'close' | 'low' | 'high'; value: number; /** value ÷ answer */ ratio: number };

/**
 * A learner's estimate against the lab's: close within the tolerance, otherwise too low or too high. A unit may
 * follow the number: the estimate's own ("15 payments/s", "15/s"), or one that converts to it ("900 per minute",
 * "300,000 MB" for GB); any other is its own state, never a wrong number.
 */
export function gradeEstimate(estimate: DesignEstimate, input: string): EstimateGrade {
  if (input.trim() === '') return { state: 'empty' };
  const read = splitNumber(input);
  if (!read || !Number.isFinite(read.value)) return { state: 'unreadable' };
  const factor = read.unit === '' ? 1 : unitFactor(read.unit, estimate.unit);
  if (factor === undefined) return { state: 'unit', unit: read.unit };
  const value = read.value * factor;
  const ratio = value / estimate.answer;
  const state =
    Math.abs(value - estimate.answer) <= estimate.tolerance * Math.abs(estimate.answer)
      ? 'close'
      : value < estimate.answer
        ? 'low'
        : 'high';
  return { state, value, ratio };
}

/**
 * What the learner reads beside one graded estimate. Until the answers are revealed (`reveal`), it says whether the
 * number is close, too low or too high, never the lab's number or by how much: the learner can try again.
 */
export function estimateVerdict(estimate: DesignEstimate, grade: EstimateGrade, reveal = true): string {
  const expected = `about ${formatAmount(estimate.answer)} ${estimate.unit}, within ±${Math.round(estimate.tolerance * 100)} %`;
  const then = reveal ? ` The estimate is ${expected}.` : '';
  switch (grade.state) {
    case 'empty':
      return `Not answered.${then}`;
    case 'unreadable':
      return `Not a number this page can read (write 20000, 20,000, 20k or 2e4, with ${estimate.unit} or none).${then}`;
    case 'unit':
      return `Written in "${grade.unit}", which does not convert to ${estimate.unit}: give the number in ${estimate.unit}.${then}`;
    case 'close':
      return reveal
        ? `Close enough: ${formatAmount(grade.value)} against ${expected}.`
        : `Close enough: ${formatAmount(grade.value)} ${estimate.unit}.`;
    default:
      return reveal
        ? `Too ${grade.state}: ${formatAmount(grade.value)} is ${grade.ratio < 1 ? `${formatFactor(1 / grade.ratio)} under` : `${formatFactor(grade.ratio)} over`} ${expected}.`
        : `Too ${grade.state}: ${formatAmount(grade.value)} ${estimate.unit} is outside ±${Math.round(estimate.tolerance * 100)} % of the estimate. Check your arithmetic and try again.`;
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

/** Checks of the estimates before their answers show by themselves. */
export const ESTIMATE_TRIES = 3;

/** The learner's work on a design lab, kept as the lab record's draft (JSON, version 1). */
export interface DesignDraft {
  /** Indexes of the requirements the learner marked in scope, once they committed; absent before. */
  scope?: number[] | undefined;
  /** Estimate id → what the learner typed. */
  estimates: Record<string, string>;
  /** Whether the estimates' answers and arithmetic are shown: all close, out of tries, or asked for. */
  estimated?: boolean | undefined;
  /** How many times the learner checked their estimates before the answers were shown. */
  checks?: number | undefined;
  /** The API-and-data-model step: the routes, one a line, and the tables in SQL. */
  routes?: string | undefined;
  tables?: string | undefined;
  /** Whether the learner compared their API and data model with the model answer. */
  modelled?: boolean | undefined;
  /** The design, in the text format of src/lib/labs/design/. */
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
  const { scope, estimates, estimated, checks, routes, tables, modelled, design, tradeoffs, compared } =
    value as Record<string, unknown>;
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
    checks: Number.isInteger(checks) && (checks as number) > 0 ? (checks as number) : undefined,
    routes: typeof routes === 'string' ? routes : undefined,
    tables: typeof tables === 'string' ? tables : undefined,
    modelled: modelled === true || undefined,
    design: typeof design === 'string' ? design : starter,
    tradeoffs: typeof tradeoffs === 'string' ? tradeoffs : '',
    compared: compared === true || undefined,
  };
}

/** The draft as the progress store keeps it: JSON with a version, fields left out when unset. */
export const writeDraft = (draft: DesignDraft): string => JSON.stringify({ v: 1, ...draft });
