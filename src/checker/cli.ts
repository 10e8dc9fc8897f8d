/**
 * `node atlas-check.mjs <project> [--base URL]`: checks a learner's own server, in any language, against its
 * project's contract, from their machine. Bundled with every project's contract into one file that needs only
 * Node 20 or later (src/checker/bundle.ts). Talks only to loopback unless told `--allow-remote`; every request is
 * time-limited and the run bounded; whatever the server does is reported, never thrown.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Contract } from '../lib/project-check/contract.ts';
import { contractRule } from '../lib/project-check/contract-rules.ts';
import { fetchTarget, sendOver } from '../lib/project-check/fetch-target.ts';
import { failureLines, jsonReport, outcomeLine, summaryLine } from '../lib/project-check/report.ts';
import {
  type CheckOutcome,
  passedMilestones,
  runChecks,
  type UpstreamControl,
} from '../lib/project-check/run-checks.ts';
import { CHECKER_VERSION, resultLink } from '../lib/project-check/result-link.ts';
import { baseProblem } from './base-url.ts';
import { helpText, listText } from './cli-text.ts';
import { startUpstream } from './upstream.ts';

/** Where a run's text goes, and where the learner answers a prompt: the process's own streams in real use. */
export interface CheckerIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves with the next line typed, or undefined when input has ended. */
  readLine: () => Promise<string | undefined>;
}

/** The bounds of a run. */
export const LIMITS = { requests: 2000, runMs: 10 * 60_000, bodyBytes: 1 << 20, timeoutMs: 5000 };

