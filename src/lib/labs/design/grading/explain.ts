/**
 * "Where the time went" in a run, in a few lines a learner reads after a failed scenario: the parts requests spent
 * most of their time in, how busy each was and how long its line grew, what failed and where, how far the replicas
 * lagged. It describes the run; it never says what to change. SHARED BY BUILD AND BROWSER CODE.
 */
import { REASONS, type Reason } from '../simulator/metrics.ts';
import type { PartReport, SimResult } from '../simulator/report.ts';

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const percent = (share: number) => `${Math.round(share * 100)} %`;
/** How busy a part was: a part below half a per cent reads "under 1 %", never "up to 0 %". */
const busy = (share: number) => (Math.round(share * 100) === 0 ? 'under 1 %' : `up to ${percent(share)}`);
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : count(value)} ms`;
const time = (value: number) => (value < 1000 ? ms(value) : `${(value / 1000).toFixed(1)} s`);

const REASON_TEXT: Record<Reason, string> = {
  timeout: 'timed out',
  'pool-exhausted': 'found no free connection in time',
  'instance-down': 'were on or sent to a member that was down',
  failover: 'met a primary that was failing over',
  'no-store': 'were answered without reaching any store of the data',
  'queue-full': 'were turned away by a full line',
  'rate-limited': 'were refused by the rate limiter',
};

/** A queue's line: its workers and its messages, which no request waits for. */
function queueLine(part: PartReport): string {
  const facts = [`workers busy ${busy(part.peakUtilisation)}`];
  facts.push(`a message waited ${time(part.messageWait)} for a worker on average`);
  const longest = Math.max(0, ...part.queue);
  if (longest > 0) facts.push(`its line up to ${count(longest)} messages`);
  return `- ${part.kind} ${part.name}: ${facts.join(', ')}.`;
}

/** A queue's messages that came back after a failed delivery, and those that ran out of tries. */
function deliveryLines(part: PartReport): string[] {
  const lines: string[] = [];
  if (part.redelivered > 0)
    lines.push(
      `- ${count(part.redelivered)} messages of ${part.name} were delivered again after their worker died or their work failed: at least once, so what they do must be safe to repeat.`,
    );
  if (part.deadLettered > 0)
    lines.push(
      `- ${count(part.deadLettered)} messages of ${part.name} failed on each of their deliveries and went to its dead-letter queue.`,
    );
  return lines;
}

/** How busy each station of a part was, the busiest first: one saturated shard is not averaged away. */
function stationsBusy(part: PartReport): string {
  const [first, ...rest] = [...part.stations].sort((a, b) => b.peakUtilisation - a.peakUtilisation);
  const others =
    rest.length === 1
      ? `, ${rest[0]!.label} ${busy(rest[0]!.peakUtilisation)}`
      : `, the rest ${busy(Math.max(...rest.map((s) => s.peakUtilisation)))}`;
  return `${first!.label} busy ${busy(first!.peakUtilisation)}${others}`;
}

function partLine(part: PartReport): string {
  if (part.kind === 'queue') return queueLine(part);
  const facts = [`${percent(part.share)} of the time requests spent in parts`];
  facts.push(`mean wait ${ms(part.wait)} and service ${ms(part.service)} per visit`);
  if (part.stations.length > 1) facts.push(stationsBusy(part));
  else if (part.utilisation.length > 0) {
    // Only a service waits on calls while holding a server; a database's or cache's busy time is its own work.
    const own =
      part.kind === 'service' && part.peakUtilisation - part.work > 0.2
        ? ` (its own work ${percent(part.work)}, the rest waiting on its calls)`
        : '';
    facts.push(`busy ${busy(part.peakUtilisation)}${own}`);
  }
  const longest = Math.max(0, ...part.queue);
  if (longest > 0) facts.push(`its line up to ${count(longest)}`);
  if (part.hitRatio !== undefined) facts.push(`hit ratio ${percent(part.hitRatio)}`);
  return `- ${part.kind} ${part.name}: ${facts.join(', ')}.`;
}

function failureLines(result: SimResult): string[] {
  const lines: string[] = [];
  for (const reason of REASONS) {
    const total = result.totals.reasons[reason];
    if (total === 0) continue;
    const where = result.parts
      .filter((part) => (part.failures[reason] ?? 0) > 0)
      .map((part) => `${part.name} ${count(part.failures[reason] ?? 0)}`);
    const first = result.windows.find((row) => row.reasons[reason] > 0)?.at ?? 0;
    const at = where.length > 0 ? ` (at ${where.join(', ')})` : '';
    lines.push(`- ${count(total)} requests ${REASON_TEXT[reason]}${at}, from ${first} s.`);
  }
  return lines;
}

/** The explanation of a run, one fact a line. */
export function whereTimeWent(result: SimResult): string {
  const busiest = [...result.parts]
    .filter((part) => part.share > 0.05 || part.peakUtilisation > 0.8)
    // The part whose own work fills it comes first: it holds up the parts that call it.
    .sort((a, b) => b.work - a.work || b.share - a.share)
    .slice(0, 3);
  const lines = [
    'Where the time went:',
    ...busiest.map(partLine),
    ...failureLines(result),
    ...result.parts.flatMap(deliveryLines),
  ];
  const lag = Math.max(0, ...result.windows.map((row) => row.lag));
  if (lag > 1000 || (result.totals.staleReads > 0 && lag > 0))
    lines.push(`- Replicas lagged the primary by up to ${ms(lag)}.`);
  if (result.totals.staleReads > 0 && result.totals.uncommitted > 0)
    lines.push(
      `- ${count(result.totals.uncommitted)} writes were answered before any database had committed them: they went only to a queue or a cache, or nowhere.`,
    );
  if (result.totals.backgroundFailed > 0)
    lines.push(`- ${count(result.totals.backgroundFailed)} background jobs failed.`);
  return lines.join('\n');
}
