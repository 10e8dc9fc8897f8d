/**
 * What a lab runner needs from a lab entry, as plain data: the page hands it to the lab's worker as JSON, and the
 * unit tests hand it to the same runners in Node. The content schema (src/schemas/lab.ts) documents each field.
 */
export const LAB_DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
/** `http`: an HTTP handler over Postgres, written in JavaScript or TypeScript (an API lab); `python`: a Python code
 * lab, or with a `setup` a Python database lab whose code talks to Postgres through an asyncpg-shaped `conn`.
 * `design`: a system design in the simulator's text format (src/lib/design/), graded by hidden scenarios in the page. */
export const LAB_LANGUAGES = ['sql', 'javascript', 'typescript', 'http', 'python', 'design'] as const;
export type LabLanguage = (typeof LAB_LANGUAGES)[number];
/** The kinds of lab a learner filters by: SQL on Postgres, code in a JavaScript engine, an HTTP API over Postgres, or
 * a system design run through a simulator. */
export const LAB_KINDS = ['sql', 'code', 'api', 'design'] as const;
export type LabKind = (typeof LAB_KINDS)[number];
export const labKind = (language: LabLanguage): LabKind =>
  language === 'sql' ? 'sql' : language === 'http' ? 'api' : language === 'design' ? 'design' : 'code';
export const LAB_KIND_LABEL: Record<LabKind, string> = {
  sql: 'SQL on Postgres',
  code: 'Code',
  api: 'HTTP API',
  design: 'System design',
};
/** The kinds whose runs need a lab engine in a worker (PGlite, QuickJS, Pyodide); a design lab runs the simulator. */
export type EngineLabKind = Exclude<LabKind, 'design'>;
/** The engine that runs a language, each in a worker of its own: PGlite, QuickJS, QuickJS over PGlite, Pyodide. */
export type LabEngine = EngineLabKind | 'python' | 'python-db';
/** A Python lab with a `setup` runs on Pyodide beside PGlite (`python-db`); a design lab has no engine. */
export const labEngine = (language: LabLanguage, setup?: string): LabEngine | 'design' =>
  language === 'python' ? (setup === undefined ? 'python' : 'python-db') : labKind(language);
export const LAB_LANGUAGE_LABEL: Record<LabLanguage, string> = {
  sql: 'SQL',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  http: 'HTTP handler',
  python: 'Python',
  design: 'System design',
};

/** Each lab's topics, for pages that mark passed labs (src/pages/labs/topics.json.ts). */
export const LAB_TOPICS_URL = '/labs/topics.json';

/** Longest a run may take before it is stopped, in milliseconds. */
export const RUN_LIMIT_MS = 5000;
/** API labs: longest one request may take, its statements included, in milliseconds. */
export const REQUEST_LIMIT_MS = 2000;
/** API labs: the memory of the engine that runs the handler, in megabytes; one request cannot take more. */
export const REQUEST_MEMORY_MB = 64;

/** Which limit stopped a run: the whole run's time, one request's time, or one request's memory. */
export type StopLimit = 'run' | 'request' | 'memory';

/** What a learner reads when they stopped a run (or a request) themselves: the host restarts the engine then too. */
export const LEARNER_STOPPED =
  'You stopped it before it finished, so it was not checked to its end. The engine was restarted.';

/** What a learner reads when a run is stopped, naming the limit that stopped it: one wording for the engine and the host. */
export function stoppedMessage(what: 'code' | 'statements', limit: StopLimit = 'run'): string {
  if (limit === 'memory')
    return `Stopped: your handler used all the memory one request may use (${REQUEST_MEMORY_MB} MB). Look for something that grows without end (a loop that keeps adding to a list, a string that keeps doubling).`;
  if (limit === 'request')
    return `Stopped after ${REQUEST_LIMIT_MS / 1000} seconds, the limit of one request: your handler, or a statement Postgres ran for it, was still running. Look for a loop that never ends, a promise chain that keeps going, or a statement that waits or scans far too much (pg_sleep, a huge generate_series).`;
  return `Stopped after ${RUN_LIMIT_MS / 1000} seconds, the limit of one run: your ${what === 'code' ? 'code was' : 'statements were'} still running. Look for work that never ends (a loop whose condition stays true, a recursive query without a stopping condition) or grows too fast (a scan of a list inside a loop).`;
}

/** Characters of one value, log line or message kept for display: a 50 MB string must not reach the page. */
const SHOWN_CHARS = 2000;

/** A text cut to SHOWN_CHARS, saying how much was left out. */
export const clip = (text: string): string =>
  text.length > SHOWN_CHARS
    ? `${text.slice(0, SHOWN_CHARS)}… (${(text.length - SHOWN_CHARS).toLocaleString('en')} more characters)`
    : text;

export type SqlCheck =
  | {
      type: 'result';
      name: string;
      ordered: boolean;
      /** The rule of the task the rows follow, added to a failure. */
      rule?: string | undefined;
      /** Kinds of rows a failure names: `sql` returns the leading columns of the result rows of that kind. */
      probes?: { label: string; sql: string }[] | undefined;
    }
  | { type: 'state' | 'assert' | 'accepts'; name: string; sql: string; message: string }
  | {
      type: 'plan';
      name: string;
      /** The query whose plan is read; without it, the learner's own last query. */
      sql?: string | undefined;
      includes?: string | undefined;
      excludes?: string | undefined;
      message: string;
    }
  | { type: 'rejects'; name: string; sql: string; sqlstate?: string | undefined; message: string }
  | IndexCheck;

