/**
 * `npm run timelines:record [id …]`: runs every concurrency timeline (content/timelines/*.yaml) on a real
 * PostgreSQL server, one connection per session, and writes what each step did to
 * content/timelines/recordings/<id>.json: rows, a command tag, an error with its SQLSTATE, "blocks — waiting for
 * session A", and which blocked step finished during which later step.
 *
 * The server: TIMELINES_DATABASE_URL (a superuser connection; the script creates and drops a database per
 * scenario), or else a throwaway cluster the script creates with the PostgreSQL binaries it finds (initdb and pg_ctl
 * on PATH or under /usr/lib/postgresql/<version>/bin; as root it runs them as the `postgres` user) and removes after.
 * CI does not need a server: the recordings are committed and a unit test checks they match their scenarios.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startServer } from '../dev/throwaway-postgres.ts';
import { readContentDir } from '../lib/content/content-files.ts';
import { formatPath, SCHEMAS } from '../lib/content/integrity/entries.ts';
import {
  type RecordedStep,
  type Recording,
  recordingPath,
  scenarioFingerprint,
  type StepResult,
} from '../lib/timelines/recording.ts';

interface Scenario {
  id: string;
  setup: string;
  sessions: string[];
  steps: { session: string; sql: string }[];
}

/** How long a step may take before the recorder gives up on it: a statement that neither finishes nor waits. */
const STEP_LIMIT_MS = 10_000;
/** How long after a step the recorder waits for blocked statements to finish or a deadlock to be found. */
const SETTLE_MS = 400;

/** Every value as the server prints it: no conversion to JavaScript numbers or dates. */
const asText = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

function scenarios(only: readonly string[]): Scenario[] {
  return readContentDir()
    .filter((e) => e.collection === 'timelines' && (only.length === 0 || only.includes(e.id)))
    .map((e) => {
      if (e.parseError) throw new Error(`${e.file}: ${e.parseError}`);
      const parsed = SCHEMAS.timelines.safeParse(e.data);
      const issue = parsed.error?.issues[0];
      if (issue)
        throw new Error(
          `${e.file}: ${formatPath(issue.path)}: ${issue.message} (npm run content:check lists every problem)`,
        );
      return { id: e.id, ...(parsed.data as Omit<Scenario, 'id'>) };
    });
}

/** One statement in flight: its promise settles into `result`; `order` says when it finished among the others. */
interface InFlight {
  step: number;
  session: string;
  result?: StepResult;
  order?: number;
}

/** A scenario's session: its connection, its backend's pid, and the notices of the statement it runs. */
interface Session {
  client: pg.Client;
  pid: string;
  notices: string[];
}

/** One connection per session of the scenario, each named for pg_stat_activity. */
async function openSessions(scenario: Scenario, connect: () => Promise<pg.Client>): Promise<Map<string, Session>> {
  const sessions = new Map<string, Session>();
  for (const name of scenario.sessions) {
    const client = await connect();
    await client.query(`SET application_name = 'session ${name}'`);
    const pid = String(
      (await client.query<{ pg_backend_pid: number }>('SELECT pg_backend_pid()')).rows[0]!.pg_backend_pid,
    );
    const session = { client, pid, notices: [] as string[] };
    // VACUUM VERBOSE reports what it removed as notices: keep the "tuples:" line of the scenario's own tables (not
    // of their TOAST tables), which does not vary from run to run.
    client.on('notice', (notice) => {
      const message = notice.message ?? '';
      if (message.includes('.public.'))
        session.notices.push(...message.split('\n').filter((l) => l.startsWith('tuples:')));
    });
    sessions.set(name, session);
  }
  return sessions;
}

/**
 * Runs the steps in order, each in its session, recording what each did: finished (rows, a tag, an error) or
 * blocked (on which sessions), and which earlier blocked steps it released. Returns the steps still waiting too.
 */
