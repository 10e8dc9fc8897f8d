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
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
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

/** A throwaway cluster on a Unix socket, or the server TIMELINES_DATABASE_URL names. */
function startServer(): { config: pg.ClientConfig; stop: () => void } {
  const url = process.env.TIMELINES_DATABASE_URL;
  if (url) return { config: { connectionString: url }, stop: () => {} };
  const bin = findBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'atlas-timelines-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, command),
      asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : args,
      {
        stdio: 'pipe',
      },
    );
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  const port = '54329';
  // A deadlock is looked for after deadlock_timeout (1 s by default); 100 ms keeps a recording quick.
  const options = `-k ${dir} -p ${port} -c listen_addresses= -c fsync=off -c deadlock_timeout=100ms`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    config: { host: dir, port: Number(port), user: 'postgres', database: 'postgres' },
    stop: () => {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function findBinaries(): string {
  const onPath = (process.env.PATH ?? '').split(':').find((d) => d && existsSync(join(d, 'initdb')));
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'initdb')));
  if (!found)
    throw new Error(
      'No PostgreSQL server found: install one (apt-get install postgresql) or set TIMELINES_DATABASE_URL.',
    );
  return found;
}

/** One statement in flight: its promise settles into `result`; `order` says when it finished among the others. */
interface InFlight {
  step: number;
  session: string;
  result?: StepResult;
  order?: number;
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
  const sessions = new Map<string, { client: pg.Client; pid: string; notices: string[] }>();
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
  const sessionOfPid = (pid: string) => [...sessions].find(([, s]) => s.pid === pid)?.[0] ?? `process ${pid}`;
  const blockers = async (session: string): Promise<string[]> => {
    const { rows } = await monitor.query('SELECT unnest(pg_blocking_pids($1)) AS pid', [sessions.get(session)!.pid]);
    return rows.map((r: { pid: string }) => sessionOfPid(String(r.pid)));
  };

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
  const stuck = waiting.map((f) => f.step);
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
