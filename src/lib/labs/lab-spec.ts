/**
 * What a lab runner needs from a lab entry, as plain data: the page hands it to the lab's worker as JSON, and the
 * unit tests hand it to the same runners in Node. The content schema (src/schemas/lab.ts) documents each field.
 */
export const LAB_DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export type LabDifficulty = (typeof LAB_DIFFICULTIES)[number];
/** `http`: an HTTP handler over Postgres, written in JavaScript or TypeScript (an API lab); `python`: a Python code
 * lab, or with a `setup` a Python database lab whose code talks to Postgres through an asyncpg-shaped `conn`. */
export const LAB_LANGUAGES = ['sql', 'javascript', 'typescript', 'http', 'python'] as const;
export type LabLanguage = (typeof LAB_LANGUAGES)[number];
/** The kinds of lab a learner filters by: SQL on Postgres, code in a JavaScript engine, or an HTTP API over Postgres. */
export const LAB_KINDS = ['sql', 'code', 'api'] as const;
export type LabKind = (typeof LAB_KINDS)[number];
export const labKind = (language: LabLanguage): LabKind =>
  language === 'sql' ? 'sql' : language === 'http' ? 'api' : 'code';
export const LAB_KIND_LABEL: Record<LabKind, string> = { sql: 'SQL on Postgres', code: 'Code', api: 'HTTP API' };
/** The engine that runs a language, each in a worker of its own: PGlite, QuickJS, QuickJS over PGlite, Pyodide. */
export type LabEngine = LabKind | 'python' | 'python-db';
/** A Python lab with a `setup` runs on Pyodide beside PGlite (`python-db`). */
export const labEngine = (language: LabLanguage, setup?: string): LabEngine =>
  language === 'python' ? (setup === undefined ? 'python' : 'python-db') : labKind(language);
export const LAB_LANGUAGE_LABEL: Record<LabLanguage, string> = {
  sql: 'SQL',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  http: 'HTTP handler',
  python: 'Python',
};

/** Each lab's topics, for pages that mark passed labs (src/pages/labs/topics.json.ts). */
export const LAB_TOPICS_URL = '/labs/topics.json';

/** Longest a run may take before it is stopped, in milliseconds. */
export const RUN_LIMIT_MS = 5000;

/** What a learner reads when a run is stopped: one wording for the engine's own stop and the page's. */
export const stoppedMessage = (what: 'code' | 'statements') =>
  `Stopped after ${RUN_LIMIT_MS / 1000} seconds: your ${what === 'code' ? 'code was' : 'statements were'} still running. Look for work that never ends (a loop whose condition stays true, a recursive query without a stopping condition) or grows too fast (a scan of a list inside a loop).`;

/** Characters of one value, log line or message kept for display: a 50 MB string must not reach the page. */
export const SHOWN_CHARS = 2000;

/** A text cut to SHOWN_CHARS, saying how much was left out. */
export const clip = (text: string): string =>
  text.length > SHOWN_CHARS
    ? `${text.slice(0, SHOWN_CHARS)}… (${(text.length - SHOWN_CHARS).toLocaleString('en')} more characters)`
    : text;

export type SqlCheck =
  | { type: 'result'; name: string; ordered: boolean; hint?: string | undefined }
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
export interface SqlVariant {
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

/** One step of an API lab's hidden test: a request, SQL another client runs, time passing, or a look at the data. */
export type ApiStep =
  | {
      /** "METHOD /path?query". */
      request: string;
      headers?: Record<string, string> | undefined;
      /** A string is sent as it is; anything else as JSON. */
      body?: unknown;
      expect?: ApiExpect | undefined;
      /** name → "header <name>" or "json <dotted.path>": values later steps use as ${name}. */
      capture?: Record<string, string> | undefined;
      message?: string | undefined;
    }
  | { sql: string }
  | { advance: number }
  | { query: string; rows: unknown[]; message: string };

/** What a response must hold. */
export interface ApiExpect {
  status?: number | number[] | undefined;
  /** name → a regular expression the whole value matches (case-insensitive), or null: the header is absent. */
  headers?: Record<string, string | null> | undefined;
  /** The body parsed as JSON matches this (src/lib/labs/api-expect.ts: subset objects, `<any>`, `<absent>` …). */
  json?: unknown;
  /** A regular expression the raw body matches. */
  body?: string | undefined;
  /** A regular expression the raw body must not match (leaked internals). */
  bodyExcludes?: string | undefined;
  /** The most statements the request may run. */
  maxQueries?: number | undefined;
}

export interface ApiTest {
  name: string;
  /** Data only this test has, run after the setup. */
  sql?: string | undefined;
  steps: ApiStep[];
}

/** The languages an API lab's handler may be written in: JavaScript or TypeScript in QuickJS, Python in Pyodide. */
export type ApiRuntime = 'javascript' | 'python';

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
  requests: ApiTest[];
}

export interface PythonLabSpec {
  id: string;
  language: 'python';
  /** A Python script of @test functions using the harness's names (src/lib/labs/python/helpers.py). */
  tests: string;
}

export type LabSpec = SqlLabSpec | CodeLabSpec | ApiLabSpec | PythonLabSpec | PythonDbLabSpec;

/** A Python lab with a database: its code gets an asyncpg-shaped `conn` (src/lib/labs/python-db-lab.ts). */
export const isPythonDbLab = (spec: LabSpec): spec is PythonDbLabSpec => spec.language === 'python' && 'setup' in spec;

import type { PythonDbLabSpec } from './python-db-lab.ts';
export type { PythonDbLabSpec };

export type {
  CheckResult,
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
  /** API labs: the same task as an ASGI app in Python (src/schemas/lab.ts). */
  python?: PythonVersion | undefined;
}

/** An API lab's Python version: its own starter, solution and wrong answers, graded by the same requests. */
export interface PythonVersion {
  starter: string;
  solution: string;
  wrongAnswers: { why: string; code: string }[];
}

/** Where an API lab's clock starts when the lab does not say. */
export const DEFAULT_LAB_CLOCK = '2026-01-15T09:00:00Z';

/**
 * A lab entry as the runners take it. The schema guarantees an SQL lab has setup and checks, a code lab tests. An API
 * lab's handler runs in JavaScript unless `runtime` says Python.
 */
export function toLabSpec(id: string, lab: LabFields, runtime: ApiRuntime = 'javascript'): LabSpec {
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
      requests: lab.requests ?? [],
    };
  if (lab.language === 'python' && lab.setup !== undefined)
    return { id, language: 'python', setup: lab.setup, tests: lab.tests ?? '' };
  if (lab.language === 'python') return { id, language: 'python', tests: lab.tests ?? '' };
  return { id, language: lab.language, tests: lab.tests ?? '' };
}
