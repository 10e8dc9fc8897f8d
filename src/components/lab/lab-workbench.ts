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
import { guardSolution, setUpHints } from './lab-hints.ts';
import type { PageLab } from './workbench.ts';

class LabWorkbench extends AtlasElement {
  protected connect(signal: AbortSignal) {
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    setUpHints(this, signal);
    const showPassed = () => this.#showPassed();
    showPassed();
    this.addEventListener('lab-run', showPassed, { signal });
    onProgressChange(showPassed, signal);
    guardSolution(this, () => (this.#record()?.runs ?? 0) > 0 || this.dataset.ran === 'true', signal);
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
