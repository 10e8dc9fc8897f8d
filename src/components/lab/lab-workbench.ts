/**
 * <lab-workbench data-lab="…">: the lab page's light script. It reveals the controls, gives hints one at a time,
 * asks before showing the solution to a learner who has not run anything yet, shows the next step (the next lab, the
 * home topic) once the lab is passed, and on "Start the lab" loads the editor and the engine (workbench.ts, with
 * CodeMirror and a worker) — nothing heavy loads before that click.
 */
import { formatLocalDay } from '../../lib/format/format.ts';
import { getProgress, onProgressChange } from '../progress/progress.ts';
import type { PageLab } from './workbench.ts';

class LabWorkbench extends HTMLElement {
  connectedCallback() {
    const id = this.dataset.lab!;
    const record = () => getProgress().labs[id];
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    this.setUpHints();

    const status = this.querySelector<HTMLElement>('[data-status-line]')!;
    const nextStep = this.querySelector<HTMLElement>('[data-next-step]')!;
    const showPassed = () => {
      const passed = record()?.passed;
      if (passed) nextStep.hidden = false;
      if (passed && !status.querySelector('[data-passed-on]')) {
        status.prepend(
          Object.assign(document.createElement('strong'), {
            className: 'text-done',
            textContent: `Passed on ${formatLocalDay(passed)}. `,
          }),
        );
        status.firstElementChild!.setAttribute('data-passed-on', '');
      }
    };
    showPassed();
    this.addEventListener('lab-run', showPassed);
    onProgressChange(showPassed);

    // The solution, before any run, only after a confirm: trying first is how the lab teaches.
    const solution = this.querySelector<HTMLDetailsElement>('[data-solution]')!;
    solution.querySelector('summary')!.addEventListener('click', (event) => {
      if (solution.open || (record()?.runs ?? 0) > 0 || this.dataset.ran === 'true') return;
      if (!confirm('Show the solution before your first try? You learn more from one attempt, even a wrong one.'))
        event.preventDefault();
    });

    const start = this.querySelector<HTMLButtonElement>('[data-start]')!;
    if (record()?.draft !== undefined) start.textContent = 'Continue the lab';
    start.disabled = false;
    start.addEventListener('click', () => {
      if (!start.disabled) void this.start(start);
    });
  }

  private setUpHints() {
    const items = [...this.querySelectorAll<HTMLLIElement>('[data-hints] > li')];
    const button = this.querySelector<HTMLButtonElement>('[data-next-hint]')!;
    let shown = 0;
    const update = () => {
      items.forEach((item, i) => (item.hidden = i >= shown));
      button.hidden = shown >= items.length;
      button.textContent = `Show hint ${shown + 1} of ${items.length}`;
    };
    button.addEventListener('click', () => {
      shown++;
      update();
      items[shown - 1]?.setAttribute('tabindex', '-1');
      items[shown - 1]?.focus();
    });
    update();
  }

  private async start(button: HTMLButtonElement) {
    const state = this.querySelector<HTMLElement>('[data-engine-state]')!;
    const announce = this.querySelector<HTMLElement>('[data-announce]')!;
    button.disabled = true;
    state.textContent = 'Loading the editor…';
    try {
      const spec = JSON.parse(this.querySelector('[data-lab-spec]')!.textContent!) as PageLab;
      const { startWorkbench } = await import('./workbench.ts');
      button.hidden = true;
      await startWorkbench(this, spec);
    } catch (error) {
      button.disabled = false;
      state.textContent = '';
      announce.textContent = `The lab could not start: ${(error as Error).message}. Reload the page to try again.`;
    }
  }
}

customElements.define('lab-workbench', LabWorkbench);
