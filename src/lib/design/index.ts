/**
 * The design simulator's public API: read and write a design's text, check it, draw it, simulate scenarios on it
 * and grade them. Everything else in this folder is internal. Pure TypeScript, no DOM and no Node: it runs in the
 * page (in a worker), in the build and in the unit tests. docs/design-simulator.md explains the models, their
 * defaults and their sources. SHARED BY BUILD AND BROWSER CODE.
 *
 * @example
 * const { design, errors } = parseDesign(text);
 * if (design) {
 *   const result = simulate(design, { name: 'steady', duration: 60, rate: 20_000 }, { seed: 1 });
 *   console.log(result.totals.p99, result.parts.map((part) => part.peakUtilisation));
 * }
 */

/** The model: parts, calls, and errors that name the part and the parameter. */
export type { Call, CallFor, Design, DesignError, Part } from './model.ts';
/** Every kind of part and every parameter with its unit, range and default: build a form from it. */
export {
  PARAMS,
  PART_KINDS,
  type ChoiceSpec,
  type NumberSpec,
  type ParamSpec,
  type PartKind,
  type Unit,
} from './parts.ts';
/** `line 4, column 3: message` for an error with a place in the text. */
export { errorText } from './model.ts';
/** Reads the text format; returns the design, or every error with its line and column. */
export { parseDesign, parseParam } from './parse.ts';
/** How a value is written back: `20000 req/s`, `3 ms`. */
export { formatQuantity } from './units.ts';
/** Writes a design as text; parseDesign(formatDesign(d)) gives d back (lines aside). */
export { formatDesign } from './format.ts';
/** Every problem of a design built in code (parseDesign already runs it). */
export { validateDesign } from './validate.ts';
/** Nodes and edges to draw, and Mermaid flowchart source. */
export { designGraph, designMermaid, type DesignGraph, type GraphEdge, type GraphNode } from './graph.ts';
/** Scenarios: profile, faults, duration, goals. */
export type { Fault, Goal, Profile, Scenario } from './scenario.ts';
/** Runs a scenario on a design, deterministic for a seed. */
export { simulate, DEFAULT_HOP, type SimOptions } from './simulate.ts';
export type { PartReport, SimResult, Totals, WindowRow } from './report.ts';
export type { CostLine } from './cost.ts';
/** Grades a design on scenarios: a verdict per goal; a failure names the scenario, the number and where the time went. */
export { gradeScenario, gradeScenarios, judge, type GoalVerdict, type ScenarioVerdict } from './grade.ts';
/** Goals in the words the page states them, and the rules every scenario holds a design to. */
export { goalText, observedText, STANDING_RULES } from './goals.ts';
/** How the monthly bill is made, in words for the lab page. */
export { COST_RULES } from './cost.ts';
/** The "where the time went" lines of a run, for a result shown without goals. */
export { whereTimeWent } from './explain.ts';
/** Runs larger than this many requests are sampled (SimOptions.sample). */
export { SAMPLE_BUDGET } from './sample.ts';
/** Why a request failed: errors, then drops. */
export { REASONS, DROP_REASONS, type Reason } from './metrics.ts';