const OPTIONS = {
  base: { type: 'string', default: 'http://127.0.0.1:8080' },
  milestone: { type: 'string' },
  json: { type: 'boolean', default: false },
  list: { type: 'boolean', default: false },
  'allow-remote': { type: 'boolean', default: false },
  timeout: { type: 'string' },
  'upstream-port': { type: 'string', default: '8091' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;

/** Runs the checker; the exit code: 0 every check passed, 1 a check failed or the run could not start, 2 a usage error. */
export async function main(
  contracts: readonly Contract[],
  argv: string[],
  io: CheckerIo,
  site: string,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${(error as Error).message}\nRun with --help to see what the checker takes.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return (io.out(helpText(contracts)), 0);
  if (values.version) return (io.out(CHECKER_VERSION), 0);
  const contract = contracts.find((c) => c.project === positionals[0]);
  if (values.list) return (io.out(listText(contracts, contract)), 0);
  if (!contract) {
    const named = positionals[0] ? `There is no project "${positionals[0]}". ` : 'Name the project to check. ';
    io.err(`${named}Projects: ${contracts.map((c) => c.project).join(', ')}.`);
    return 2;
  }
  const milestone = values.milestone === undefined ? undefined : Number(values.milestone);
  if (
    milestone !== undefined &&
    !(Number.isInteger(milestone) && milestone >= 1 && milestone <= contract.milestones.length)
  ) {
    io.err(`--milestone takes a number from 1 to ${contract.milestones.length} for ${contract.project}.`);
    return 2;
  }
  const timeoutMs = values.timeout === undefined ? LIMITS.timeoutMs : Number(values.timeout) * 1000;
  if (!(timeoutMs >= 100 && timeoutMs <= 60_000)) {
    io.err('--timeout takes seconds, from 0.1 to 60.');
    return 2;
  }
  const upstreamPort = Number(values['upstream-port']);
  if (!(Number.isInteger(upstreamPort) && upstreamPort > 0 && upstreamPort < 65536)) {
    io.err('--upstream-port takes a port number, from 1 to 65535.');
    return 2;
  }
  const checked = await baseProblem(values.base, values['allow-remote']);
  if ('problem' in checked) return (io.err(checked.problem), 2);
  const settings = { milestone, timeoutMs, json: values.json, upstreamPort };
  return withUpstream(contract, settings, io, (upstream) => run(contract, checked.url, settings, io, site, upstream));
}

interface RunSettings {
  milestone: number | undefined;
  timeoutMs: number;
  json: boolean;
  upstreamPort: number;
}

/** Runs `body` with the contract's upstream stand-in listening, when it has one; its exit code, or 2 if it cannot. */
async function withUpstream(
  contract: Contract,
  settings: RunSettings,
  io: CheckerIo,
  body: (upstream: UpstreamControl | undefined) => Promise<number>,
): Promise<number> {
  if (!contract.upstream) return body(undefined);
  const { env, description } = contract.upstream;
  let stand: Awaited<ReturnType<typeof startUpstream>>;
  try {
    stand = await startUpstream(contract.upstream, settings.upstreamPort);
  } catch (error) {
    io.err(
      `The checker plays ${description}, but port ${settings.upstreamPort} is taken (${(error as Error).message}). Pass --upstream-port with a free port, and start your server with ${env} set to match.`,
    );
    return 2;
  }
  (settings.json ? io.err : io.out)(
    `This project calls ${description}. The checker plays it at ${stand.url}: your server must be started with ${env}=${stand.url}.`,
  );
  try {
    return await body(stand.control);
  } finally {
    await stand.close();
  }
}

/** One run against `base`: a first request to see the server is there, then the checks as they go. */
async function run(
  contract: Contract,
  base: URL,
  settings: RunSettings,
  io: CheckerIo,
  site: string,
  upstream: UpstreamControl | undefined,
) {
  const started = Date.now();
  let sent = 0;
  const options = {
    base,
    timeoutMs: settings.timeoutMs,
    maxBodyBytes: LIMITS.bodyBytes,
    rule: contractRule(contract),
    onSend: () =>
      ++sent > LIMITS.requests
        ? `the run has sent ${LIMITS.requests} requests, its limit.`
        : Date.now() - started > LIMITS.runMs
          ? `the run has taken ${LIMITS.runMs / 60_000} minutes, its limit.`
          : undefined,
  };
  const say = settings.json ? io.err : io.out;
  const probe = await sendOver(options, { method: 'GET', path: '/', headers: [], body: null });
  if (!probe.response && probe.error?.code !== 'TooLarge') {
    io.err(`Cannot reach your server at ${base.origin}: ${probe.error?.message ?? ''}`);
    return 1;
  }
  say(`Checking ${contract.project} at ${base.href} (checker ${CHECKER_VERSION}).`);
  const outcomes = await runChecks(fetchTarget(options), contract, {
    milestone: settings.milestone,
    upstream,
    runId: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    restart: async (message) => {
      io.err(`\n${message}\nRestart your server now: stop it, start it again, then press Enter here.`);
      return (await io.readLine()) === undefined
        ? 'The checker could not wait for the restart: its input had ended. Run it in a terminal, and press Enter once your server is back.'
        : undefined;
    },
    onCheck: ({ outcome }) => {
      if (!outcome) return;
      say(outcomeLine(outcome));
      for (const line of failureLines(outcome, site)) say(line);
    },
  });
  return report(contract, outcomes, { base, json: settings.json, started }, io, site);
}

/** The end of a run: the summary and the result link, or the whole run as JSON; the exit code. */
function report(
  contract: Contract,
  outcomes: CheckOutcome[],
  { base, json, started }: { base: URL; json: boolean; started: number },
  io: CheckerIo,
  site: string,
): number {
  const milestones = passedMilestones(contract, outcomes);
  const link = resultLink(site, contract.project, {
    version: CHECKER_VERSION,
    day: new Date().toISOString().slice(0, 10),
    milestones,
  });
  const passed = outcomes.every((o) => o.status === 'passed');
  if (json) {
    const extra = { version: CHECKER_VERSION, base: base.href, passed, milestones, link };
    io.out(JSON.stringify(jsonReport(contract, outcomes, extra), null, 2));
  } else {
    io.out(`\n${summaryLine(outcomes, Date.now() - started)}`);
    io.out(
      milestones.length
        ? `Milestones passed: ${milestones.join(', ')} of ${contract.milestones.length}.`
        : 'No milestone passed yet.',
    );
    io.out(`Mark them on your portfolio (this browser only; it is your own report, not a certificate):\n${link}`);
  }
  return passed ? 0 : 1;
}

/** The process's own streams: text to stdout and stderr, answers read a line at a time from stdin. */
export function processIo(): CheckerIo {
  // Opened at the first prompt only: a run with no restart never holds stdin.
  let lines: AsyncIterator<string> | undefined;
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    readLine: async () => {
      lines ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]();
      const next = await lines.next();
      return next.done ? undefined : next.value;
    },
  };
}
