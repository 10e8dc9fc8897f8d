/**
 * A project's contract as the checker reads it (content/contracts/<project>.yaml, schema in src/schemas/contract.ts):
 * the OpenAPI 3.1 document the learner builds against, the keys no response may carry, and the brief's milestones,
 * each a named set of checks. A check is a request test (src/lib/labs/api/api-test.ts) with steps the checker adds:
 * requests sent at once whose statuses are judged together, and a restart of the learner's server.
 * IMPORTED IN BOTH NODE (the checker) AND BROWSER CODE (the result link): plain types, no Node.
 */
import type { ApiRequestStep, ApiStep } from '../labs/api/index.ts';

/** Requests sent at once whose statuses, taken together, must be exactly these (one 201 and one 409: one winner). */
export interface TogetherStep {
  together: ApiRequestStep[];
  statuses: number[];
  message: string;
}

/** The learner stops their server and starts it again; the checker waits until they say it is back. */
export interface RestartStep {
  restart: string;
}

/** Real time passing, in seconds (a rate limit's window refilling, a short-lived token running out): 5 at most. */
export interface WaitStep {
  wait: number;
}

/** The upstream stand-in from now on: answering, failing with 503, or too slow to wait for. */
export interface UpstreamStep {
  upstream: UpstreamMode;
}

/** How many requests the upstream stand-in has had in this check (to `path`, when given): a cache is judged by it. */
export interface UpstreamCallsStep {
  upstreamCalls: number;
  path?: string | undefined;
  message: string;
}

export type ContractStep = ApiStep | TogetherStep | RestartStep | WaitStep | UpstreamStep | UpstreamCallsStep;

export type UpstreamMode = 'up' | 'down' | 'slow';

/**
 * A third-party service the project calls (a weather provider), played by the checker on loopback: the learner
 * starts their server with `env` set to the stand-in's URL. Each route answers with its body, where `${query.name}`
 * is the request's query parameter; anything else is a 404.
 */
export interface Upstream {
  /** The environment variable the learner's server reads the provider's base URL from. */
  env: string;
  /** What the stand-in plays, for the learner: "a weather provider shaped like Open-Meteo's forecast API". */
  description: string;
  routes: { request: string; status?: number | undefined; body: unknown }[];
}

export interface ContractCheck {
  /** What the check shows, in a sentence: "Another user's task is answered 404". */
  name: string;
  /** The rule it holds the server to, shown when it fails. */
  rule: string;
  /** The topic that teaches it: /topics/<id>/. */
  topic: string;
  /** Named step lists from `given` that run first (signing a user up and in). */
  given: string[];
  steps: ContractStep[];
}

interface ContractMilestone {
  /** The brief's milestone, in its words. */
  title: string;
  /** What here no request can show (tests the learner writes, a README), and why: all of it when there are no checks. */
  unchecked?: string | undefined;
  checks: ContractCheck[];
}

/** A clause of the brief's "Done when" and the checks that show it. */
interface DoneWhen {
  clause: string;
  checks: string[];
  /** Why no request can show this clause, when that is so. */
  unchecked?: string | undefined;
}

export interface Contract {
  /** The project's id. */
  project: string;
  /** JSON keys no response may carry anywhere in its body, in any case: secrets that never leave the server. */
  secrets: string[];
  /** The OpenAPI 3.1 document. */
  openapi: OpenApiDocument;
  given: Record<string, ContractStep[]>;
  /** The third-party service the project calls, when it calls one. */
  upstream?: Upstream | undefined;
  milestones: ContractMilestone[];
  doneWhen: DoneWhen[];
}

/** The parts of an OpenAPI 3.1 document the checker reads. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> };
}

export interface OpenApiOperation {
  summary?: string;
  description?: string;
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: unknown }> };
  responses: Record<string, OpenApiResponse | { $ref: string }>;
  security?: Record<string, string[]>[];
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { required?: boolean; description?: string; schema?: unknown }>;
  content?: Record<string, { schema?: unknown }>;
}

/** The HTTP methods an OpenAPI path item may hold. */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
