/**
 * <atlas-lab-workbench data-lab="…">: the lab page's light script. It reveals the controls, gives hints one at a time,
 * asks before showing the solution to a learner who has not run anything yet, shows the next step (the next lab, the
 * home topic) once the lab is passed, and on "Start the lab" loads the editor and the engine (workbench.ts, with
 * CodeMirror and a worker) — nothing heavy loads before that click.
 */
import { AtlasElement, defineElement } from '../element.ts';
import { formatLocalDay } from '../../lib/format/format.ts';
import { jsonPart, part } from '../parts.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';
import type { PageLab } from './workbench.ts';

class LabWorkbench extends AtlasElement {
  protected connect(signal: AbortSignal) {
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    this.#setUpHints();
    const showPassed = () => this.#showPassed();
    showPassed();
    this.addEventListener('lab-run', showPassed, { signal });
    onProgressChange(showPassed, signal);
    this.#guardSolution();
    const start = part(this, '[data-start]', HTMLButtonElement);
    if (this.#record()?.draft !== undefined) start.textContent = 'Continue the lab';
    start.disabled = false;
    start.addEventListener(
      'click',
      () => {
        if (!start.disabled) void this.#start(start);
      },
      { signal },
    );
  }

  #record() {
    return getProgress().labs[this.dataset.lab!];
  }

  /** Once the lab is passed: the next step, and the day it was passed at the head of the status line. */
  #showPassed() {
    const status = part(this, '[data-status-line]');
    const passed = this.#record()?.passed;
    if (passed) part(this, '[data-next-step]').hidden = false;
    if (passed && !status.querySelector('[data-passed-on]')) {
      status.prepend(
        Object.assign(document.createElement('strong'), {
          className: 'text-done',
          textContent: `Passed on ${formatLocalDay(passed)}. `,
        }),
      );
      status.firstElementChild!.setAttribute('data-passed-on', '');
    }
  }

  /** The solution, before any run, only after a confirm: trying first is how the lab teaches. */
  #guardSolution() {
    const solution = part(this, '[data-solution]', HTMLDetailsElement);
    const ask = (event: Event) => {
      if (solution.open || (this.#record()?.runs ?? 0) > 0 || this.dataset.ran === 'true') return;
      if (!confirm('Show the solution before your first try? You learn more from one attempt, even a wrong one.'))
        event.preventDefault();
    };
    part(solution, 'summary').addEventListener('click', ask, { signal: this.signal });
  }

  #setUpHints() {
    const items = [...this.querySelectorAll<HTMLLIElement>('[data-hints] > li')];
    const button = part(this, '[data-next-hint]', HTMLButtonElement);
    let shown = 0;
    const update = () => {
      items.forEach((item, i) => (item.hidden = i >= shown));
      button.hidden = shown >= items.length;
      button.textContent = `Show hint ${shown + 1} of ${items.length}`;
    };
    const next = () => {
      shown++;
      update();
      items[shown - 1]?.setAttribute('tabindex', '-1');
      items[shown - 1]?.focus();
    };
    button.addEventListener('click', next, { signal: this.signal });
    update();
  }

  async #start(button: HTMLButtonElement) {
    const state = part(this, '[data-engine-state]');
    button.disabled = true;
    state.textContent = 'Loading the editor…';
    try {
      const spec = jsonPart<PageLab>(this, '[data-lab-spec]');
      const { startWorkbench } = await import('./workbench.ts');
      button.hidden = true;
      await startWorkbench(this, spec, this.signal);
    } catch (error) {
      button.disabled = false;
      state.textContent = '';
      part(this, '[data-announce]').textContent =
        `The lab could not start: ${(error as Error).message}. Reload the page to try again.`;
    }
  }
}

defineElement('lab-workbench', LabWorkbench);
