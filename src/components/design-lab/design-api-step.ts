/**
 * The API-and-data-model step's check on the page (DesignApiStep.astro), loaded on the learner's first check: each
 * need the task has, met (and by which route or table) or not yet, and the SQL statements it could not read.
 */
import { checkApiModel, type ApiModelSpec } from '../../lib/labs/design/index.ts';
import { part } from '../parts.ts';

const item = (text: string, agrees: boolean) => {
  const li = Object.assign(document.createElement('li'), { className: 'design-verdict', textContent: text });
  li.dataset.agrees = String(agrees);
  return li;
};

/** Shows the verdict under the fields and returns the sentence to announce. */
export function showApiVerdict(root: HTMLElement, spec: ApiModelSpec, routes: string, sql: string): string {
  const verdict = checkApiModel(spec, routes, sql);
  const needs = [...verdict.routes, ...verdict.tables];
  const met = needs.filter((v) => v.met !== undefined).length;
  const list = part(root, '[data-api-needs]');
  list.replaceChildren(
    ...needs.map((v) => item(v.met === undefined ? `Not yet: ${v.need}.` : `Met: ${v.need} (${v.met}).`, !!v.met)),
    ...verdict.unread.map((start) =>
      item(`Not read as a table, an index or a key, so not checked: "${start}…"`, false),
    ),
  );
  list.hidden = false;
  const next = met === needs.length ? 'Compare with the model answer.' : 'Add what is missing and check again.';
  return `${met} of ${needs.length} needs met. ${next}`;
}
