/**
 * What a kind of lab is to the rest of the site: the one interface every kind's folder implements (sql/, code/, api/,
 * python/, design/), held in one registry (../lab-kinds.ts). The shared parts (the engine host, the worker protocol, runs and
 * progress) see a spec only as `AnyLabSpec`; everything a kind adds stays in its folder.
 */
import type { LabLanguage } from '../../../core/labs.ts';

/** What every kind's spec carries: the engine host and the worker protocol need no more. */
export interface AnyLabSpec {
  readonly id: string;
  readonly language: LabLanguage;
}

/**
 * Each kind's name, as its folder is named: also the engine a lab page names (`data-engine`) and the service worker's
 * list of files to keep for it. A Python database lab is a kind of its own (`python-db`), beside Python's.
 */
export type KindName = 'sql' | 'code' | 'api' | 'python' | 'python-db' | 'design';

/** The languages an API lab's handler may be written in: JavaScript or TypeScript in QuickJS, Python in Pyodide. */
export type HandlerRuntime = 'javascript' | 'python';

/**
 * The worker a spec runs in, in the page and in Node alike: one per engine, and Python's own beside a database
 * (`python-db`) or with the ASGI host (`api-python`); a design lab's is the simulator's (`design`).
 */
export type LabWorker = 'sql' | 'code' | 'api' | 'api-python' | 'python' | 'python-db' | 'design';

/** An engine whose files the service worker keeps once a lab started it (src/components/lab/engine-cached.ts). */
export type EngineName = 'pglite' | 'quickjs' | 'pyodide';

/** How a kind's runs are told: what the learner wrote, and what grades it. */
export interface RunWords {
  /** "statements" for SQL, "design" for a design lab, "code" for the rest: "your statements were still running". */
  readonly answer: 'statements' | 'code' | 'design';
  /** "checks" for SQL, "scenarios" for a design lab, "tests" for the rest: "3 of 4 checks passed". */
  readonly graders: 'checks' | 'tests' | 'scenarios';
}

/**
 * A kind of lab: how an entry becomes its spec (parsed, with the defaults the content leaves out), which worker and
 * engines run it, and how its runs are told. Running an answer is the kind's server (`serve…` in its folder), which a
 * worker of `worker(spec)` starts; both answer the one worker protocol (worker-protocol.ts).
 */
export interface LabKindDefinition<Spec extends AnyLabSpec, Fields> {
  readonly name: KindName;
  /** Whether a lab entry (by its language, and a Python lab by whether it has a database) is this kind's. */
  takes(fields: { readonly language: LabLanguage; readonly setup?: string | undefined }): boolean;
  /** The entry as this kind's runner takes it. `runtime`: the language an API lab's handler is written in. */
  toSpec(id: string, fields: Fields, runtime: HandlerRuntime): Spec;
  /** Whether a spec an engine was sent is this kind's. */
  owns(spec: AnyLabSpec): spec is Spec;
  worker(spec: Spec): LabWorker;
  engines(spec: Spec): EngineName[];
  readonly words: RunWords;
}
