/**
 * The host's side of a lab engine, in the page and in Node alike: a worker (the page's module worker, or a Node
 * worker thread) started on first use and asked to run one answer at a time. A run that outlives RUN_LIMIT_MS from
 * the moment the learner's code starts (plus a grace for the engine's own stop) ends the worker, so nothing a
 * learner writes can freeze the page or hang a test run; the next run starts a fresh worker. The learner can stop a
 * run or a request sooner (engine-stop.ts).
 */
import type { AnyLabSpec, RunWords } from './lab-kind.ts';
import type { HttpExchange, HttpRequestData, LabRun } from './lab-spec.ts';
import { REQUEST_LIMIT_MS, RUN_LIMIT_MS, type StopLimit } from './lab-spec.ts';
import { STOP_WORDS, type StopWords } from './stop-words.ts';
import { fill } from '../../../core/format/fill.ts';
import {
  type LearnerCrash,
  learnerCrashError,
  type Stopped,
  stopAll,
  stoppedError,
  untilReady,
} from './engine-stop.ts';
import type { EngineRequest, WorkerReply } from './worker-protocol.ts';

/** What a worker says while its files load. */
type EngineProgress = Extract<WorkerReply, { type: 'progress' }>;

/** Time an engine gets past the limit to stop a run itself (QuickJS interrupts at the limit) before the worker is ended. */
const GRACE_MS = 1500;
/** How often the host repeats an interrupt the running code has not yet stopped for. */
const INTERRUPT_REPEAT_MS = 100;
/**
 * The same for one API request, shorter: a statement PGlite is running (pg_sleep, a huge scan) cannot be cancelled
 * from its own thread (statement_timeout needs a signal PGlite does not have), so the host ends the worker.
 */
const REQUEST_GRACE_MS = 750;
/** Time a worker gets to set a dataset up (a new database, the reference result) before the learner's code starts. */
const SETUP_LIMIT_MS = 60_000;

/** The host's handle on one worker. */
export interface EngineWorker {
  post(request: EngineRequest): void;
  onReply(handle: (reply: WorkerReply) => void): void;
  /** The worker could not start or died. */
  onError(handle: (message: string) => void): void;
  terminate(): void;
  /**
   * Asks the engine to stop the running code at the time limit, where it can (Pyodide's interrupt buffer, shared
   * memory the host writes while the worker runs); the worker is ended GRACE_MS later if the code still runs.
   */
  interrupt?(): void;
}

export interface EngineClient {
  /** Resolves once the engine has loaded; rejects with the reason it could not. */
  ready: Promise<void>;
  run(code: string): Promise<LabRun>;
  /** Runs code on another lab of the same kind (Node's engines serve every lab with one worker per kind). */
  runLab(lab: AnyLabSpec, code: string): Promise<LabRun>;
  /** API labs: sends one request to the handler `code` on the request panel's database (set up afresh when `reset`). */
  send(code: string, request: HttpRequestData, reset: boolean): Promise<HttpExchange>;
  /**
   * Ends what runs now (a run, a request) at the learner's word: it answers as stopped, and the engine restarts, as
   * at a time limit. Returns whether anything was running.
   */
  stop(): boolean;
  /** Calls `handle` with each report of the engine's files loading, starting with the latest one so far. */
  onProgress(handle: (progress: EngineProgress) => void): void;
  /** Ends the worker. */
  close(): void;
}

/** What a run says when the engine failed outside the learner's code, or answered nothing, and was restarted. */
const failedError = (words: RunWords, reply: WorkerReply, stop: StopWords) => ({
  message: fill(stop.failed, {
    why: reply.type === 'crashed' ? reply.message : stop.noAnswer,
    fresh: words.answer === 'statements' ? stop.freshDatabase : '',
  }),
});

/**
 * Posts a request to `worker` and waits for its answer, timing it: `{ stopped }` when it ran out of time, after
 * `restart` has ended the worker. The limit counts from when the learner's code starts, not the lab's own set-up
 * (a new database, the reference result, the TypeScript transpiler); a worker that never starts it is stopped
 * after SETUP_LIMIT_MS.
 */
