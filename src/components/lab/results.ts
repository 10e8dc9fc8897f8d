/**
 * Draws a run's result into the lab page: the checks with pass or fail and why, then what the code printed (result
 * tables, plans, command tags, console output) and any error as the engine reported it. Text only, never HTML from
 * the run: every value is set as textContent.
 */
import type { LabRun, RunError, StatementOutput } from '../../lib/labs/lab-spec.ts';

type Props<K extends keyof HTMLElementTagNameMap> = Partial<Omit<HTMLElementTagNameMap[K], 'dataset'>> & {
  dataset?: Record<string, string>;
};
const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  { dataset, ...props }: Props<K> = {},
  ...children: (Node | string)[]
) => {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
};

/** The one line read out in the live region. */
export function summaryOf(run: LabRun, kind: 'checks' | 'tests'): string {
  const total = run.checks.length;
  const passed = run.checks.filter((c) => c.passed).length;
  if (run.passed) return `Passed: all ${total} ${kind} pass. Well done.`;
  if (run.error && passed === 0)
    return `Not yet: ${run.error.code === 'Stopped' ? run.error.message : `your code stopped with an error${run.error.line ? ` on line ${run.error.line}` : ''}: ${run.error.message}`}`;
  const failed = run.checks.find((c) => !c.passed);
  return `Not yet: ${passed} of ${total} ${kind} pass. ${failed ? `First to fix: ${failed.name}.` : ''}`;
}

function errorBlock(error: RunError): HTMLElement {
  const where = error.line ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ''})` : '';
  const lines = [`${error.code ? `${error.code}: ` : ''}${error.message}${where}`];
  if (error.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`HINT: ${error.hint}`);
  return el('pre', { className: 'lab-pre lab-error', tabIndex: 0 }, lines.join('\n'));
}

function statementBlock(output: StatementOutput, index: number): HTMLElement {
  if (output.kind === 'plan')
    return el('pre', { className: 'lab-pre', tabIndex: 0, ariaLabel: `Plan of statement ${index + 1}` }, output.text);
  if (output.kind === 'command') return el('p', { className: 'lab-pre' }, output.text);
  const { columns, rows, more } = output.table;
  const table = el(
    'table',
    { className: 'lab-table' },
    el('caption', { className: 'sr-only' }, `Rows of statement ${index + 1}`),
    el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((v) => el('td', {}, v))))),
  );
  const wrap = el(
    'div',
    { className: 'lab-table-wrap', tabIndex: 0, role: 'region', ariaLabel: `Rows of statement ${index + 1}` },
    table,
  );
  const count = el(
    'p',
    { className: 'text-sm text-muted mb-1' },
    `${rows.length + more} row${rows.length + more === 1 ? '' : 's'}${more ? ` (first ${rows.length} shown)` : ''}`,
  );
  return el('div', {}, count, wrap);
}

/** A check's message; text after its first line break (a plan, a listing) as preformatted text. */
function messageOf(message: string): HTMLElement[] {
  const [first, ...rest] = message.split('\n');
  const lines = [el('span', { className: 'lab-check-message' }, first!)];
  if (rest.length)
    lines.push(el('pre', { className: 'lab-pre lab-check-message mt-1 mb-0', tabIndex: 0 }, rest.join('\n')));
  return lines;
}

export function renderRun(target: HTMLElement, run: LabRun) {
  const checks = el(
    'ul',
    { className: 'lab-checks', ariaLabel: 'Checks' },
    ...run.checks.map((check) =>
      el(
        'li',
        { className: 'lab-check', dataset: { passed: String(check.passed) } },
        el('span', { className: 'lab-check-mark', ariaHidden: 'true' }, check.passed ? '✓' : '✗'),
        el('span', {}, el('span', { className: 'sr-only' }, check.passed ? 'Passed: ' : 'Failed: '), check.name),
        ...(check.message ? messageOf(check.message) : []),
      ),
    ),
  );
  const output = el('div', { className: 'lab-output' });
  if (run.error) output.append(el('h3', {}, 'Error'), errorBlock(run.error));
  for (const note of run.notes ?? []) output.append(el('p', { className: 'notice notice-warn mb-3' }, note));
  if (run.statements?.length) output.append(el('h3', {}, 'Output'), ...run.statements.map(statementBlock));
  if (run.logs?.length)
    output.append(el('h3', {}, 'Console'), el('pre', { className: 'lab-pre', tabIndex: 0 }, run.logs.join('\n')));
  target.replaceChildren(...(run.checks.length ? [checks] : []), output);
}