/** An index the catalog must hold on a table, whatever its name: its leading keys, columns, predicate and method. */
export interface IndexCheck {
  type: 'index';
  name: string;
  /** A table in schema public. */
  table: string;
  /** Leading key columns as Postgres prints them ("customer_id", "created_at DESC", "lower(email)"). */
  keys: string[];
  /** Columns the index must also hold, as keys or INCLUDE columns. */
  include?: string[] | undefined;
  /** A regular expression the whole predicate must match; without it, a partial index does not count. */
  where?: string | undefined;
  unique?: boolean | undefined;
  /** The access method: btree, gin, gist, hash, brin. */
  using?: string | undefined;
  message: string;
}

/** A dataset the learner never sees: SQL run after the setup, so an answer right by accident on the seed fails. */
interface SqlVariant {
  /** What is special about it, completing "With …": "a tie for third place". */
  case: string;
  sql: string;
}

export interface SqlLabSpec {
  id: string;
  language: 'sql';
  setup: string;
  solution: string;
  checks: SqlCheck[];
  variants: SqlVariant[];
}

export interface CodeLabSpec {
  id: string;
  language: 'javascript' | 'typescript';
  tests: string;
}

export type {
  ApiExpect,
  ApiLabSpec,
  ApiRequestStep,
  ApiRuntime,
  ApiStep,
  ApiTest,
  RequestSignature,
} from './api-spec.ts';
import type { ApiLabSpec, ApiRules, ApiRuntime, ApiTest } from './api-spec.ts';

export interface PythonLabSpec {
  id: string;
  language: 'python';
  /** A Python script of @test functions using the harness's names (src/lib/labs/python/helpers.py). */
  tests: string;
  /** The lab's solution, which runs first where the tests `observe` values (python-observed.ts). */
  reference?: string;
}

export type LabSpec = SqlLabSpec | CodeLabSpec | ApiLabSpec | PythonLabSpec | PythonDbLabSpec;

/** A Python lab with a database: its code gets an asyncpg-shaped `conn` (src/lib/labs/python-db-lab.ts). */
export const isPythonDbLab = (spec: LabSpec): spec is PythonDbLabSpec => spec.language === 'python' && 'setup' in spec;

import type { PythonDbLabSpec } from './python-db-lab.ts';
export type { PythonDbLabSpec };

export type {
  CheckResult,
  ConcurrentExchange,
  HttpExchange,
  HttpRequestData,
  HttpResponseData,
  LabRun,
  QueryRecord,
  ResultTable,
  RunError,
  StatementOutput,
} from './lab-run.ts';

/** The fields of a lab entry the runners use (a parsed entry of the labs collection has them all). */
export interface LabFields {
  language: LabLanguage;
  setup?: string | undefined;
  solution: string;
  checks?: SqlCheck[] | undefined;
  variants?: SqlVariant[] | undefined;
  tests?: string | undefined;
  env?: Record<string, string> | undefined;
  clock?: string | undefined;
  requests?: ApiTest[] | undefined;
  rules?: ApiRules | undefined;
  /** Design labs: the hidden scenarios (src/lib/labs/design-grade.ts runs them). */
  scenarios?: unknown[] | undefined;
  /** API labs: the same task as an ASGI app in Python (src/schemas/lab.ts). */
  python?: PythonVersion | undefined;
}

/** An API lab's Python version: its own starter, solution and wrong answers, graded by the same requests. */
export interface PythonVersion {
  starter: string;
  solution: string;
  wrongAnswers: { why: string; code: string; race?: boolean | undefined }[];
}

/** Where an API lab's clock starts when the lab does not say. */
const DEFAULT_LAB_CLOCK = '2026-01-15T09:00:00Z';

/**
 * A lab entry as the runners take it. The schema guarantees an SQL lab has setup and checks, a code lab tests. An API
 * lab's handler runs in JavaScript unless `runtime` says Python.
 */
export function toLabSpec(id: string, lab: LabFields, runtime: ApiRuntime = 'javascript'): LabSpec {
  if (lab.language === 'design') throw new Error(`${id}: a design lab runs in the simulator, not on a lab engine`);
  if (lab.language === 'sql')
    return {
      id,
      language: 'sql',
      setup: lab.setup ?? '',
      solution: lab.solution,
      checks: lab.checks ?? [],
      variants: lab.variants ?? [],
    };
  if (lab.language === 'http')
    return {
      id,
      language: 'http',
      runtime,
      setup: lab.setup ?? '',
      env: lab.env ?? {},
      clock: lab.clock ?? DEFAULT_LAB_CLOCK,
      rules: lab.rules ?? {},
      requests: lab.requests ?? [],
    };
  if (lab.language === 'python' && lab.setup !== undefined)
    return { id, language: 'python', setup: lab.setup, tests: lab.tests ?? '' };
  if (lab.language === 'python') return { id, language: 'python', tests: lab.tests ?? '', reference: lab.solution };
  return { id, language: lab.language, tests: lab.tests ?? '' };
}
