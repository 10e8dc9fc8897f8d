/**
 * Runs a page's listings as a reader would, in Node: each page in a scratch folder of its own, JavaScript and
 * TypeScript with this Node, Python with the machine's `python3` (standard library only), shell with `bash` (with this
 * Node first on its PATH), and the page's SQL in one PGlite (PostgreSQL 18) database in page order. What a listing
 * prints (stdout and stderr, in the order written) is compared with the page's output block (compare.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { childEnv } from '../../environment.ts';
import { compareOutput, lineDiff, parseVary } from './compare.ts';
import type { Listing } from './listings.ts';
import { SqlSession } from './sql-session.ts';

/** How long one listing may run. */
const LISTING_TIMEOUT_MS = 20_000;
/** How long a `background` listing has to print its first line (it is listening). */
const BACKGROUND_READY_MS = 10_000;

type Verdict = { status: 'passed' } | { status: 'marked'; reason: string } | { status: 'failed'; message: string };

export interface ListingResult {
  listing: Listing;
  verdict: Verdict;
}

/**
 * Listings that listen on or call a port take turns across pages: two pages' servers on port 3000 at once would
 * fail each other.
 */
let networkTurn: Promise<unknown> = Promise.resolve();
const NETWORK = /\blisten\(|createServer|serve_forever|HTTPServer|\bcurl\b|localhost|127\.0\.0\.1|fetch\(/;
function inNetworkTurn<T>(uses: boolean, task: () => Promise<T>): Promise<T> {
  if (!uses) return task();
  const run = networkTurn.then(task);
  networkTurn = run.catch(() => undefined);
  return run;
}

/** Runs `command` in `cwd` to its end (or the timeout), with stdout and stderr in one stream, as a terminal shows them. */
function runProcess(command: string, args: string[], cwd: string): Promise<{ output: string; status: number | null }> {
  const log = join(cwd, `.out-${process.pid}-${Date.now()}`);
  const fd = openSync(log, 'w');
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', fd, fd], env: listingEnv(), detached: true });
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
    child.on('close', (code) => done(code));
  });
}

function killGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** This Node first on the PATH, so `node` in a shell listing is the Node the site is built with; no colours. */
const listingEnv = () => ({
  ...childEnv(),
  PATH: `${dirname(process.execPath)}:${childEnv().PATH ?? ''}`,
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTHONHASHSEED: '0',
  TZ: 'UTC',
  LANG: 'C.UTF-8',
});

/** The file a listing is saved as: its `file=` name, or one named by its line. */
function fileOf(listing: Listing): string {
  if (listing.meta.file) return listing.meta.file;
  const extension = {
    node: /^\s*(?:const|let|var)\s.*=\s*require\(/m.test(listing.code)
      ? '.cjs'
      : listing.lang.startsWith('t')
        ? '.ts'
        : '.mjs',
    python: '.py',
    shell: '.sh',
    sql: '.sql',
  }[listing.runner];
  return `listing-${listing.line}${extension}`;
}

const COMMAND = { node: process.execPath, python: 'python3', shell: 'bash' } as const;

/** Starts a `background` listing and waits for its first line of output (it is ready) or its end. */
function startBackground(listing: Listing, dir: string): Promise<ChildProcess> {
  const runner = listing.runner as keyof typeof COMMAND;
  const child = spawn(COMMAND[runner], [fileOf(listing)], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: listingEnv(),
    detached: true,
  });
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

/**
 * Runs every listing of one page in order, in a scratch folder `dir`, and says how each compared. A page whose
 * listings use the network runs in its turn (`inNetworkTurn`).
 */
export function runPage(listings: readonly Listing[], dir: string): Promise<ListingResult[]> {
  return inNetworkTurn(
    listings.some((l) => l.meta.norun === undefined && (NETWORK.test(l.code) || l.meta.cmd?.match(NETWORK))),
    () => runPageNow(listings, dir),
  );
}

async function runPageNow(listings: readonly Listing[], dir: string): Promise<ListingResult[]> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const listing of listings)
    if (listing.runner !== 'sql' || listing.meta.file) writeFileSync(join(dir, fileOf(listing)), `${listing.code}\n`);
  const shown = listings.filter((listing) => listing.output);
  const pageSql = listings
    .filter((l) => l.runner === 'sql')
    .map((l) => l.code)
    .join('\n');
  // A page's SQL runs only when one of its SQL listings shows output that is checked.
  const runsSql = shown.some((l) => l.runner === 'sql' && l.meta.norun === undefined);
  const sql = sqlSteps(new SqlSession(pageSql));
  const background: ChildProcess[] = [];
  const results: ListingResult[] = [];
  try {
    for (const listing of listings) {
      if (listing.meta.norun !== undefined) {
        if (listing.output) results.push({ listing, verdict: { status: 'marked', reason: listing.meta.norun } });
        continue;
      }
      if ('background' in listing.meta) {
        background.push(await startBackground(listing, dir));
        continue;
      }
      if (listing.runner === 'sql') {
        if (runsSql) await sql.step(listing, results);
        continue;
      }
      if (!listing.output) continue; // a file another listing runs
      results.push({ listing, verdict: await runListing(listing, dir) });
    }
  } finally {
    for (const child of background) killGroup(child);
    await sql.session.close();
  }
  return results;
}