async function playSteps(
  scenario: Scenario,
  sessions: Map<string, Session>,
  blockers: (session: string) => Promise<string[]>,
) {
  let finished = 0;
  /** Statements that were waiting on a lock when their step ended, until they finish. */
  const waiting: InFlight[] = [];
  const steps: RecordedStep[] = [];
  for (const [i, step] of scenario.steps.entries()) {
    const session = sessions.get(step.session)!;
    if (waiting.some((f) => f.session === step.session && !f.result))
      throw new Error(`${scenario.id}: step ${i + 1} runs in session ${step.session}, which is still waiting`);
    session.notices.length = 0;
    const flight: InFlight = { step: i + 1, session: step.session };
    session.client.query({ text: step.sql, rowMode: 'array' }).then(
      (r) => {
        flight.result = resultOf(r, session.notices);
        flight.order = finished++;
      },
      (e: pg.DatabaseError) => {
        flight.result = { outcome: 'error', sqlstate: e.code ?? '', message: e.message };
        flight.order = finished++;
      },
    );
    let waitingFor: string[] = [];
    for (const started = Date.now(); !flight.result; await sleep(20)) {
      waitingFor = await blockers(step.session);
      if (waitingFor.length) break;
      if (Date.now() - started > STEP_LIMIT_MS)
        throw new Error(`${scenario.id}: step ${i + 1} neither finished nor waited`);
    }
    // Let what this step released (or a deadlock it closed) play out before the next step starts.
    if (waitingFor.length || waiting.length) await sleep(SETTLE_MS);
    const resumes = waiting
      .filter((f) => f.result)
      .sort((a, b) => a.order! - b.order!)
      .map((f) => ({ step: f.step, result: f.result! }));
    for (const { step: done } of resumes)
      waiting.splice(
        waiting.findIndex((f) => f.step === done),
        1,
      );
    if (!flight.result) waiting.push(flight);
    steps.push({
      result: flight.result ?? { outcome: 'blocks', waitingFor: await blockers(step.session) },
      ...(resumes.length ? { resumes } : {}),
    });
  }
  return { steps, stuck: waiting.map((f) => f.step) };
}

async function record(scenario: Scenario, server: pg.ClientConfig): Promise<Recording> {
  const database = `timeline_${scenario.id.replaceAll('-', '_')}`;
  const admin = new pg.Client(server);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.query(`CREATE DATABASE ${database}`);
  const connect = async () => {
    const target = server.connectionString
      ? { connectionString: Object.assign(new URL(server.connectionString), { pathname: `/${database}` }).href }
      : { ...server, database };
    const client = new pg.Client({ ...target, types: asText });
    await client.connect();
    return client;
  };
  const setup = await connect();
  await setup.query(scenario.setup);
  await setup.end();

  const monitor = await connect();
  const sessions = await openSessions(scenario, connect);
  const sessionOfPid = (pid: string) => [...sessions].find(([, s]) => s.pid === pid)?.[0] ?? `process ${pid}`;
  const blockers = async (session: string): Promise<string[]> => {
    const { rows } = await monitor.query('SELECT unnest(pg_blocking_pids($1)) AS pid', [sessions.get(session)!.pid]);
    return rows.map((r: { pid: string }) => sessionOfPid(String(r.pid)));
  };
  const { steps, stuck } = await playSteps(scenario, sessions, blockers);
  const version = (await monitor.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  for (const { pid } of sessions.values())
    if (stuck.length) await monitor.query('SELECT pg_terminate_backend($1)', [pid]);
  await Promise.allSettled([...sessions.values()].map((s) => s.client.end()));
  await monitor.end();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  if (stuck.length) throw new Error(`${scenario.id}: step(s) ${stuck.join(', ')} still waiting after the last step`);
  return {
    scenario: scenarioFingerprint(scenario),
    server: `PostgreSQL ${version}`,
    recordedOn: new Date().toISOString().slice(0, 10),
    steps,
  };
}

function resultOf(result: pg.QueryResult<unknown[]>, notices: readonly string[]): StepResult {
  const count = result.rowCount;
  const tag =
    result.command === 'INSERT' ? `INSERT 0 ${count}` : count === null ? result.command : `${result.command} ${count}`;
  if (result.fields.length)
    return {
      outcome: 'rows',
      tag,
      columns: result.fields.map((f) => f.name),
      rows: result.rows as (string | null)[][],
    };
  return notices.length ? { outcome: 'ok', tag, notices: [...notices] } : { outcome: 'ok', tag };
}

const only = process.argv.slice(2);
const list = scenarios(only);
if (!list.length)
  throw new Error(only.length ? `No timeline named ${only.join(', ')}` : 'No timelines in content/timelines/');
const server = startServer();
try {
  for (const scenario of list) {
    const recording = await record(scenario, server.config);
    const path = recordingPath(scenario.id);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(recording, null, 2)}\n`);
    const outcomes = recording.steps.map((s) => s.result.outcome).join(' ');
    console.log(`${scenario.id}: ${recording.steps.length} steps (${outcomes}) on ${recording.server}`);
  }
} finally {
  server.stop();
}
