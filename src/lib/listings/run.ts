/**
 * Runs a page's listings as a reader would, in Node: each page in a scratch folder of its own, JavaScript and
 * TypeScript with this Node, Python with the machine's `python3` (its standard library, and the packages this machine's Python has: pytest,
 * Flask, PyYAML, openapi-spec-validator, graphql-core, orjson, SciPy; PyPI is not reachable here), shell with `bash` (with this
 * Node first on its PATH), and the page's SQL in one PGlite (PostgreSQL 18) database in page order. What a listing
 * prints (stdout and stderr, in the order written) is compared with the page's output block (compare.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { compareOutput, lineDiff, parseVary } from './compare.ts';
import type { Listing } from './listings.ts';
import { endGroup, LISTING_TIMEOUT_MS, runProcess, startBackground } from './processes.ts';
import { postgresFor, psqlProgram } from './postgres-server.ts';
import { SqlSession } from './sql-session.ts';

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
    file: '',
  }[listing.runner];
  return `listing-${listing.line}${extension}`;
}

const COMMAND = { node: process.execPath, python: 'python3', shell: 'bash' } as const;

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
  // A page with a listing marked `postgres` runs on a real server, its SQL through psql (postgres-server.ts).
  const server = listings.some((l) => 'postgres' in l.meta && l.meta.norun === undefined);
  const env: Record<string, string> = server ? { ...(await postgresFor(basename(dir))) } : {};
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The project's packages, as if the listing sat in a project that installed them (Node resolves node_modules
  // upwards); the folder itself is outside node_modules, where Node would not strip a TypeScript listing's types.
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  for (const listing of listings)
    if (listing.runner !== 'sql' || listing.meta.file || server)
      writeFileSync(join(dir, fileOf(listing)), `${listing.code}\n`);
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
        const [command, args] = listing.meta.cmd
          ? ['bash', ['-c', listing.meta.cmd]]
          : [COMMAND[listing.runner as keyof typeof COMMAND], [fileOf(listing)]];
        background.push(await startBackground(command, args, dir, env));
        continue;
      }
      if (listing.runner === 'sql' && !server) {
        if (runsSql) await sql.step(listing, results);
        continue;
      }
      if (!listing.output && listing.runner !== 'sql') continue; // a file another listing runs
      const verdict = await runListing(listing, dir, env);
      if (listing.output || verdict.status === 'failed') results.push({ listing, verdict });
    }
  } finally {
    // The page's servers are gone before the next page runs: the next may listen on the same port.
    await Promise.all(background.map(endGroup));
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
async function runListing(listing: Listing, dir: string, env: Record<string, string>): Promise<Verdict> {
  const runs = Math.max(1, Number(listing.meta.repeat ?? 1) || 1);
  let verdict: Verdict = { status: 'passed' };
  for (let run = 1; run <= runs && verdict.status === 'passed'; run++) {
    const [command, args] = listing.meta.cmd
      ? ['bash', ['-c', listing.meta.cmd]]
      : listing.runner === 'sql'
        ? [psqlProgram(), ['-X', '-q', '-f', fileOf(listing)]]
        : [COMMAND[listing.runner as keyof typeof COMMAND], [fileOf(listing)]];
    const ran = await runProcess(command, args, dir, env);
    // psql names the file and line before an error it read from a file; a reader pasting the statements sees none.
    const output = listing.runner === 'sql' ? ran.output.replace(/^psql:[^:\n]+:\d+: /gm, '') : ran.output;
    const { status } = ran;
    const expected = Number(listing.meta.exit ?? 0);
    const which = runs > 1 ? ` (run ${run} of ${runs})` : '';
    if (status !== expected) {
      const why = status === null ? `did not end within ${LISTING_TIMEOUT_MS / 1000} s` : `exited with ${status}`;
      const hint = listing.meta.exit ? '' : ' (set exit=N if the page means it to fail)';
      return { status: 'failed', message: `${why}, not ${expected}${which}${hint}:\n${excerpt(output)}` };
    }
    // SQL the page shows no output of sets up what later listings read: an error there is a broken page.
    if (!listing.output)
      return /^ERROR: /m.test(output)
        ? { status: 'failed', message: `the page's SQL at line ${listing.line} failed:\n${excerpt(output)}` }
        : { status: 'passed' };
    verdict = judge(listing, [output]);
    if (verdict.status === 'failed' && which) verdict = { ...verdict, message: `${verdict.message}\n${which.trim()}` };
  }
  return verdict;
}

/**
 * The page's SQL listings in turn, in one session, as a reader pastes them into psql. An error is output like any
 * other (psql prints it and goes on); in a listing the page shows no output of, it is a broken page.
 */
function sqlSteps(session: SqlSession) {
  async function step(listing: Listing, results: ListingResult[]) {
    try {
      const { renderings, error } = await session.run(listing.code);
      if (listing.output) results.push({ listing, verdict: judge(listing, renderings) });
      else if (error)
        results.push({
          listing,
          verdict: { status: 'failed', message: `the page's SQL at line ${listing.line} failed:\n${error}` },
        });
    } catch (error) {
      results.push({ listing, verdict: { status: 'failed', message: `PGlite failed: ${(error as Error).message}` } });
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
