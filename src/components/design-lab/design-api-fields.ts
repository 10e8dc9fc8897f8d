/**
 * The API-and-data-model step's fields on the page (DesignApiStep.astro): the learner's routes and SQL restored from
 * the draft and kept in it, the check (design-api-step.ts, loaded on the first one), and the model answer shown once
 * they compare.
 */
import type { ApiModelSpec, DesignDraft } from '../../lib/labs/design/index.ts';
import { part } from '../parts.ts';

export function wireApiStep(
  root: HTMLElement,
  spec: ApiModelSpec,
  draft: DesignDraft,
  update: (change: Partial<DesignDraft>) => void,
  signal: AbortSignal,
) {
  const field = (name: 'routes' | 'tables') => part(root, `[data-api-${name}]`, HTMLTextAreaElement);
  const answer = part(root, '[data-answer="api"]', HTMLDetailsElement);
  field('routes').value = draft.routes ?? '';
  field('tables').value = draft.tables ?? '';
  answer.hidden = !draft.modelled;
  const form = part(root, '[data-api-form]');
  form.addEventListener('input', () => update({ routes: field('routes').value, tables: field('tables').value }), {
    signal,
  });
  form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      void import('./design-api-step.ts').then(({ showApiVerdict }) => {
        const verdict = showApiVerdict(root, spec, field('routes').value, field('tables').value);
        part(root, '[data-api-announce]').textContent = verdict;
      });
    },
    { signal },
  );
  part(root, '[data-api-compare]').addEventListener(
    'click',
    () => {
      update({ modelled: true });
      answer.hidden = false;
      answer.open = true;
    },
    { signal },
  );
}
