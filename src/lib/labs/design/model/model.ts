/**
 * A design: parts connected by calls. Plain data, so it round-trips through the text format (parse.ts, format.ts)
 * and through storage. Values are kept in the unit parts.ts gives each parameter. SHARED BY BUILD AND BROWSER CODE.
 */
import { PARAMS, type PartKind } from './parts.ts';

/** One part of a design: a service, a cache, a database… */
export interface Part {
  readonly kind: PartKind;
  /** Its name, unique in the design: letters, digits, `-` and `_`. */
  readonly name: string;
  /** The parameters written; the others take their default (parts.ts). */
  readonly params: Readonly<Record<string, number | string>>;
  /**
   * Zones its members are spread over, round robin (`zones a b`); empty: all of them in DEFAULT_ZONE, which a
   * zone loss takes like any other.
   */
  readonly zones: readonly string[];
  /** The line of the text it was read from (1-based), for messages; 0 when built in code. */
  readonly line: number;
}

/** Which requests a call is made for. */
export type CallFor = 'all' | 'reads' | 'writes';

/** `from` calls `to` while it handles a request. */
export interface Call {
  readonly from: string;
  readonly to: string;
  /** Made only for reads, only for writes, or for both. */
  readonly for: CallFor;
  /** `sync`: the caller waits for the answer; `async`: it goes on at once and the work is done in the background. */
  readonly mode: 'sync' | 'async';
  /** Share of the requests it is made for, in % (100: every one). */
  readonly share: number;
  /** Made once per follower of the writer (a celebrity's post is written to every follower's timeline). */
  readonly perFollower: boolean;
  /** The callee serves it as a read whatever the request is (`to read`): a send that looks up preferences. */
  readonly toRead?: boolean;
  readonly line: number;
}

export interface Design {
  readonly parts: readonly Part[];
  readonly calls: readonly Call[];
}

/** A problem in a design or its text: where it is and what is wrong, naming the part and the parameter. */
export interface DesignError {
  /** 1-based line and column in the text; 0 when the design was not read from text. */
  readonly line: number;
  readonly column: number;
  readonly part?: string;
  readonly param?: string;
  readonly message: string;
}

/** The zone of a part with no `zones` line: it runs somewhere, and losing that zone takes it. */
export const DEFAULT_ZONE = 'a';

/** A numeric parameter of a part, its default when not written. */
export function numberParam(part: Part, name: string): number {
  const value = part.params[name];
  if (typeof value === 'number') return value;
  const spec = PARAMS[part.kind][name];
  if (spec?.type !== 'number') throw new Error(`${part.kind} has no numeric parameter ${name}`);
  return spec.default;
}

/** A word parameter of a part, its default when not written. */
export function choiceParam(part: Part, name: string): string {
  const value = part.params[name];
  if (typeof value === 'string') return value;
  const spec = PARAMS[part.kind][name];
  if (spec?.type !== 'choice') throw new Error(`${part.kind} has no choice parameter ${name}`);
  return spec.default;
}

/** "line 4, column 3: …" when the error has a place in the text. */
export const errorText = (error: DesignError) =>
  error.line > 0 ? `line ${error.line}, column ${error.column}: ${error.message}` : error.message;
