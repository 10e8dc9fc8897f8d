/**
 * A PostgreSQL server for a developer tool (`npm run timelines:record`): the one TIMELINES_DATABASE_URL names (a
 * superuser connection), or else a throwaway cluster on a Unix socket, made with the PostgreSQL binaries found on
 * PATH or under /usr/lib/postgresql/<version>/bin (as root, run as the `postgres` user), and removed when stopped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { searchPath, timelinesDatabaseUrl } from '../environment.ts';

/** A throwaway cluster on a Unix socket, or the server TIMELINES_DATABASE_URL names. */
export function startServer(): { config: pg.ClientConfig; stop: () => void } {
  const url = timelinesDatabaseUrl();
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
  const onPath = searchPath().find((d) => existsSync(join(d, 'initdb')));
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
