/**
 * A real PostgreSQL server for the listings that need one (`postgres` on the fence): a page that shows a plan from a
 * server, connects with node-postgres or runs `psql` is checked against PostgreSQL itself, not PGlite. One scratch
 * cluster serves the whole check, started on first use on a free port of loopback, with trust authentication; each
 * page gets a database of its own, named in the environment its listings run with (PGHOST, PGPORT, PGUSER,
 * PGDATABASE, DATABASE_URL). It is stopped when the check ends. PostgreSQL refuses to run as root, so as root
 * (CI) the cluster belongs to the `postgres` user that Debian's package makes.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv } from '../../environment.ts';

/** Where Debian puts each major version's server programs; the newest installed is used. */
const DEBIAN_BINARIES = '/usr/lib/postgresql';

export interface PostgresEnv {
  PGHOST: string;
  PGPORT: string;
  PGUSER: string;
  PGDATABASE: string;
  DATABASE_URL: string;
}

interface Cluster {
  bin: string;
  dir: string;
  port: number;
  asPostgres: boolean;
}
let cluster: Promise<Cluster> | undefined;
let started: Cluster | undefined;

/** The folder of the newest installed PostgreSQL's programs, if there is one. */
export function postgresPrograms(): string | undefined {
  try {
    return serverBinaries();
  } catch {
    return undefined;
  }
}

/** The folder of `initdb` and `pg_ctl`, or an error that says what to install. */
function serverBinaries(): string {
  const versions = existsSync(DEBIAN_BINARIES)
    ? readdirSync(DEBIAN_BINARIES)
        .filter((v) => existsSync(join(DEBIAN_BINARIES, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error(
      `listings marked "postgres" need PostgreSQL's server programs (initdb, pg_ctl) in ${DEBIAN_BINARIES}/<version>/bin: install Debian's postgresql package`,
    );
  return join(DEBIAN_BINARIES, versions[0]!, 'bin');
}

/** A port of loopback nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server program, as the `postgres` user when the check runs as root. */
function program(c: Pick<Cluster, 'bin' | 'asPostgres'>, name: string, args: string[]) {
  const [command, rest] = c.asPostgres
    ? ['runuser', ['-u', 'postgres', '--', join(c.bin, name), ...args]]
    : [join(c.bin, name), args];
  return execFileSync(command, rest, { stdio: 'pipe', encoding: 'utf8', env: childEnv({ LANG: 'C.UTF-8' }) });
}

async function start(): Promise<Cluster> {
  const bin = serverBinaries();
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-listings-pg-'));
  if (asPostgres) execFileSync('chown', ['postgres', dir]);
  chmodSync(dir, 0o700);
  const port = await freePort();
  const c = { bin, dir, port, asPostgres };
  program(c, 'initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  program(c, 'pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  started = c;
  return c;
}

process.once('exit', () => {
  if (!started) return;
  try {
    program(started, 'pg_ctl', ['-D', join(started.dir, 'data'), '-m', 'immediate', 'stop']);
  } finally {
    rmSync(started.dir, { recursive: true, force: true });
  }
});

/** The environment of a page's listings: the shared server, and a fresh database named for the page. */
export async function postgresFor(page: string): Promise<PostgresEnv> {
  const c = await (cluster ??= start());
  const database = `page_${page.replace(/\W+/g, '_').toLowerCase()}`.slice(0, 60);
  const psql = (sql: string) =>
    execFileSync(
      join(c.bin, 'psql'),
      ['-X', '-q', '-h', '127.0.0.1', '-p', String(c.port), '-U', 'postgres', '-d', 'postgres', '-c', sql],
      {
        stdio: 'pipe',
      },
    );
  psql(`DROP DATABASE IF EXISTS ${database}`);
  psql(`CREATE DATABASE ${database}`);
  return {
    PGHOST: '127.0.0.1',
    PGPORT: String(c.port),
    PGUSER: 'postgres',
    PGDATABASE: database,
    DATABASE_URL: `postgres://postgres@127.0.0.1:${c.port}/${database}`,
  };
}

/** `psql` of the same installation, for the SQL listings of a page that runs on the server. */
export const psqlProgram = () => join(serverBinaries(), 'psql');
