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
export type { Call, CallFor, Design, DesignError, Part } from './model/model.ts';
/** Every kind of part and every parameter with its unit, range and default: build a form from it. */
export {
  PARAMS,
  PART_KINDS,
  ZONE_SPANNING_KINDS,
  type ChoiceSpec,
  type NumberSpec,
  type ParamSpec,
  type PartKind,
  type Unit,
} from './model/parts.ts';
/** `line 4, column 3: message` for an error with a place in the text. */
export { errorText } from './model/model.ts';
/** Reads the text format; returns the design, or every error with its line and column. */
export { parseDesign, parseParam } from './model/parse.ts';
/** How a value is written back: `20000 req/s`, `3 ms`. */
export { formatQuantity } from './model/units.ts';
/** Writes a design as text; parseDesign(formatDesign(d)) gives d back (lines aside). */
export { formatDesign } from './model/format.ts';
/** Every problem of a design built in code (parseDesign already runs it). */
export { validateDesign } from './model/validate.ts';
/** Nodes and edges to draw, and Mermaid flowchart source. */
export { designGraph, designMermaid, type DesignGraph, type GraphEdge, type GraphNode } from './model/graph.ts';
/** Scenarios: profile, faults, duration, goals. */
export type { Fault, Goal, Profile, Scenario } from './simulator/scenario.ts';
/** Runs a scenario on a design, deterministic for a seed. */
export { simulate, DEFAULT_HOP, type SimOptions } from './simulator/simulate.ts';
export type { PartReport, SimResult, Totals, WindowRow } from './simulator/report.ts';
export type { CostLine } from './simulator/cost.ts';
/** Grades a design on scenarios: a verdict per goal; a failure names the scenario, the number and where the time went. */
export { gradeScenario, gradeScenarios, judge, type GoalVerdict, type ScenarioVerdict } from './grading/grade.ts';
/** Goals in the words the page states them, and the rules every scenario holds a design to. */
export { goalText, observedText, STANDING_RULES, trafficText } from './grading/goals.ts';
/** The API-and-data-model step: routes and SQL checked by structure against what the task needs. */
export {
  checkApiModel,
  modelProblems,
  splitModel,
  type ApiModelSpec,
  type ApiModelVerdict,
  type NeedVerdict,
} from './grading/api-model.ts';
export { readTables } from './grading/sql-shapes.ts';
/** How the monthly bill is made, in words for the lab page. */
export { COST_RULES } from './simulator/cost.ts';
/** The "where the time went" lines of a run, for a result shown without goals. */
export { whereTimeWent } from './grading/explain.ts';
/** Runs larger than this many requests are sampled (SimOptions.sample). */
export { SAMPLE_BUDGET } from './simulator/sample.ts';
/** Why a request failed: errors, then drops. */
export { REASONS, DROP_REASONS, type Reason } from './simulator/metrics.ts';
export { checkDesignLab, describeDesignCheck } from './grading/design-check.ts';
export { describeDesign, designDiagram } from './view/diagram.ts';
export { toElement, toMarkup } from './view/svg-tree.ts';
export {
  type DesignDraft,
  type DesignEstimate,
  ESTIMATE_TRIES,
  estimateVerdict,
  formatAmount,
  gradeEstimate,
  readDraft,
  writeDraft,
} from './grading/design-steps.ts';
export { type DesignOutcome, type OutcomeRow, outcomeSummary, type ScenarioOutcome } from './grading/design-outcome.ts';
export { type ChartSpec, formatValue, lineChart } from './view/line-chart.ts';
export { designProblems, measuredLineProblem } from './grading/design-measured.ts';
export { aimFaults, type LabScenario, runScenario, unaimedFaults } from './grading/design-grade.ts';
export { serveDesignLabs } from './design-server.ts';
export { type DesignFields, designKind, type DesignLabSpec } from './design-spec.ts';
