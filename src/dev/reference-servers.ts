/**
 * The reference servers the project checker is proven on (tests/fixtures/servers/<project>/server.mjs, server.py):
 * started on a free loopback port with a data file of their own, the bundled checker run against them as a learner
 * runs it (`node atlas-check.mjs <project> --base … --json`), and the server restarted for real whenever the checker
 * asks. Used by the unit tests and by `npm run projects:check`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { childEnv } from '../environment.ts';
import { type CheckerIo, main } from '../checker/cli.ts';
import { CONTENT_DIR } from '../lib/content/content-files.ts';
import { readContracts } from '../lib/content/integrity/contracts.ts';

/** ReferenceRun's `checker` for a run of the checker's modules in this process, where coverage counts them. */
export const IN_PROCESS = 'in-process';

const SERVERS_DIR = 'tests/fixtures/servers';

/** A language a reference server may be written in, and how it is started on `port`. */
interface ServerLanguage {
  name: string;
  file: string;
  command: (file: string, port: string) => string[];
}

const SERVER_LANGUAGES: readonly ServerLanguage[] = [
  { name: 'Node', file: 'server.mjs', command: (file) => [process.execPath, file] },
  { name: 'Python', file: 'server.py', command: (file) => ['python3', file] },
  // PHP's built-in server runs the file as a router, one request at a time (its workers over one SQLite file
  // failed requests sent at once with "database is locked", which no check should hang on).
  { name: 'PHP', file: 'server.php', command: (file, port) => ['php', '-S', `127.0.0.1:${port}`, file] },
];

/** What a server prints once it listens: ours say so; PHP's built-in server says it started. */
const LISTENING = /listening on|Development Server \(\S+\) started/;

/** The reference servers a project has, by language. */
export const referenceServers = (project: string) =>
  SERVER_LANGUAGES.filter((l) => existsSync(join(SERVERS_DIR, project, l.file)));

/** A port nothing listens on now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Starts a reference server; resolves once it prints that it listens. */
function startServer(
  project: string,
  language: ServerLanguage,
  env: Record<string, string>,
  file = join(SERVERS_DIR, project, language.file),
): Promise<ChildProcess> {
  const [command, ...args] = language.command(file, env.PORT!);
  const child = spawn(command!, args, {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own, so stopping it stops the workers it forked too (PHP's built-in server forks them).
    detached: true,
  });
  let said = '';
  return new Promise((resolve, reject) => {
    const listening = (chunk: Buffer) => {
      said += chunk.toString();
      if (LISTENING.test(said)) resolve(child);
    };
    child.stdout.on('data', listening);
    child.stderr.on('data', listening);
    child.on('exit', (code) => reject(new Error(`${language.name} server of ${project} exited (${code}): ${said}`)));
    child.on('error', (error) =>
      reject(new Error(`${language.name} could not be started (${error.message}): .ci/run installs what it needs`)),
    );
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });

/** The checker's JSON report, as `--json` prints it. */
export interface CheckerReport {
  passed: boolean;
  milestones: number[];
  checks: { number: string; name: string; status: 'passed' | 'failed' | 'blocked'; message?: string }[];
}

export interface ReferenceRun {
  /** The bundled checker to run as a learner does, or `in-process`: its modules from src/, run in this process. */
  checker: string;
  project: string;
  language: ServerLanguage;
  /** A folder for the server's data file. */
  dataDir: string;
  /** BROKEN=<fault>: a variant of the server with one fault. */
  broken?: string | undefined;
  extraArgs?: string[] | undefined;
  /** Another server file of the same language to run instead of the project's reference server (a learner's). */
  serverFile?: string | undefined;
  /** The environment variable the server reads its upstream's URL from, when the project calls one. */
  upstreamEnv?: string | undefined;
  /** Told of what the checker writes to stderr (its progress, under --json), with the time since it was started. */
  onProgress?: ((text: string, ms: number) => void) | undefined;
}

/** Runs the checker against a reference server, restarting it when asked; the report and the exit code. */
export async function checkReference(run: ReferenceRun): Promise<{ report: CheckerReport; code: number | null }> {
  const port = await freePort();
  // The checker plays the project's upstream on a port of its own; the server is told where.
  const upstreamPort = run.upstreamEnv ? await freePort() : undefined;
  const env: Record<string, string> = {
    ...(run.upstreamEnv ? { [run.upstreamEnv]: `http://127.0.0.1:${upstreamPort}` } : {}),
    PORT: String(port),
    DATA_FILE: join(run.dataDir, `${run.project}-${run.language.name}-${run.broken || 'right'}-${port}.sqlite`),
    BROKEN: run.broken ?? '',
  };
  let server = await startServer(run.project, run.language, env, run.serverFile);
  const restart = async () => {
    await stop(server);
    server = await startServer(run.project, run.language, env, run.serverFile);
  };
  try {
    const args = [run.project, '--base', `http://127.0.0.1:${port}`, '--json', ...(run.extraArgs ?? [])];
    if (upstreamPort) args.push('--upstream-port', String(upstreamPort));
    const { out, err, code } =
      run.checker === IN_PROCESS
        ? await runInProcess(args, restart, run.onProgress)
        : await asChild(run, args, restart);
    try {
      return { report: JSON.parse(out) as CheckerReport, code };
    } catch {
      throw new Error(`The checker printed no report (exit ${code}): ${err}`);
    }
  } finally {
    await stop(server);
  }
}

/** Runs the bundled checker as a child process, as a learner does: its output, and its exit code. */
async function asChild(run: ReferenceRun, args: string[], restart: () => Promise<void>) {
  const started = performance.now();
  const checker = spawn(process.execPath, [run.checker, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  checker.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  checker.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    run.onProgress?.(chunk.toString(), performance.now() - started);
    if (chunk.toString().includes('press Enter')) void restart().then(() => checker.stdin.write('\n'));
  });
  const code = await new Promise<number | null>((resolve) => checker.on('exit', resolve));
  return { out, err, code };
}

/**
 * Runs the checker's own modules in this process, with a learner's arguments; a restart prompt is answered by
 * `restart`, or, with none, finds its input ended.
 */
export async function runInProcess(
  args: string[],
  restart?: () => Promise<void>,
  onProgress?: ReferenceRun['onProgress'],
): Promise<{ out: string; err: string; code: number | null }> {
  const started = performance.now();
  let out = '';
  let err = '';
  const { contracts } = await readContracts(CONTENT_DIR);
  const io: CheckerIo = {
    out: (line) => void (out += `${line}\n`),
    err: (line) => {
      err += `${line}\n`;
      onProgress?.(line, performance.now() - started);
    },
    readLine: async () => {
      if (!restart) return undefined;
      await restart();
      return '';
    },
  };
  const code = await main(
    contracts.map((c) => c.contract),
    args,
    io,
    'https://atlas.test',
  );
  return { out, err, code };
}
