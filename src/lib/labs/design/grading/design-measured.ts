/**
 * The numbers a design lab states as facts, which a design may not change: the traffic (the scenarios are about
 * it), every starter line marked `# measured`, every price (`cost`), and the lab's `measured` list for parts the
 * starter lacks (a CDN's hit ratio). A design that meets the scenarios by changing them changes reality, not the
 * design, so the run stops at them as at any problem in the text. SHARED BY BUILD AND BROWSER CODE.
 */
import { errorText, type Design, type DesignError, type Part } from '../model/model.ts';
import { formatQuantity } from '../model/units.ts';
import { PARAMS, type PartKind } from '../model/parts.ts';
import { parseDesign, parseParam } from '../model/parse.ts';

export { MEASURED_FAILS } from '../../../../core/labs.ts';
/** The end of every message about a changed fact. */
export const FACT_NOTE = 'It is a fact of this lab: change the design around it, not the number.';

/** What the facts are read from: the lab's starter and its `measured` list (`<kind> <param> <value>`). */
export interface MeasuredSource {
  starter: string;
  measured?: readonly string[] | undefined;
}

interface Fact {
  param: string;
  value: number | string;
  /** Why it is fixed, in the message: "is measured at", "is the lab's traffic,", "is the list price,". */
  says: string;
}

/** A starter part and the facts it carries. */
interface Held {
  part: Part;
  facts: Fact[];
}

const MEASURED = /#\s*measured\b/i;

const valueOf = (part: Part, param: string) => part.params[param] ?? PARAMS[part.kind][param]?.default ?? '';

function shown(kind: PartKind, param: string, value: number | string) {
  const spec = PARAMS[kind][param];
  if (spec?.type !== 'number' || typeof value !== 'number') return String(value);
  // Seconds read better than thousands of milliseconds: a transcode "takes 2 s", not "2000 ms".
  return spec.unit === 'ms' && value >= 1000 ? formatQuantity(value / 1000, 's') : formatQuantity(value, spec.unit);
}

const same = (a: number | string, b: number | string) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;

/** The lines of a part's block (its header's next line up to the next line at the start of a line). */
function blockLines(lines: readonly string[], part: Part): { index: number; text: string }[] {
  const block = [];
  for (let index = part.line; index < lines.length && !/^\S/.test(lines[index] ?? ''); index++)
    block.push({ index, text: lines[index] ?? '' });
  return block;
}

/** The facts of the starter's parts: traffic whole, lines marked `# measured`, and the price of each. */
function starterFacts(starter: string): Held[] {
  const { design } = parseDesign(starter);
  if (!design) return [];
  const lines = starter.split(/\r?\n/);
  return design.parts.map((part) => {
    if (part.kind === 'traffic')
      return { part, facts: Object.keys(PARAMS.traffic).map((param) => trafficFact(part, param)) };
    const marked = blockLines(lines, part)
      .filter((line) => MEASURED.test(line.text))
      .map((line) => /^\s+([\w-]+)/.exec(line.text)?.[1] ?? '')
      .filter((param) => param in PARAMS[part.kind] && !ALWAYS.some((fact) => fact.param === param));
    const facts = marked.map((param) => ({ param, value: valueOf(part, param), says: 'is measured at' }));
    for (const { param, says } of ALWAYS)
      if (param in PARAMS[part.kind]) facts.push({ param, value: valueOf(part, param), says });
    return { part, facts };
  });
}

/**
 * The facts every part carries, marked or not: its price; which parts hold the lab's data (what the lab is about: a
 * service does not start holding it by saying so); and how much its times vary (a property of the work: a design that
 * made a database's queries all take their mean would pass on a calmer reality).
 */
const ALWAYS = [
  { param: 'cost', says: 'is the list price,' },
  { param: 'holds', says: 'is what the lab says this part holds:' },
  { param: 'spread', says: 'is how much the work varies, measured at' },
] as const;
const trafficFact = (part: Part, param: string): Fact => ({
  param,
  value: valueOf(part, param),
  says: "is the lab's traffic,",
});

/** The lab's `measured` list, by kind of part: facts for every part of that kind. */
function kindFacts(measured: readonly string[]): Map<string, Fact[]> {
  const byKind = new Map<string, Fact[]>();
  for (const line of measured) {
    const [kind = '', ...rest] = line.trim().split(/\s+/);
    if (!(kind in PARAMS)) continue;
    const { param, value } = parseParam(kind as PartKind, rest.join(' '));
    if (value !== undefined) byKind.set(kind, [...(byKind.get(kind) ?? []), { param, value, says: 'is measured at' }]);
  }
  return byKind;
}

/** Where a parameter of a part is written in the learner's text: its line and value's column, or the part's header. */
function placeOf(lines: readonly string[], part: Part, param: string) {
  const written = blockLines(lines, part).find((line) => new RegExp(`^\\s+${param}\\s`).test(`${line.text} `));
  if (!written) return { line: part.line, column: 1 };
  const column = (/^\s+[\w-]+\s+/.exec(written.text)?.[0].length ?? 0) + 1;
  return { line: written.index + 1, column };
}

