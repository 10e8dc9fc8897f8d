/**
 * The project checker as a learner runs it: the bundled file the site serves (src/checker/bundle.ts), run by Node
 * as a child process against reference servers for the to-do list API on loopback, one in Node (node:http over
 * node:sqlite) and one in Python (http.server over sqlite3). Each passes every check, restarted for real when the
 * checker asks; each broken variant fails exactly the checks that name its fault, and the rest pass or, where a
 * set-up meets the same fault, are not run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkerFile } from './checker-bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-servers-'));
const SERVERS = 'tests/fixtures/servers/to-do-list-api';
let checker: string;

beforeAll(async () => {
  checker = await checkerFile();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A port nothing listens on now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

interface Language {
  name: string;
  command: string[];
}
const LANGUAGES: Record<string, Language> = {
  node: { name: 'Node', command: [process.execPath, `${SERVERS}/server.mjs`] },
  python: { name: 'Python', command: ['python3', `${SERVERS}/server.py`] },
};

/** Starts a reference server; resolves once it says it listens. */
function startServer(language: Language, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(language.command[0]!, language.command.slice(1), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${language.name} server exited (${code}) before it listened`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

interface Report {
  passed: boolean;
  milestones: number[];
  checks: { number: string; status: string; message?: string }[];
}

/** Runs the checker against a reference server, restarting it whenever the checker asks; its JSON report and exit code. */
async function check(language: Language, broken = ''): Promise<{ report: Report; code: number | null }> {
  const port = await freePort();
  const env = {
    PORT: String(port),
    DATA_FILE: join(dir, `${language.name}-${broken || 'right'}-${port}.sqlite`),
    BROKEN: broken,
  };
  let server = await startServer(language, env);
  try {
    const run = spawn(process.execPath, [checker, 'to-do-list-api', '--base', `http://127.0.0.1:${port}`, '--json'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    run.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('press Enter')) return;
      void (async () => {
        await stop(server);
        server = await startServer(language, env);
        run.stdin.write('\n');
      })();
    });
    const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
    return { report: JSON.parse(out) as Report, code };
  } finally {
    await stop(server);
  }
}

const numbers = (report: Report, status: string) =>
  report.checks.filter((c) => c.status === status).map((c) => c.number);

/** Each fault, the checks it must fail (no others), and words its first failure must say. */
const FAULTS: { broken: string; fails: string[]; says: RegExp; languages: string[] }[] = [
  { broken: 'foreign-403', fails: ['4.2'], says: /does not list status 403/, languages: ['node', 'python'] },
  { broken: 'hash-in-response', fails: ['2.1', '2.3'], says: /carries "password_hash"/, languages: ['node', 'python'] },
  { broken: 'json-500', fails: ['5.3'], says: /does not list status 500/, languages: ['node', 'python'] },
  { broken: 'memory', fails: ['1.1'], says: /must still log in/, languages: ['node', 'python'] },
  { broken: 'lost-update', fails: ['4.4'], says: /one undid another/, languages: ['node', 'python'] },
  { broken: 'check-then-insert', fails: ['2.3'], says: /answered 201, 201/, languages: ['node'] },
  { broken: 'offset-pages', fails: ['5.2'], says: /repeats one/, languages: ['node'] },
];

describe.each(Object.keys(LANGUAGES))('the to-do list API reference server in %s', (key) => {
  const language = LANGUAGES[key]!;

  it('passes every check, its data surviving a real restart', async () => {
    const { report, code } = await check(language);
    expect(report.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(report.checks.length).toBeGreaterThanOrEqual(10);
    expect(report.milestones).toEqual([1, 2, 3, 4, 5]);
    expect(code).toBe(0);
  }, 60_000);

  it.each(FAULTS.filter((f) => f.languages.includes(key)))(
    'broken by $broken, fails exactly $fails',
    async ({ broken, fails, says }) => {
      const { report, code } = await check(language, broken);
      expect(numbers(report, 'failed')).toEqual(fails);
      expect(report.checks.find((c) => c.number === fails[0])!.message).toMatch(says);
      // Checks not run are those whose set-up met the same fault, and say so.
      for (const blocked of report.checks.filter((c) => c.status === 'blocked')) expect(blocked.message).toMatch(says);
      expect(code).toBe(1);
    },
    60_000,
  );
});
