/**
 * Checks a design: every value in its range, names unique, calls between parts that exist, one traffic part, no
 * loop of calls. Every error names the part and the parameter. SHARED BY BUILD AND BROWSER CODE.
 */
import type { Call, Design, DesignError, Part } from './model.ts';
import { PARAMS, type PartKind } from './parts.ts';
import { formatQuantity } from './units.ts';

const NAME = /^[A-Za-z][\w-]{0,39}$/;

/** What is wrong with `value` for parameter `param` of a part of this kind, or undefined when it is valid. */
export function valueProblem(kind: PartKind, param: string, value: number | string): string | undefined {
  const spec = PARAMS[kind][param];
  if (!spec) return `a ${kind} has no parameter "${param}" (it has ${Object.keys(PARAMS[kind]).join(', ')})`;
  if (spec.type === 'choice') {
    return typeof value === 'string' && spec.choices.includes(value)
      ? undefined
      : `${param} is one of ${spec.choices.join(', ')} (got ${String(value)})`;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${param} takes a number (got ${String(value)})`;
  if (spec.integer && !Number.isInteger(value)) return `${param} takes a whole number (got ${value})`;
  if (value < spec.min || value > spec.max) {
    const range = `${formatQuantity(spec.min, spec.unit)} to ${formatQuantity(spec.max, spec.unit)}`;
    return `${param} must be from ${range} (got ${formatQuantity(value, spec.unit)})`;
  }
  return undefined;
}

const at = (line: number, message: string, part?: string, param?: string): DesignError => ({
  line,
  column: 1,
  message,
  ...(part === undefined ? {} : { part }),
  ...(param === undefined ? {} : { param }),
});

function partErrors(parts: readonly Part[]): DesignError[] {
  const errors: DesignError[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    if (!NAME.test(part.name)) {
      errors.push(at(part.line, `"${part.name}" is not a name: start with a letter; letters, digits, - and _`));
    }
    if (seen.has(part.name)) errors.push(at(part.line, `two parts are named "${part.name}"`, part.name));
    seen.add(part.name);
    for (const [param, value] of Object.entries(part.params)) {
      const problem = valueProblem(part.kind, param, value);
      if (problem) errors.push(at(part.line, `${part.kind} "${part.name}": ${problem}`, part.name, param));
    }
  }
  const traffic = parts.filter((part) => part.kind === 'traffic');
  if (traffic.length !== 1) errors.push(at(0, `a design has one traffic part (it has ${traffic.length})`));
  return errors;
}

function entryErrors(design: Design): DesignError[] {
  const traffic = design.parts.find((part) => part.kind === 'traffic');
  if (!traffic || design.calls.some((call) => call.from === traffic.name)) return [];
  return [
    at(traffic.line, `traffic "${traffic.name}" calls no part: write "${traffic.name} calls <part>"`, traffic.name),
  ];
}

function callErrors(parts: readonly Part[], calls: readonly Call[]): DesignError[] {
  const byName = new Map(parts.map((part) => [part.name, part]));
  const errors: DesignError[] = [];
  for (const call of calls) {
    for (const end of [call.from, call.to]) {
      if (!byName.has(end)) errors.push(at(call.line, `${call.from} calls ${call.to}: no part is named "${end}"`, end));
    }
    if (byName.get(call.to)?.kind === 'traffic') {
      errors.push(at(call.line, `${call.from} calls ${call.to}: nothing calls the traffic part`, call.to));
    }
    if (!(call.share > 0 && call.share <= 100)) {
      errors.push(at(call.line, `${call.from} calls ${call.to}: the share must be over 0 and at most 100 %`));
    }
  }
  return errors;
}

/** A loop of calls (a calls b calls a) would never end: the first one found, as its names. */
function findLoop(calls: readonly Call[]): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const call of calls) next.set(call.from, [...(next.get(call.from) ?? []), call.to]);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'open') return [...path.slice(path.indexOf(name)), name];
    if (state.get(name) === 'done') return undefined;
    state.set(name, 'open');
    path.push(name);
    for (const to of next.get(name) ?? []) {
      const loop = visit(to);
      if (loop) return loop;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of next.keys()) {
    const loop = visit(name);
    if (loop) return loop;
  }
  return undefined;
}

/** Every problem in a design; empty when it can be simulated. */
export function validateDesign(design: Design): DesignError[] {
  const errors = [...partErrors(design.parts), ...callErrors(design.parts, design.calls), ...entryErrors(design)];
  const loop = findLoop(design.calls);
  if (loop) {
    const line = design.calls.find((call) => call.from === loop[0])?.line ?? 0;
    errors.push(at(line, `the calls go round in a loop: ${loop.join(' → ')}`, loop[0]));
  }
  return errors;
}
