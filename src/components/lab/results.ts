/**
 * Draws a run's result into the lab page: the checks with pass or fail and why, then what the code printed (result
 * tables, plans, command tags, console output) and any error as the engine reported it. Text only, never HTML from
 * the run: every value is set as textContent.
 */
import type { RunWords } from '../../lib/labs/shared/lab-kind.ts';
import {
  type CheckResult,
  LEARNER_STOPPED,
  type LabRun,
  type RunError,
  type StatementOutput,
} from '../../lib/labs/shared/lab-spec.ts';
import { h } from '../dom.ts';
import { concurrentDetails } from './concurrent-exchange.ts';
import { exchangeDetails } from './http-exchange.ts';
import { count, sentence } from '../../core/format/words.ts';

/** Whitespace aside, the code is still the lab's starter. */
export const isStarter = (code: string, starter: string) => code.replace(/\s+/g, '') === starter.replace(/\s+/g, '');

/**
 * The learner ran the unchanged starter and it did not pass: it stopped on an error about its placeholders (a
 * Postgres SQLSTATE, a JavaScript error's name), or it ran and the checks failed. Not a stop at a time limit or the
 * engine's own failure, whose errors carry no code: those are said as they are.
 */
export const starterFailed = (run: LabRun, code: string, starter: string) =>
  !run.passed && (!run.error || (!!run.error.code && run.error.code !== 'Stopped')) && isStarter(code, starter);

/** Said in place of what the unchanged starter got: its error is about its blanks, its failures about no answer yet. */
export const starterMessage = (run: LabRun) =>
  run.error ? 'the starter code cannot run until you fill it in.' : 'that is the starter as given, not an answer yet.';

/** A run its time limit stopped: why, the test it was in when that is known, and how many had passed by then. */
function stoppedSummary(run: LabRun, message: string, passed: number, kind: RunWords['graders']): string {
  const inTest = run.checks.find((c) => c.cut === 'stopped');
  const where = inTest ? ` It was still running in the ${kind === 'checks' ? 'check' : 'test'} “${inTest.name}”.` : '';
  const before = passed ? ` ${passed} of ${run.checks.length} ${kind} passed before the stop.` : '';
  return `${sentence(message)}${where}${before}`;
}

/** The one line read out in the live region. */
export function summaryOf(run: LabRun, kind: RunWords['graders']): string {
  const total = run.checks.length;
  const passed = run.checks.filter((c) => c.passed).length;
  const one = kind === 'checks' ? 'check' : 'test';
  if (run.passed)
    return total === 1 ? `Passed: the ${one} passes. Well done.` : `Passed: all ${total} ${kind} pass. Well done.`;
  if (run.error?.code === 'Stopped' && run.error.message === LEARNER_STOPPED) return `Stopped: ${LEARNER_STOPPED}`;
  if (run.error?.code === 'Stopped') return `Not yet: ${stoppedSummary(run, run.error.message, passed, kind)}`;
  if (run.error && passed === 0)
    return `Not yet: ${sentence(`your code stopped with an error${run.error.line ? ` on line ${run.error.line}` : ''}: ${run.error.message}`)}`;
  const failed = run.checks.find((c) => !c.passed);
  const tally =
    total === 1 ? `the ${one} does not pass.` : `${passed} of ${total} ${kind} ${passed === 1 ? 'passes' : 'pass'}.`;
  // An API request stopped at its limit is said here, once, with the request: the test's name alone reads as a wrong answer.
  const stopped = failed?.exchange?.error?.code === 'Stopped' ? failed.exchange : undefined;
  const stop = stopped ? ` ${stopped.request.method} ${stopped.request.path}: ${sentence(stopped.error!.message)}` : '';
  return `Not yet: ${tally}${failed ? ` First to fix: ${sentence(failed.name)}${stop}` : ''}`;
}

