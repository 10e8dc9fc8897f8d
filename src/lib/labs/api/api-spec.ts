/**
 * The shape of an API lab as its runners take it: the hidden tests' steps and expectations, and the languages a
 * handler may be written in. Its kind (`apiKind`) is one line of the registry, ../lab-kinds.ts.
 */
import type { ApiRunWords } from './api-words.ts';
import type { AnyLabSpec, HandlerRuntime, LabKindDefinition } from '../shared/lab-kind.ts';

/** One request of a hidden test: what is sent, what the answer must hold, what later steps take from it. */
export interface ApiRequestStep {
  /** "METHOD /path?query". */
  request: string;
  headers?: Record<string, string> | undefined;
  /** A string is sent as it is; anything else as JSON. */
  body?: unknown;
  expect?: ApiExpect | undefined;
  /**
   * name → "header <name>" or "json <dotted.path>": values later steps use as ${name}; or "response": the whole
   * response, which a later step's `expect.sameAs` compares with its own.
   */
  capture?: Record<string, string> | undefined;
  message?: string | undefined;
  /** Project contracts only: a header carrying an HMAC of the body as sent (src/lib/project-check/sign.ts). */
  sign?: RequestSignature | undefined;
}

/** How a request is signed, as webhook senders sign theirs: HMAC-SHA256 in hex, keyed with `secret`. */
export interface RequestSignature {
  header: string;
  secret: string;
  /** What is signed: `${body}` (the default), or with `${timestamp}` (seconds since 1970), as "${timestamp}.${body}". */
  signed?: string | undefined;
  /** The header's value: `${hmac}` (the default), e.g. "sha256=${hmac}" or "t=${timestamp},v1=${hmac}". */
  value?: string | undefined;
}

/**
 * One step of an API lab's hidden test: a request, requests sent at once (their statements interleaved,
 * api-interleave.ts), SQL another client runs, time passing, or a look at the data.
 */
export type ApiStep =
  | ApiRequestStep
  | { concurrent: ApiRequestStep[] }
  | { sql: string }
  | { advance: number }
  | { query: string; rows: unknown[]; message: string };

/** What a response must hold. */
export interface ApiExpect {
  status?: number | number[] | undefined;
  /** name → a regular expression the whole value matches (case-insensitive), or null: the header is absent. */
  headers?: Record<string, string | null> | undefined;
  /** The body parsed as JSON matches this (src/lib/labs/api/api-expect.ts: subset objects, `<any>`, `<absent>` …). */
  json?: unknown;
  /** A regular expression the raw body matches. */
  body?: string | undefined;
  /** A regular expression the raw body must not match (leaked internals). */
  bodyExcludes?: string | undefined;
  /** The most statements the request may run. */
  maxQueries?: number | undefined;
  /** A regular expression no statement the request ran matches, in its SQL or a parameter: input refused before the database. */
  queriesExclude?: string | undefined;
  /**
   * The name of an earlier step's `response` capture: this response must have the same status, Content-Type and
   * body (api-expect.ts `sameResponse`), as "not found" and "not yours" must when the task promises one answer.
   */
  sameAs?: string | undefined;
}

/**
 * What the task says of every response, held against each one (api-rules.ts). By status keys ("404", "4xx"): the
 * status's own value, else its class's.
 */
export interface ApiRules {
  /** Status → the media type (without parameters) every such response carries; 204 and 304 carry none. */
  contentType?: Record<string, string> | undefined;
  /** Every 4xx and 5xx is problem details: application/problem+json, a "title", and "status" equal to the response's. */
  problemDetails?: boolean | undefined;
  /** Every 401 carries WWW-Authenticate, matching this regular expression (case-insensitive). */
  wwwAuthenticate?: string | undefined;
  /** Status → a regular expression every such response's Cache-Control matches (case-insensitive). */
  cacheControl?: Record<string, string> | undefined;
}

export interface ApiTest {
  name: string;
  /** Data only this test has, run after the setup. */
  sql?: string | undefined;
  /** Settings only this test has: env.NAME values in place of the lab's, so a handler must read them, not the page. */
  env?: Record<string, string> | undefined;
  steps: ApiStep[];
}

/** The languages an API lab's handler may be written in: JavaScript or TypeScript in QuickJS, Python in Pyodide. */
export type ApiRuntime = HandlerRuntime;

export interface ApiLabSpec {
  id: string;
  language: 'http';
  /** Which engine runs the handler; the hidden requests are the same for both. */
  runtime: ApiRuntime;
  setup: string;
  /** Strings the handler reads as env.NAME. */
  env: Record<string, string>;
  /** Where the lab's clock starts (ISO 8601). */
  clock: string;
  /** What the task says of every response (api-rules.ts); none when it says nothing of the kind. */
  rules: ApiRules;
  requests: ApiTest[];
  /** What the tests say, in the page's language; English without it (api-words.ts). */
  words?: ApiRunWords | undefined;
}

/** An API lab's Python version: its own starter, solution and wrong answers, graded by the same requests. */
export interface PythonVersion {
  starter: string;
  solution: string;
  wrongAnswers: { why: string; code: string; race?: boolean | undefined }[];
}

/** The fields of a lab entry an API lab reads. */
export interface ApiFields {
  setup?: string | undefined;
  env?: Record<string, string> | undefined;
  clock?: string | undefined;
  requests?: ApiTest[] | undefined;
  rules?: ApiRules | undefined;
  /** The same task as an ASGI app in Python (src/schemas/lab.ts). */
  python?: PythonVersion | undefined;
}

/** Where an API lab's clock starts when the lab does not say. */
const DEFAULT_LAB_CLOCK = '2026-01-15T09:00:00Z';

/** Whether `spec` is an API lab's. */
export const isApiLab = (spec: AnyLabSpec): spec is ApiLabSpec => spec.language === 'http';

/** An API lab: its handler runs in JavaScript (QuickJS) unless `runtime` says Python (Pyodide with the ASGI host). */
export const apiKind: LabKindDefinition<ApiLabSpec, ApiFields> = {
  name: 'api',
  takes: ({ language }) => language === 'http',
  toSpec: (id, lab, runtime) => ({
    id,
    language: 'http',
    runtime,
    setup: lab.setup ?? '',
    env: lab.env ?? {},
    clock: lab.clock ?? DEFAULT_LAB_CLOCK,
    rules: lab.rules ?? {},
    requests: lab.requests ?? [],
  }),
  owns: isApiLab,
  worker: (spec) => (spec.runtime === 'python' ? 'api-python' : 'api'),
  engines: (spec) => ['pglite', spec.runtime === 'python' ? 'pyodide' : 'quickjs'],
  words: { answer: 'code', graders: 'tests' },
};
