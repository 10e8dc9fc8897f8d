/**
 * What every kind of lab shares, as plain data and words: the languages and the practice they count as, the limits of
 * a run and how a stop is told, and a run's result (lab-run.ts). Each kind's own spec is in its folder (sql/, code/,
 * api/, python/, design/), their union in ../lab-kinds.ts. The content schema (src/schemas/lab.ts) documents each field.
 */
import type { LabLanguage } from '../../../core/labs.ts';
import type { KindName } from './lab-kind.ts';

export { LAB_DIFFICULTIES, LAB_LANGUAGES, type LabLanguage } from '../../../core/labs.ts';
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
/** The engine a lab runs on, named as its kind is (lab-kinds.ts `labEngine`); a design lab has none. */
export type LabEngine = Exclude<KindName, 'design'>;
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

/** Characters of one value, log line or message kept for display: a 50 MB string must not reach the page. */
const SHOWN_CHARS = 2000;

/** A text cut to SHOWN_CHARS, saying how much was left out. */
export const clip = (text: string): string =>
  text.length > SHOWN_CHARS
    ? `${text.slice(0, SHOWN_CHARS)}… (${(text.length - SHOWN_CHARS).toLocaleString('en')} more characters)`
    : text;

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
