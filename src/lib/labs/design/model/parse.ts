/**
 * The design text format: one block per part, a header line `<kind> <name>` at the start of a line and its
 * parameters indented under it (`  instances 4`, `  time 3 ms`, `  zones a b`), and one line per call
 * (`api calls db for writes async 50 %`). `#` starts a comment. docs/design-simulator.md has the whole grammar.
 * SHARED BY BUILD AND BROWSER CODE.
 */
import type { Call, CallFor, Design, DesignError } from './model.ts';
import { isPartKind, PARAMS, PART_KINDS, type PartKind } from './parts.ts';
import { convert, parseNumber, unitsFor } from './units.ts';
import { validateDesign, valueProblem } from './validate.ts';

interface Token {
  readonly text: string;
  readonly column: number;
}

interface OpenPart {
  kind: PartKind;
  name: string;
  params: Record<string, number | string>;
  zones: string[];
  line: number;
}

/** The words of a line with their 1-based columns, comments cut. */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  for (const match of line.replace(/#.*$/, '').matchAll(/\S+/g)) {
    tokens.push({ text: match[0], column: match.index + 1 });
  }
  return tokens;
}

/** A value and its unit from the words after a parameter's name: `20k req/s`, `5ms`, `90%`. */
function readNumber(words: readonly Token[]): { value: number; unit: string } | undefined {
  const [first, second] = words;
  if (!first || words.length > 2) return undefined;
  const whole = parseNumber(first.text);
  if (whole !== undefined) return { value: whole, unit: second?.text ?? '' };
  const joined = /^(\d[\d_]*(?:\.\d+)?)(\D\S*)$/.exec(first.text);
  const value = joined ? parseNumber(joined[1] ?? '') : undefined;
  return value === undefined || second ? undefined : { value, unit: joined?.[2] ?? '' };
}

type ErrorAt = (token: Token, message: string, param?: string) => void;

function readParam(part: OpenPart, tokens: readonly Token[], fail: ErrorAt) {
  const [name, ...words] = tokens as [Token, ...Token[]];
  if (name.text === 'zones') {
    if (words.length === 0) fail(name, `${part.kind} "${part.name}": zones needs at least one zone name`, 'zones');
    part.zones = words.map((word) => word.text);
    return;
  }
  const spec = PARAMS[part.kind][name.text];
  const value = words[0];
  if (!spec || !value) {
    const problem = spec ? `${name.text} needs a value` : valueProblem(part.kind, name.text, 0);
    return fail(name, `${part.kind} "${part.name}": ${problem ?? ''}`, name.text);
  }
  if (spec.type === 'choice') {
    const problem = words.length > 1 ? `${name.text} takes one word` : valueProblem(part.kind, name.text, value.text);
    if (problem) return fail(value, `${part.kind} "${part.name}": ${problem}`, name.text);
    part.params[name.text] = value.text;
    return;
  }
  const read = readNumber(words);
  const converted = read && convert(read.value, read.unit, spec.unit);
  if (converted === undefined) {
    const units = unitsFor(spec.unit).join(', ');
    const expected = spec.unit === '' ? 'a number' : `a number in ${units}`;
    return fail(value, `${part.kind} "${part.name}": ${name.text} takes ${expected}`, name.text);
  }
  const problem = valueProblem(part.kind, name.text, converted);
  if (problem) return fail(value, `${part.kind} "${part.name}": ${problem}`, name.text);
  part.params[name.text] = converted;
}

/** `a calls b [for reads|for writes] [to read] [async] [per follower] [N %]` */
function readCall(tokens: readonly Token[], line: number, fail: ErrorAt): Call | undefined {
  const [from, , to, ...rest] = tokens;
  if (!from || !to) return void fail(tokens[1] ?? tokens[0]!, 'a call reads "<part> calls <part>"');
  const call = { from: from.text, to: to.text, for: 'all' as CallFor, mode: 'sync' as 'sync' | 'async' };
  let share = 100;
  let perFollower = false;
  let toRead = false;
  for (let index = 0; index < rest.length; index += 1) {
    const word = rest[index]!;
    const next = rest[index + 1]?.text;
    if (word.text === 'for' && (next === 'reads' || next === 'writes')) {
      call.for = next;
      index += 1;
    } else if (word.text === 'to' && next === 'read') {
      toRead = true;
      index += 1;
    } else if (word.text === 'async' || word.text === 'sync') call.mode = word.text;
    else if (word.text === 'per' && next === 'follower') {
      perFollower = true;
      index += 1;
    } else if (readNumber(rest.slice(index, index + 2))?.unit === '%') {
      share = readNumber(rest.slice(index, index + 2))?.value ?? share;
      if (next === '%') index += 1;
    } else {
      const known = '"for reads", "for writes", "to read", "async", "per follower" or a share like "30 %"';
      return void fail(word, `${from.text} calls ${to.text}: "${word.text}" is not understood; write ${known}`);
    }
  }
  return { ...call, share, perFollower, ...(toRead ? { toRead } : {}), line };
}

/**
 * One parameter line read for a part of `kind` (`time 50 ms`, `hits 95 %`): its value in the parameter's unit, or
 * what is wrong with it. For facts a lab states outside a design (a lab's `measured` list).
 */
export function parseParam(kind: PartKind, line: string): { param: string; value?: number | string; error?: string } {
  const part: OpenPart = { kind, name: kind, params: {}, zones: [], line: 0 };
  const tokens = tokenize(`  ${line}`);
  let error: string | undefined;
  // The message without its part ("cdn "cdn": "): the line names no part.
  if (tokens.length > 0)
    readParam(part, tokens, (_token, message) => (error ??= message.replace(/^\S+ "[^"]*": /, '')));
  const param = tokens[0]?.text ?? '';
  const value = part.params[param];
  return value === undefined ? { param, error: error ?? 'no parameter' } : { param, value };
}

/**
 * Reads a design from its text. Returns the design when there is no error, and every error found (with its line
 * and column, the part and the parameter it is about) otherwise.
 */
export function parseDesign(text: string): { design?: Design; errors: DesignError[] } {
  const errors: DesignError[] = [];
  const parts: OpenPart[] = [];
  const calls: Call[] = [];
  let current: OpenPart | undefined;
  text.split(/\r?\n/).forEach((source, index) => {
    const line = index + 1;
    const fail: ErrorAt = (token, message, param) => {
      errors.push({
        line,
        column: token.column,
        message,
        ...(current ? { part: current.name } : {}),
        ...(param ? { param } : {}),
      });
    };
    const tokens = tokenize(source);
    const first = tokens[0];
    if (!first) return;
    if (tokens[1]?.text === 'calls') {
      current = undefined;
      const call = readCall(tokens, line, fail);
      if (call) calls.push(call);
    } else if (first.column > 1) {
      if (current) readParam(current, tokens, fail);
      else fail(first, 'a parameter line belongs under a part: write "<kind> <name>" on the line above');
    } else if (isPartKind(first.text) && tokens.length === 2) {
      current = { kind: first.text, name: tokens[1]!.text, params: {}, zones: [], line };
      parts.push(current);
    } else {
      current = undefined;
      fail(first, `a line starts a part ("${PART_KINDS.join('", "')}" and a name) or is a call ("a calls b")`);
    }
  });
  const design: Design = { parts, calls };
  errors.push(...validateDesign(design).filter((error) => error.param === undefined));
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return errors.length === 0 ? { design, errors } : { errors };
}