/** The first and last lines of a failing run: the error, and where it ended. */
function excerpt(output: string): string {
  const lines = output.trim().split('\n');
  return lines.length <= 14 ? lines.join('\n') : [...lines.slice(0, 6), '…', ...lines.slice(-7)].join('\n');
}

/**
 * Runs a listing (its `cmd`, or its file with its language's command) and judges what it printed; `repeat=N` runs it
 * N times, for a listing whose input is drawn afresh on each run (a random key, a token), and every run must match.
 */
async function runListing(listing: Listing, dir: string): Promise<Verdict> {
  const runs = Math.max(1, Number(listing.meta.repeat ?? 1) || 1);
  let verdict: Verdict = { status: 'passed' };
  for (let run = 1; run <= runs && verdict.status === 'passed'; run++) {
    const { output, status } = listing.meta.cmd
      ? await runProcess('bash', ['-c', listing.meta.cmd], dir)
      : await runProcess(COMMAND[listing.runner as keyof typeof COMMAND], [fileOf(listing)], dir);
    const expected = Number(listing.meta.exit ?? 0);
    const which = runs > 1 ? ` (run ${run} of ${runs})` : '';
    if (status !== expected) {
      const why = status === null ? `did not end within ${LISTING_TIMEOUT_MS / 1000} s` : `exited with ${status}`;
      const hint = listing.meta.exit ? '' : ' (set exit=N if the page means it to fail)';
      return { status: 'failed', message: `${why}, not ${expected}${which}${hint}:\n${excerpt(output)}` };
    }
    verdict = judge(listing, [output]);
    if (verdict.status === 'failed' && which) verdict = { ...verdict, message: `${verdict.message}\n${which.trim()}` };
  }
  return verdict;
}

/**
 * The page's SQL listings in turn, in one session; once a statement fails, the later listings cannot be trusted,
 * and those with output fail naming the statement that broke the page's SQL.
 */
function sqlSteps(session: SqlSession) {
  let broken: string | undefined;
  async function step(listing: Listing, results: ListingResult[]) {
    if (broken) {
      if (listing.output) results.push({ listing, verdict: { status: 'failed', message: `not run: ${broken}` } });
      return;
    }
    try {
      const renderings = await session.run(listing.code);
      if (listing.output) results.push({ listing, verdict: judge(listing, renderings) });
    } catch (error) {
      broken = `the page's SQL at line ${listing.line} failed: ${(error as Error).message}`;
      if (listing.output) results.push({ listing, verdict: { status: 'failed', message: broken } });
    }
  }
  return { session, step };
}

/** Whether any of the ways the listing's output may be shown is what the page shows. */
function judge(listing: Listing, printed: readonly string[]): Verdict {
  const output = listing.output!;
  const { kinds } = parseVary(output.meta.vary);
  const comparisons = printed.map((text) => compareOutput(output.code, text, kinds));
  if (comparisons.some((c) => c.same)) return { status: 'passed' };
  // The diff against the rendering closest to the page.
  const closest = comparisons.reduce((best, c) =>
    lineDiff(c.expected, c.actual, 1e9)
      .split('\n')
      .filter((l) => !l.startsWith('  ')).length <
    lineDiff(best.expected, best.actual, 1e9)
      .split('\n')
      .filter((l) => !l.startsWith('  ')).length
      ? c
      : best,
  );
  return {
    status: 'failed',
    message: `the output differs from the page (line ${output.line}; - page, + ran):\n${lineDiff(closest.expected, closest.actual)}`,
  };
}