function broken(part: Part, facts: readonly Fact[], lines: readonly string[], like?: string): DesignError[] {
  return facts
    .filter((fact) => !same(valueOf(part, fact.param), fact.value))
    .map((fact) => {
      const has = part.params[fact.param];
      const what = shown(part.kind, fact.param, fact.value);
      const yours =
        has === undefined
          ? `left out, so it is the default ${shown(part.kind, fact.param, valueOf(part, fact.param))}`
          : `not ${shown(part.kind, fact.param, has)}`;
      const source = like ? ` (as "${like}" in the starter)` : '';
      return {
        ...placeOf(lines, part, fact.param),
        part: part.name,
        param: fact.param,
        message: `${part.kind} "${part.name}": ${fact.param} ${fact.says} ${what}${source}, ${yours}. ${FACT_NOTE}`,
      };
    });
}

/**
 * A part the starter lacks takes the facts of the starter's part of its kind it differs least from; with none, the
 * defaults of the facts every part carries, but for those the lab's `measured` list gives its kind (`kinds`).
 */
function newPartProblems(part: Part, held: readonly Held[], lines: readonly string[], kinds: readonly Fact[]) {
  const candidates = held.filter((h) => h.part.kind === part.kind);
  if (candidates.length === 0) {
    const defaults = ALWAYS.flatMap(({ param, says }) => {
      const spec = PARAMS[part.kind][param];
      return spec && !kinds.some((fact) => fact.param === param) ? [{ param, value: spec.default, says }] : [];
    });
    return broken(part, defaults, lines);
  }
  const tries = candidates.map((h) => broken(part, h.facts, lines, h.part.name));
  return tries.reduce((best, errors) => (errors.length < best.length ? errors : best));
}

/**
 * Whether a part hands the work a kind's fact measures ("queue time 50 ms": the work of a report, wherever it runs)
 * on, directly or through other parts, to one that does it: a starter part measured doing it (a queue whose workers
 * call the reports service), or a part of the same kind that keeps the fact (a download stage whose pages go to a
 * parsing stage). Such a part need not keep the fact itself.
 */
function handsOn(design: Design, held: readonly Held[], part: Part, fact: Fact): boolean {
  const doesIt = (name: string) =>
    held.some(
      (h) => h.part.name === name && h.facts.some((f) => f.param === fact.param && same(f.value, fact.value)),
    ) || design.parts.some((p) => p.name === name && p.kind === part.kind && same(valueOf(p, fact.param), fact.value));
  const seen = new Set([part.name]);
  const next = [part.name];
  for (let from = next.pop(); from !== undefined; from = next.pop())
    for (const call of design.calls)
      if (call.from === from && !seen.has(call.to)) {
        if (doesIt(call.to)) return true;
        seen.add(call.to);
        next.push(call.to);
      }
  return false;
}

/**
 * Every measured number, traffic figure or price the learner's design changed, each naming its line, the lab's value
 * and the learner's. Empty for a design that keeps them.
 */
export function measuredProblems(design: Design, text: string, source: MeasuredSource): DesignError[] {
  const held = starterFacts(source.starter);
  const byKind = kindFacts(source.measured ?? []);
  const lines = text.split(/\r?\n/);
  const errors: DesignError[] = [];
  for (const part of design.parts) {
    const own =
      part.kind === 'traffic'
        ? held.find((h) => h.part.kind === 'traffic')
        : held.find((h) => h.part.name === part.name && h.part.kind === part.kind);
    const kinds = byKind.get(part.kind) ?? [];
    errors.push(...(own ? broken(part, own.facts, lines) : newPartProblems(part, held, lines, kinds)));
    errors.push(
      ...broken(
        part,
        kinds.filter((fact) => !handsOn(design, held, part, fact)),
        lines,
      ),
    );
  }
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The learner's design read from its text, or its problems in words: errors in the text, then any measured number,
 * traffic figure or price it changed. The page lists them as the learner types.
 */
export function designProblems(lab: MeasuredSource, text: string): { design?: Design; problems: string[] } {
  const { design, errors } = parseDesign(text);
  if (!design) return { problems: errors.map(errorText) };
  const changed = measuredProblems(design, text, lab).map(errorText);
  return changed.length > 0 ? { problems: changed } : { design, problems: [] };
}

/** What is wrong with a line of a lab's `measured` list (`cdn hits 95 %`), or undefined: it reads as the design's own. */
export function measuredLineProblem(line: string): string | undefined {
  const [kind = '', ...rest] = line.trim().split(/\s+/);
  if (!(kind in PARAMS)) return `"${kind}" is not a kind of part (${Object.keys(PARAMS).join(', ')})`;
  return parseParam(kind as PartKind, rest.join(' ')).error;
}
