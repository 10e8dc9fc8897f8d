/**
 * What every lab page does with its hints and its solution, whatever the kind (lab-workbench.ts, design-lab.ts):
 * hints revealed one at a time, and the solution shown before a first run only after a confirm.
 */
import { fill } from '../../core/format/fill.ts';
import { part } from '../parts.ts';
import { labWords } from './lab-words.ts';

/** The hints of `root` ([data-hints] > li), one more at each press of [data-next-hint]; the new one takes focus. */
export function setUpHints(root: HTMLElement, signal: AbortSignal) {
  const items = [...root.querySelectorAll<HTMLLIElement>('[data-hints] > li')];
  const button = part(root, '[data-next-hint]', HTMLButtonElement);
  const words = labWords(root);
  let shown = 0;
  const update = () => {
    items.forEach((item, i) => (item.hidden = i >= shown));
    button.hidden = shown >= items.length;
    button.textContent = fill(words.showHint, { n: shown + 1, total: items.length });
  };
  const next = () => {
    shown++;
    update();
    items[shown - 1]?.setAttribute('tabindex', '-1');
    items[shown - 1]?.focus();
  };
  button.addEventListener('click', next, { signal });
  update();
}

/** The solution ([data-solution], a <details>), before any run, only after a confirm: trying first is how a lab teaches. */
export function guardSolution(root: HTMLElement, hasRun: () => boolean, signal: AbortSignal) {
  const solution = part(root, '[data-solution]', HTMLDetailsElement);
  const ask = (event: Event) => {
    if (solution.open || hasRun()) return;
    if (!confirm(labWords(root).solutionConfirm)) event.preventDefault();
  };
  part(solution, 'summary').addEventListener('click', ask, { signal });
}
