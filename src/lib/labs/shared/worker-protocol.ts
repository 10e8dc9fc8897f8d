/**
 * Messages between a lab engine's host and its worker: the page's engine-client.ts and sql-worker.ts /
 * code-worker.ts, or Node's engines for the tests (src/lib/labs-node/) and the same servers in worker threads.
 */
import type { AnyLabSpec } from './lab-kind.ts';
import type { HttpExchange, HttpRequestData, LabRun } from './lab-spec.ts';

interface RunRequest {
  type: 'run';
  id: number;
  lab: AnyLabSpec;
  code: string;
}

/** API labs: one request from the request panel, on the panel's own database (set up afresh when `reset`). */
interface SendRequest {
  type: 'send';
  id: number;
  lab: AnyLabSpec;
  code: string;
  request: HttpRequestData;
  reset: boolean;
}

export type EngineRequest = RunRequest | SendRequest;

export type WorkerReply =
  | { type: 'ready' }
  /** The engine's files are loading: bytes received of their total (engine-download.ts), and what they are. */
  | { type: 'progress'; what: string; loaded: number; total: number }
  | { type: 'failed'; message: string }
  /**
   * The learner's code starts now (on each dataset of an SQL lab, each request of an API lab): the time limit
   * counts from here, the run's or, with `limit: 'request'`, one request's.
   */
  | { type: 'started'; id: number; limit?: 'request' }
  /** The next dataset of an SQL lab is being set up: the time limit waits for the next 'started'. */
  | { type: 'setup'; id: number }
  /**
   * A statement the learner's code sent is still running, and the database can do nothing else until it ends (PGlite
   * cannot cancel one): the time limit keeps counting, and a stop names the statement.
   */
  | { type: 'waiting'; id: number; statement: string }
  | { type: 'result'; id: number; run: LabRun }
  | { type: 'exchange'; id: number; exchange: HttpExchange }
  | { type: 'crashed'; id: number; message: string };

/** A worker's side of the channel: the page's `postMessage`/`message` events, or a Node worker thread's port. */
export interface ServerPort {
  post(message: WorkerReply): void;
  onRequest(handle: (request: EngineRequest) => void): void;
}
