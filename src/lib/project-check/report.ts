/**
 * What a checker run prints: a line per check as it ends, and for each that failed what was sent, what came back,
 * the rule it broke and the topic that teaches it; then the summary, and the link that carries the milestones that
 * passed back to the site. Also the same as JSON, for scripts. Plain text: a terminal, a CI log or a file reads it.
 * IMPORTED IN BOTH NODE AND BROWSER CODE: no Node.
 */
import { requestLetter } from '../labs/api/index.ts';
import type { HttpExchange } from '../labs/shared/lab-spec.ts';
import type { Contract } from './contract.ts';
import type { CheckOutcome } from './run-checks.ts';

/** Characters of a body shown; the rest is cut with a count. */
const BODY_SHOWN = 400;

const clip = (text: string) =>
  text.length > BODY_SHOWN ? `${text.slice(0, BODY_SHOWN)}… (${text.length - BODY_SHOWN} more characters)` : text;

const MARK = { passed: '✓', failed: '✗', blocked: '–' } as const;

/** One line for a check as it ends: "✓ 2.1 Sign-up answers 201 with the account (84 ms)". */
export const outcomeLine = (o: CheckOutcome) =>
  `${MARK[o.status]} ${o.number} ${o.check.name}${o.status === 'blocked' ? ' (not run)' : ''} (${o.ms} ms)`;

/** A request and what came back, indented under a failed check. */
function exchangeLines(exchange: HttpExchange, label = ''): string[] {
  const { request, response, error } = exchange;
  const sent = [`    Sent${label}: ${request.method} ${request.path}`];
  if (request.body) sent.push(`      ${clip(request.body)}`);
  if (!response) return [...sent, `    Got: no response (${error?.message ?? 'unknown'})`];
  const type = response.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  return [
    ...sent,
    `    Got: ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${type ? ` (${type})` : ''}`,
    ...(response.body ? [`      ${clip(response.body)}`] : []),
  ];
}

/** What a failed or blocked check prints under its line. */
export function failureLines(o: CheckOutcome, site: string): string[] {
  if (o.status === 'passed') return [];
  const lines = [`    Why: ${o.result.message ?? 'it failed'}`];
  if (o.status === 'failed') {
    const { exchange, concurrent } = o.result;
    if (concurrent)
      for (const [i, e] of concurrent.exchanges.entries()) lines.push(...exchangeLines(e, ` ${requestLetter(i)}`));
    else if (exchange) lines.push(...exchangeLines(exchange));
    lines.push(`    Rule: ${o.check.rule}`, `    Learn: ${site}/topics/${o.check.topic}/`);
  }
  return lines;
}

/** The counts line: "11 passed, 1 failed, 2 not run, of 14 checks in 3.2 s". */
export function summaryLine(outcomes: readonly CheckOutcome[], ms: number): string {
  const n = (status: CheckOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return `${n('passed')} passed, ${n('failed')} failed, ${n('blocked')} not run, of ${outcomes.length} checks in ${(ms / 1000).toFixed(1)} s`;
}

/** The run as JSON for scripts: every check with its status, message and the exchange that decided it. */
export function jsonReport(contract: Contract, outcomes: readonly CheckOutcome[], extra: Record<string, unknown>) {
  return {
    project: contract.project,
    ...extra,
    checks: outcomes.map((o) => ({
      number: o.number,
      milestone: o.milestone,
      name: o.check.name,
      status: o.status,
      ms: o.ms,
      ...(o.status === 'passed'
        ? {}
        : { message: o.result.message, rule: o.check.rule, topic: o.check.topic, exchange: o.result.exchange }),
    })),
  };
}
