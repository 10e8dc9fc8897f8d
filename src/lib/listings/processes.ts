/**
 * The processes a listing runs as: to its end with its output in one stream, or in the background (a server) until
 * its page ends. Every one runs in a process group of its own, so a listing's children die with it, and none
 * outlives the check, even one stopped with Ctrl+C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { childEnv } from '../../environment.ts';
import { postgresPrograms } from './postgres-server.ts';

/** How long one listing may run: a minute, so a busy machine (the test run loads both cores) does not fail a listing that takes seconds. */
export const LISTING_TIMEOUT_MS = 60_000;
/** How long a `background` listing has to print its first line (it is listening). */
const BACKGROUND_READY_MS = 30_000;

/** Runs `command` in `cwd` to its end (or the timeout), with stdout and stderr in one stream, as a terminal shows them. */
export function runProcess(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ output: string; status: number | null }> {
  const log = join(cwd, `.out-${process.pid}-${Date.now()}`);
  const fd = openSync(log, 'w');
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', fd, fd], env: listingEnv(env), detached: true });
    live.add(child);
    const timer = setTimeout(() => killGroup(child), LISTING_TIMEOUT_MS);
    const done = (status: number | null) => {
      clearTimeout(timer);
      closeSync(fd);
      const output = readFileSync(log, 'utf8');
      rmSync(log, { force: true });
      resolve({ output, status });
    };
    child.on('error', (error) => {
      writeFileSync(fd, String(error));
      done(null);
    });
    // The command has ended; what it left running (a server it started with `&`, still exiting) ends with it.
    child.on('close', (code) => void endGroup(child).then(() => done(code)));
  });
}

/** Servers still running: killed when their page ends, or when the check itself is stopped. */
const live = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    for (const child of live) killGroup(child);
    process.exit(130);
  });
process.once('exit', () => {
  for (const child of live) killGroup(child);
});

function killGroup(child: ChildProcess) {
  live.delete(child);
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** The longest a page waits for the processes it started to be gone (a member the system never reaps, say). */
const GONE_MS = 2000;

/**
 * Kills `child`'s process group and resolves once no process of it is left, or after GONE_MS: a server a listing
 * started (`background`, or `node server.mjs &` in a command) holds its port until it has exited, and the next page
 * that listens on the same port must not start before (two pages on port 3000 in a row failed that race in CI).
 */
export async function endGroup(child: ChildProcess): Promise<void> {
  killGroup(child);
  const until = Date.now() + GONE_MS;
  for (;;) {
    try {
      process.kill(-child.pid!, 0);
    } catch {
      return; // no process of the group is left
    }
    if (Date.now() > until) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Variables by which tools tell they run under CI, and change what they print (pytest, for one, stops shortening its
 * summary lines and shows the whole test on a failure). A page shows what a learner's terminal prints, so a listing
 * never sees them, whether the check runs on a laptop or in CI.
 */
const CI_MARKERS = [
  'CI',
  'BUILD_NUMBER',
  'CONTINUOUS_INTEGRATION',
  'GITHUB_ACTIONS',
  'GITLAB_CI',
  'RUN_ID',
  'TF_BUILD',
];

/** The environment of the process that runs the check, less the CI markers. */
function terminalEnv(): NodeJS.ProcessEnv {
  const env = childEnv();
  for (const name of CI_MARKERS) delete env[name];
  // `npm run` hands its own settings to what it runs (`npm run -s` sets npm_config_loglevel=silent, and an `npm
  // install` in a listing then prints nothing); a learner's shell has none of them.
  for (const name of Object.keys(env)) if (/^npm_/i.test(name)) delete env[name];
  return env;
}

/** This Node first on the PATH, so `node` in a shell listing is the Node the site is built with; no colours. */
function listingEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = terminalEnv();
  return {
    ...env,
    // This Node first; then PostgreSQL's programs (initdb, pg_ctl), which Debian keeps off the PATH.
    PATH: [dirname(process.execPath), env.PATH ?? '', postgresPrograms()].filter(Boolean).join(':'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONHASHSEED: '0',
    TZ: 'UTC',
    LANG: 'C.UTF-8',
    ...extra,
  };
}

/** Starts a `background` listing and waits for its first line of output (it is ready) or its end. */
export function startBackground(
  command: string,
  args: string[],
  dir: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(command, args, {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: listingEnv(env),
    detached: true,
  });
  live.add(child);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(child), BACKGROUND_READY_MS);
    const ready = () => {
      clearTimeout(timer);
      resolve(child);
    };
    child.stdout.once('data', ready);
    child.stderr.once('data', ready);
    child.once('close', ready);
  });
}
