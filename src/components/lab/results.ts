/**
 * Draws a run's result into the lab page: the checks with pass or fail and why, then what the code printed (result
 * tables, plans, command tags, console output) and any error as the engine reported it. Text only, never HTML from
 * the run: every value is set as textContent.
 */
import type { RunWords } from '../../lib/labs/shared/lab-kind.ts';
import { type CheckResult, type LabRun, type RunError, type StatementOutput } from '../../lib/labs/shared/lab-spec.ts';
import { h } from '../dom.ts';
import { inlineNodes } from '../inline-nodes.ts';
import { concurrentDetails } from './concurrent-exchange.ts';
import { exchangeDetails } from './http-exchange.ts';
import { sentence } from '../../core/format/words.ts';
import { fill, plural } from '../../core/format/fill.ts';
import type { LabWords } from './lab-words.ts';

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
export const starterMessage = (run: LabRun, words: LabWords) => (run.error ? words.starterError : words.starterAsGiven);

/** The status line for a run of the unchanged starter: why it got nothing, and the task in a sentence. */
export const starterSummary = (run: LabRun, task: string, words: LabWords): (string | HTMLElement)[] => [
  `${fill(words.notYet, { message: starterMessage(run, words) })} `,
  h('span', 'lab-summary-detail', {}, words.yourTask, ...inlineNodes(task)),
];

/** A run its time limit stopped: why, the test it was in when that is known, and how many had passed by then. */
function stoppedSummary(run: LabRun, message: string, passed: number, kind: RunWords['graders'], words: LabWords) {
  const inTest = run.checks.find((c) => c.cut === 'stopped');
  const graders = words.graders[kind];
  const where = inTest ? fill(words.stoppedIn, { inThe: graders.inThe, name: inTest.name }) : '';
  const before = passed ? fill(words.passedBeforeStop, { passed, total: run.checks.length, many: graders.many }) : '';
  return `${sentence(message)}${where}${before}`;
}

/** The one line read out in the live region. */
export function summaryOf(run: LabRun, kind: RunWords['graders'], words: LabWords): string {
  const total = run.checks.length;
  const passed = run.checks.filter((c) => c.passed).length;
  const graders = words.graders[kind];
  const notYet = (message: string) => fill(words.notYet, { message });
  if (run.passed)
    return total === 1
      ? fill(words.passedOne, { the: graders.the })
      : fill(words.passedAll, { all: fill(graders.all, { n: total }) });
  if (run.error?.code === 'Stopped' && run.error.message === words.stop.learner)
    return fill(words.stoppedByYou, { message: words.stop.learner });
  if (run.error?.code === 'Stopped') return notYet(stoppedSummary(run, run.error.message, passed, kind, words));
  if (run.error && passed === 0) {
    const { line, message } = run.error;
    return notYet(sentence(line ? fill(words.errorOnLine, { line, message }) : fill(words.errorAt, { message })));
  }
  const failed = run.checks.find((c) => !c.passed);
  const tally =
    total === 1
      ? fill(words.failedOne, { the: graders.the })
      : fill(passed === 1 ? words.tallyOne : words.tallyMany, { passed, total, many: graders.many });
  // An API request stopped at its limit is said here, once, with the request: the test's name alone reads as a wrong answer.
  const stopped = failed?.exchange?.error?.code === 'Stopped' ? failed.exchange : undefined;
  const stop = stopped ? ` ${stopped.request.method} ${stopped.request.path}: ${sentence(stopped.error!.message)}` : '';
  return notYet(`${tally}${failed ? `${fill(words.firstToFix, { name: sentence(failed.name) })}${stop}` : ''}`);
}

function errorBlock(error: RunError, words: LabWords): HTMLElement {
  const { line, column } = error;
  const where = line ? fill(column ? words.lineColumnAt : words.lineAt, { line, column: column ?? '' }) : '';
  // A code the message already opens with ("Stopped after 5 seconds…") is not said twice.
  const code = error.code && !error.message.startsWith(error.code) ? `${error.code}: ` : '';
  const lines = [`${code}${error.message}${where}`];
  if (error.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`HINT: ${error.hint}`);
  return h('pre', 'lab-pre lab-error', { tabindex: 0 }, lines.join('\n'));
}

function statementBlock(output: StatementOutput, index: number, words: LabWords): HTMLElement {
  if (output.kind === 'plan')
    return h('pre', 'lab-pre', { tabindex: 0, 'aria-label': fill(words.planOf, { n: index + 1 }) }, output.text);
  if (output.kind === 'command') return h('p', 'lab-pre', {}, output.text);
  const { columns, rows, more } = output.table;
  const table = h(
    'table',
    'lab-table',
    {},
    h('caption', 'sr-only', {}, fill(words.rowsOf, { n: index + 1 })),
    h('thead', '', {}, h('tr', '', {}, ...columns.map((c) => h('th', '', { scope: 'col' }, c)))),
    h('tbody', '', {}, ...rows.map((row) => h('tr', '', {}, ...row.map((v) => h('td', '', {}, v))))),
  );
  const wrap = h(
    'div',
    'lab-table-wrap',
    { tabindex: 0, role: 'region', 'aria-label': fill(words.rowsOf, { n: index + 1 }) },
    table,
  );
  const tally = h(
    'p',
    'text-sm text-muted mb-1',
    {},
    `${plural(rows.length + more, words.rowsOne, words.rowsMany)}${more ? fill(words.firstShown, { n: rows.length }) : ''}`,
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
function checkNames(run: LabRun, kind: RunWords['graders'], words: LabWords): HTMLElement[] {
  if (!run.checks.length) return [];
  return [
    h('h3', 'mb-2 font-bold', {}, fill(words.lookFor, { theMany: words.graders[kind].theMany })),
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
export function renderRun(
  target: HTMLElement,
  run: LabRun,
  kind: RunWords['graders'],
  words: LabWords,
  starter = false,
) {
  const statements = () => (run.statements ?? []).map((output, i) => statementBlock(output, i, words));
  if (starter) {
    const output = h('div', 'lab-output');
    if (run.statements?.length) output.append(h('h3', '', {}, words.output), ...statements());
    target.replaceChildren(...checkNames(run, kind, words), output);
    return;
  }
  // API labs: the request that decided each test, open under the first failure.
  const firstFailure = run.checks.find((c) => !c.passed && (c.exchange || c.concurrent));
  const checks = h(
    'ul',
    'lab-checks',
    { 'aria-label': words.checksLabel },
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
          h('span', 'sr-only', {}, check.passed ? words.passed : notRun(check) ? words.notRun : words.failed),
          check.name,
        ),
        ...(check.message ? messageOf(check.message) : []),
        ...(check.exchange ? [exchangeDetails(check.exchange, check === firstFailure, words)] : []),
        ...(check.concurrent ? [concurrentDetails(check.concurrent, check === firstFailure, words)] : []),
      ),
    ),
  );
  const output = h('div', 'lab-output');
  // A stop the status line explains (summaryOf) is not repeated word for word below it.
  const said = run.error?.code === 'Stopped';
  if (run.error && !said) output.append(h('h3', '', {}, words.error), errorBlock(run.error, words));
  for (const note of run.notes ?? []) output.append(h('p', 'notice notice-warn mb-3', {}, note));
  if (run.statements?.length) output.append(h('h3', '', {}, words.output), ...statements());
  if (run.logs?.length && !run.checks.some((c) => c.exchange || c.concurrent))
    output.append(h('h3', '', {}, words.console), h('pre', 'lab-pre', { tabindex: 0 }, run.logs.join('\n')));
  target.replaceChildren(...(run.checks.length ? [checks] : []), output);
}