function errorBlock(error: RunError): HTMLElement {
  const where = error.line ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ''})` : '';
  // A code the message already opens with ("Stopped after 5 seconds…") is not said twice.
  const code = error.code && !error.message.startsWith(error.code) ? `${error.code}: ` : '';
  const lines = [`${code}${error.message}${where}`];
  if (error.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`HINT: ${error.hint}`);
  return h('pre', 'lab-pre lab-error', { tabindex: 0 }, lines.join('\n'));
}

function statementBlock(output: StatementOutput, index: number): HTMLElement {
  if (output.kind === 'plan')
    return h('pre', 'lab-pre', { tabindex: 0, 'aria-label': `Plan of statement ${index + 1}` }, output.text);
  if (output.kind === 'command') return h('p', 'lab-pre', {}, output.text);
  const { columns, rows, more } = output.table;
  const table = h(
    'table',
    'lab-table',
    {},
    h('caption', 'sr-only', {}, `Rows of statement ${index + 1}`),
    h('thead', '', {}, h('tr', '', {}, ...columns.map((c) => h('th', '', { scope: 'col' }, c)))),
    h('tbody', '', {}, ...rows.map((row) => h('tr', '', {}, ...row.map((v) => h('td', '', {}, v))))),
  );
  const wrap = h(
    'div',
    'lab-table-wrap',
    { tabindex: 0, role: 'region', 'aria-label': `Rows of statement ${index + 1}` },
    table,
  );
  const tally = h(
    'p',
    'text-sm text-muted mb-1',
    {},
    `${count(rows.length + more, 'row')}${more ? ` (first ${rows.length} shown)` : ''}`,
  );
  return h('div', '', {}, tally, wrap);
}

/** A check's message; text after its first line break (a plan, a listing) as preformatted text. */
function messageOf(message: string): HTMLElement[] {
  const [first, ...rest] = message.split('\n');
  const lines = [h('span', 'lab-check-message', {}, first!)];
  if (rest.length) lines.push(h('pre', 'lab-pre lab-check-message mt-1 mb-0', { tabindex: 0 }, rest.join('\n')));
  return lines;
}

/** The checks by name, none marked: what a run of the unchanged starter shows instead of failures it did not earn. */
function checkNames(run: LabRun, kind: RunWords['graders']): HTMLElement[] {
  if (!run.checks.length) return [];
  return [
    h('h3', 'mb-2 font-bold', {}, `What the ${kind} look for`),
    h(
      'ul',
      'lab-checks',
      {},
      ...run.checks.map((check) =>
        h('li', 'lab-check', {}, h('span', 'lab-check-mark', { 'aria-hidden': 'true' }, '•'), check.name),
      ),
    ),
  ];
}

/** A test the run's time limit kept from starting: neither passed nor failed. */
const notRun = (check: CheckResult) => check.cut === 'not-run';

/**
 * Draws a run. `starter`: the learner ran the unchanged starter, which stopped on its placeholders; the status line
 * says what the task asks, so the checks show by name, without the failures and the error the placeholders caused.
 */
export function renderRun(target: HTMLElement, run: LabRun, kind: RunWords['graders'], starter = false) {
  if (starter) {
    const output = h('div', 'lab-output');
    if (run.statements?.length) output.append(h('h3', '', {}, 'Output'), ...run.statements.map(statementBlock));
    target.replaceChildren(...checkNames(run, kind), output);
    return;
  }
  // API labs: the request that decided each test, open under the first failure.
  const firstFailure = run.checks.find((c) => !c.passed && (c.exchange || c.concurrent));
  const checks = h(
    'ul',
    'lab-checks',
    { 'aria-label': 'Checks' },
    ...run.checks.map((check) =>
      h(
        'li',
        'lab-check',
        { 'data-passed': notRun(check) ? 'not-run' : String(check.passed) },
        h('span', 'lab-check-mark', { 'aria-hidden': 'true' }, check.passed ? '✓' : notRun(check) ? '–' : '✗'),
        h(
          'span',
          '',
          {},
          h('span', 'sr-only', {}, check.passed ? 'Passed: ' : notRun(check) ? 'Not run: ' : 'Failed: '),
          check.name,
        ),
        ...(check.message ? messageOf(check.message) : []),
        ...(check.exchange ? [exchangeDetails(check.exchange, check === firstFailure)] : []),
        ...(check.concurrent ? [concurrentDetails(check.concurrent, check === firstFailure)] : []),
      ),
    ),
  );
  const output = h('div', 'lab-output');
  // A stop the status line explains (summaryOf) is not repeated word for word below it.
  const said = run.error?.code === 'Stopped';
  if (run.error && !said) output.append(h('h3', '', {}, 'Error'), errorBlock(run.error));
  for (const note of run.notes ?? []) output.append(h('p', 'notice notice-warn mb-3', {}, note));
  if (run.statements?.length) output.append(h('h3', '', {}, 'Output'), ...run.statements.map(statementBlock));
  if (run.logs?.length && !run.checks.some((c) => c.exchange || c.concurrent))
    output.append(h('h3', '', {}, 'Console'), h('pre', 'lab-pre', { tabindex: 0 }, run.logs.join('\n')));
  target.replaceChildren(...(run.checks.length ? [checks] : []), output);
}
