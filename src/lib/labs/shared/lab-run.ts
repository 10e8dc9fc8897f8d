/**
 * What a lab run reports, to the page and to the tests alike: each check or test passed or failed and why, what the
 * learner's statements printed or their code logged, the error that stopped it, and for an API lab each request
 * with its response and the SQL it ran. Every text in it is plain text, shown as text.
 */

/** A request as the learner's handler receives it, and as the request panel sends it. */
export interface HttpRequestData {
  method: string;
  /** Path and query, e.g. "/books/7?fields=title". */
  path: string;
  headers: [string, string][];
  body: string | null;
}

/** A response as the learner's handler returned it, its body read as text. */
export interface HttpResponseData {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}

/** One statement a handler ran, as the learner reads it beside the request. */
export interface QueryRecord {
  sql: string;
  /** The parameters, each as JSON. */
  params: string[];
  /** The rows it returned (none for a command), or the error. */
  rows?: ResultTable | undefined;
  rowCount?: number | undefined;
  error?: string | undefined;
}

/** A request, the response (or why there was none) and the SQL it ran. */
export interface HttpExchange {
  request: HttpRequestData;
  response?: HttpResponseData | undefined;
  /** Why no response came back: an exception, a stop, a promise never settled. */
  error?: RunError | undefined;
  queries: QueryRecord[];
  logs: string[];
  /** What the test expected of it, a line each ("status 201", "header location matching /books/\\d+"). */
  expected?: string[] | undefined;
}

/** Requests a test sent at once, and the order in which the one database session ran their statements. */
export interface ConcurrentExchange {
  /** Each request's exchange, in the order the test lists them: request A, request B … */
  exchanges: HttpExchange[];
  /** Every statement as it ran: which request (an index into `exchanges`) and which of its statements. */
  order: { request: number; statement: number }[];
}

/** One check or test as the learner reads it. */
export interface CheckResult {
  name: string;
  passed: boolean;
  /** Why it failed, in words a learner can act on. */
  message?: string;
  /** A run its time limit ended: 'stopped' in the test whose code was running then, 'not-run' in one never started. */
  cut?: 'stopped' | 'not-run';
  /** API labs: the request that decided it (the failing one, or the last), with the response and the SQL. */
  exchange?: HttpExchange;
  /** API labs: the requests sent at once that decided it, instead of `exchange`. */
  concurrent?: ConcurrentExchange;
}

/** A result set as shown in the page: column names and rows of display strings. */
export interface ResultTable {
  columns: string[];
  rows: string[][];
  /** Rows beyond those kept for display. */
  more: number;
}

/** What one statement printed: a table, a plan, or a command tag such as "INSERT 3". */
export type StatementOutput =
  { kind: 'table'; table: ResultTable } | { kind: 'plan'; text: string } | { kind: 'command'; text: string };

/** An error as Postgres reports it, or the JavaScript engine's. */
export interface RunError {
  message: string;
  /** e.g. "ERROR 42P01" or "TypeError". */
  code?: string;
  detail?: string;
  hint?: string;
  /** 1-based line and column in the learner's code, where known. */
  line?: number;
  column?: number;
}

export interface LabRun {
  passed: boolean;
  checks: CheckResult[];
  /** SQL labs: what each of the learner's statements printed. */
  statements?: StatementOutput[];
  /** Code labs: what the learner's code wrote with console.log. */
  logs?: string[];
  /** The learner's code did not run to the end (syntax error, runtime error, stopped). */
  error?: RunError;
  /** Something the learner should know that is not a failure (an open transaction rolled back). */
  notes?: string[];
}