function timedReply(
  worker: EngineWorker,
  message: EngineRequest,
  pending: Map<number, (reply: WorkerReply) => void>,
  stoppers: Map<number, () => boolean>,
  restart: () => void,
): Promise<WorkerReply | Stopped | LearnerCrash> {
  const id = message.id;
  return new Promise((resolve) => {
    let limit: StopLimit = 'run';
    /** Whether the learner's code runs now (after `started`, before the next `setup`). */
    let learnerRuns = false;
    let statement: string | undefined;
    let interrupt: ReturnType<typeof setTimeout> | undefined;
    /** Ends the run: at a limit, the worker restarted here; at the learner's word, once by the caller for all. */
    const end = (stopped: Stopped['stopped'], restartHere: boolean) => {
      clearTimeout(timer);
      clearTimeout(interrupt);
      pending.delete(id);
      stoppers.delete(id);
      if (restartHere) restart();
      resolve({ stopped, ...(statement !== undefined && stopped !== 'learner' && { statement }) });
    };
    const stop = () => end(limit, true);
    let timer = setTimeout(stop, SETUP_LIMIT_MS);
    stoppers.set(id, () => (end('learner', false), true));
    pending.set(id, (reply) => {
      if (reply.type === 'waiting') {
        // The limit keeps counting: the wait is the learner's statement's.
        statement = reply.statement;
        return;
      }
      statement = undefined;
      clearTimeout(timer);
      clearTimeout(interrupt);
      if (reply.type === 'started') {
        learnerRuns = true;
        limit = reply.limit ?? 'run';
        // An engine that stops a request itself (Python's interrupt) gets the run's grace to answer.
        const grace = limit === 'request' && !worker.interrupt ? REQUEST_GRACE_MS : GRACE_MS;
        timer = setTimeout(stop, (limit === 'request' ? REQUEST_LIMIT_MS : RUN_LIMIT_MS) + grace);
        // Repeated until the run answers: an interrupt that came while the harness restored state is ignored.
        const repeat = () => {
          worker.interrupt?.();
          interrupt = setTimeout(repeat, INTERRUPT_REPEAT_MS);
        };
        if (worker.interrupt) interrupt = setTimeout(repeat, limit === 'request' ? REQUEST_LIMIT_MS : RUN_LIMIT_MS);
        return;
      }
      if (reply.type === 'setup') {
        learnerRuns = false;
        timer = setTimeout(stop, SETUP_LIMIT_MS);
        return;
      }
      pending.delete(id);
      stoppers.delete(id);
      if (reply.type !== 'result' && reply.type !== 'exchange') restart();
      // An engine that fails while the learner's code runs was failed by it (a stack overflow, all the memory).
      resolve(reply.type === 'crashed' && learnerRuns ? { learnerCrash: reply.message } : reply);
    });
    worker.post(message);
  });
}

/** The latest report of an engine's files loading, and who is told of the next. */
function progressWatch() {
  const watchers: ((progress: EngineProgress) => void)[] = [];
  let latest: EngineProgress | undefined;
  return {
    report: (progress: EngineProgress) => {
      latest = progress;
      for (const watch of watchers) watch(progress);
    },
    watch: (handle: (progress: EngineProgress) => void) => {
      watchers.push(handle);
      if (latest) handle(latest);
    },
  };
}

/** Why a request ended without its answer: stopped, brought down by the learner's code, or the engine failed. */
const errorOfReply = (reply: WorkerReply | Stopped | LearnerCrash, words: RunWords, stop: StopWords) =>
  'stopped' in reply
    ? stoppedError(words, reply, stop)
    : 'learnerCrash' in reply
      ? learnerCrashError(words, reply)
      : failedError(words, reply, stop);

export function startEngine(
  lab: AnyLabSpec,
  spawn: () => EngineWorker,
  words: RunWords,
  stop: StopWords = STOP_WORDS,
): EngineClient {
  let worker: EngineWorker;
  let ready: Promise<void>;
  let next = 0;
  const pending = new Map<number, (reply: WorkerReply) => void>();
  /** How to end each request, at the learner's word: whether it was running (not still waiting for the engine). */
  const stoppers = new Map<number, () => boolean>();
  const progress = progressWatch();

  const boot = () => {
    const current = spawn();
    worker = current;
    ready = new Promise<void>((resolve, reject) => {
      current.onReply((reply) => {
        if (reply.type === 'ready') resolve();
        else if (reply.type === 'progress') progress.report(reply);
        else if (reply.type === 'failed') reject(new Error(reply.message));
        else pending.get(reply.id)?.(reply);
      });
      current.onError((message) => {
        reject(new Error(message || 'the engine could not load'));
        // A worker that dies mid-run answers no more: its runs end as crashed.
        for (const [id, settle] of pending) settle({ type: 'crashed', id, message: message || 'the engine stopped' });
      });
    });
    ready.catch(() => {});
  };
  boot();
  /** A fresh worker: after a stop, or when the engine failed (a learner's statement may have left it unusable). */
  const restart = () => {
    worker.terminate();
    boot();
  };
  /** Posts a request once the engine is ready, and waits for its answer, timed. */
  const exchangeWith = async (message: EngineRequest): Promise<WorkerReply | Stopped | LearnerCrash> =>
    (await untilReady(ready, message.id, stoppers)) ?? timedReply(worker, message, pending, stoppers, restart);

  const errorOf = (reply: WorkerReply | Stopped | LearnerCrash) => errorOfReply(reply, words, stop);
  const runLab = async (spec: AnyLabSpec, code: string): Promise<LabRun> => {
    const reply = await exchangeWith({ type: 'run', id: ++next, lab: spec, code });
    return 'type' in reply && reply.type === 'result'
      ? reply.run
      : { passed: false, checks: [], error: errorOf(reply) };
  };
  const send = async (code: string, request: HttpRequestData, reset: boolean): Promise<HttpExchange> => {
    const reply = await exchangeWith({ type: 'send', id: ++next, lab, code, request, reset });
    if ('type' in reply && reply.type === 'exchange') return reply.exchange;
    return { request, queries: [], logs: [], error: errorOf(reply) };
  };

  return {
    get ready() {
      return ready;
    },
    close: () => worker.terminate(),
    stop: () => stopAll(stoppers, restart),
    onProgress: progress.watch,
    run: (code) => runLab(lab, code),
    runLab,
    send,
  };
}
